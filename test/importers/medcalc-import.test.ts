import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { medcalcCsv, medcalcRow } from '../helpers/medcalc-csv.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';

const good = () =>
  medcalcCsv([
    medcalcRow(),
    medcalcRow({
      'Row Number': '2',
      'Calculator ID': '69',
      'Calculator Name': 'Estimated Gestational Age',
      Category: 'date',
      'Output Type': 'integer',
      'Note ID': 'synthetic-2',
      'Relevant Entities': "{'Current Date': '03/10/2024', 'Last menstrual date': '01/01/2024'}",
      'Ground Truth Answer': "('9 weeks', '6 days')",
      'Lower Limit': "('9 weeks', '6 days')",
      'Upper Limit': "('9 weeks', '6 days')",
    }),
  ]);

async function importInto(dir: string, csv: string, extra: string[] = []) {
  const file = join(dir, 'in.csv');
  writeFileSync(file, csv);
  return runCli(['import', 'medcalc-bench', file, '--split', 'test', '--dir', dir, ...extra]);
}

describe('steward import medcalc-bench', () => {
  it('writes one canonical label per row, deciding the kind by calculator id', async () => {
    const dir = testdir();
    const r = await importInto(dir, good());
    expect(r.code).toBe(0);
    const ga = JSON.parse(readFileSync(join(dir, 'labels/test/gestational-age/test-0002.json'), 'utf8'));
    expect(ga.answer).toEqual({ kind: 'gestational-age', value: [9, 6], lower: [9, 6], upper: [9, 6] });
    expect(ga.source.outputType).toBe('integer');
    const bmi = readFileSync(join(dir, 'labels/test/bmi/test-0001.json'), 'utf8');
    expect(bmi.endsWith('}\n')).toBe(true);
    expect(JSON.parse(bmi).entities).toEqual({ weight: [70, 'kg'], height: [175, 'cm'] });
  });

  it('is a no-op when the same file is imported again', async () => {
    const dir = testdir();
    await importInto(dir, good());
    const before = snapshotTree(dir);
    const r = await importInto(dir, good(), ['--json']);
    expect(JSON.parse(r.out)).toMatchObject({ written: [], added: 0, updated: 0, unchanged: 2 });
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('matches items by (Calculator ID, Note ID) when upstream renumbers rows', async () => {
    const dir = testdir();
    await importInto(dir, good());
    const renumbered = medcalcCsv([
      medcalcRow({
        'Row Number': '7',
        'Ground Truth Answer': '22.9',
        'Lower Limit': '21.755',
        'Upper Limit': '24.045',
      }),
    ]);
    const r = await importInto(dir, renumbered, ['--json']);
    expect(JSON.parse(r.out)).toMatchObject({ added: 0, updated: 1, notInFile: 1 });
    const label = JSON.parse(readFileSync(join(dir, 'labels/test/bmi/test-0001.json'), 'utf8'));
    expect(label.source.row).toBe(7);
    expect(label.answer.value).toBe(22.9);
  });

  it('fetches a URL (served on loopback)', async () => {
    const body = good();
    const server = createServer((req, res) => {
      if (req.url === '/test_data.csv') res.end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    try {
      const dir = testdir();
      const r = await runCli(['import', 'medcalc-bench', `http://127.0.0.1:${port}/test_data.csv`, '--dir', dir]);
      expect(r.code).toBe(0);
      expect(Object.keys(snapshotTree(dir))).toHaveLength(2);
      const missing = await runCli(['import', 'medcalc-bench', `http://127.0.0.1:${port}/nope.csv`, '--dir', dir]);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/nope\.csv: HTTP 404/);
    } finally {
      server.close();
    }
  });

  const badInputs: { description: string; csv: () => string; message: RegExp }[] = [
    {
      description: 'an unterminated quote',
      csv: () => good() + '3,6,"Body Mass Index (BMI)\n',
      message: /in\.csv: line \d+: quoted field is never closed/,
    },
    {
      description: 'a wrong column count',
      csv: () => good() + '3,6,x\n',
      message: /in\.csv: row 3 \(line \d+\) has 3 fields, the header has 14/,
    },
    {
      description: 'a missing header column',
      csv: () => medcalcCsv([medcalcRow()], ['Row Number', 'Calculator ID', 'Calculator Name']),
      message: /in\.csv: header lacks columns "Category"/,
    },
    {
      description: 'a duplicate Row Number',
      csv: () => medcalcCsv([medcalcRow(), medcalcRow({ 'Note ID': 'other' })]),
      message: /row 2 \(line \d+\), column "Row Number": Row Number 1 already appeared in row 1/,
    },
    {
      description: 'an unparseable entities literal',
      csv: () => medcalcCsv([medcalcRow({ 'Relevant Entities': "{'weight': [70.0, 'kg'" })]),
      message: /row 1 \(line 2\), column "Relevant Entities": not a Python literal/,
    },
    {
      description: 'an unknown calculator id',
      csv: () => medcalcCsv([medcalcRow({ 'Calculator ID': '999' })]),
      message: /row 1 \(line 2\), column "Calculator ID": unknown calculator id "999"/,
    },
    {
      description: 'a non-numeric answer for a decimal item',
      csv: () => medcalcCsv([medcalcRow({ 'Ground Truth Answer': 'about 23' })]),
      message: /row 1 \(line 2\), column "Ground Truth Answer": "about 23" is not a decimal answer/,
    },
  ];
  for (const bad of badInputs) {
    it(`rejects ${bad.description}, naming file and place, and writes nothing`, async () => {
      const dir = testdir();
      await importInto(dir, good());
      const before = snapshotTree(dir);
      const r = await importInto(dir, bad.csv());
      expect(r.code).toBe(2);
      expect(r.err).toMatch(bad.message);
      const after = snapshotTree(dir);
      delete after['in.csv'];
      delete before['in.csv'];
      expect(after).toEqual(before);
    });
  }

  it('rejects an unreachable URL with exit 2', async () => {
    const dir = testdir();
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const r = await runCli(['import', 'medcalc-bench', 'http://127.0.0.1:9/test.csv', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/http:\/\/127\.0\.0\.1:9\/test\.csv: could not be fetched/);
    expect(snapshotTree(dir)).toEqual({});
  });
});

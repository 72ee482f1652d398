import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEDCALC_COLUMNS } from '../../src/core/medcalc-columns.js';
import { openRepo } from '../../src/git/index.js';
import { ExportTally } from '../../src/release/export-tally.js';
import { csvRows } from '../../src/release/csv-stream.js';
import { readReleaseRecord } from '../../src/release/load-labels.js';
import { csvCellsHashBytes } from '../../src/release/manifest.js';
import { readEachRecordOnce } from '../../src/release/record-reads.js';
import { verdictOf, verifyExport } from '../../src/release/verify-export.js';
import { mulberry32 } from '../../src/stats/random.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';

beforeAll(useTestIdentity);

const NOTES = [
  'Patientin, 72 Jahre, Größe 1,65 m — “nüchtern”, 体重 60 kg 🩺.',
  'A note with "quotes", commas,\nand a second line.\r\nAnd a CRLF one.',
  'A plain note.',
  '',
  'Ünïcödé at the end: é',
  'x'.repeat(3000),
];

/** A released benchmark of awkward notes and its pinned MedCalc CSV (with sidecar). */
async function releasedCsv(): Promise<{ dir: string; out: string }> {
  const dir = await benchmarkWith(
    'csv bytes',
    NOTES.map((note, k) => makeLabel({ id: `demo-000${k + 1}`, note })),
  );
  expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
  const out = join(dir, '..', 'v1.csv');
  expect((await runCli(['export', '--version', '1.0.0', '--out', out, '--dir', dir])).code).toBe(0);
  return { dir, out };
}

/** verify of a CSV as it was before csvRowDigests: the record read first, then csvRows' rows hashed one by one. */
async function verifiedAsBefore(file: string, dir: string) {
  const sidecar = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8'));
  const { record } = await readReleaseRecord(await openRepo({ dir }), sidecar.version);
  const tally = new ExportTally(record.manifest.items, 2);
  const rows: [string, number][] = sidecar.rows;
  const columns = [...MEDCALC_COLUMNS];
  let header: number[] | undefined;
  let count = 0;
  for await (const { fields, row, line, header: names } of csvRows(file, { required: columns, fieldBytes: 'latin1' })) {
    header ??= columns.map((c) => names.indexOf(c));
    const k = count++;
    const expected = rows[k];
    const rowNumber = fields[header[0]];
    if (!expected || String(expected[1]) !== rowNumber) {
      tally.unreadable(
        `${file} row ${row} (line ${line})`,
        `Row Number ${rowNumber} is not the sidecar's row ${k + 1}`,
      );
      continue;
    }
    tally.add(expected[0], csvCellsHashBytes(header.map((at) => fields[at])));
  }
  if (count !== rows.length)
    tally.reading.unreadable.unshift({ place: file, message: `${count} rows, but the sidecar lists ${rows.length}` });
  const { reading, ...found } = tally.result();
  return verdictOf(file, 'medcalc-csv', record, reading, found);
}

const settled = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: Error & { code?: string }) => ({ error: `${error.code}: ${error.message}` }),
  );

describe('verify of a pinned MedCalc CSV, read as bytes', () => {
  it('reports what the string path reported, for the export and for it tampered with byte by byte or row by row', async () => {
    const { dir, out } = await releasedCsv();
    const csv = readFileSync(out);
    const sidecar = readFileSync(`${out}.manifest.json`, 'utf8');
    const edited = (edit: (json: { rows: unknown[][] }) => unknown) => {
      const json = JSON.parse(sidecar);
      edit(json);
      return JSON.stringify(json, null, 1);
    };
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: true, items: NOTES.length });
    const random = mulberry32(21).uniform;
    const lines = csv.toString('utf8').split('\n');
    const tampered: [Buffer, string][] = [
      [Buffer.from([lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n')), sidecar], // rows swapped
      [Buffer.from([...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\n')), sidecar], // a row twice
      [Buffer.from(lines.slice(0, -3).join('\n')), sidecar], // rows lost
      [csv, edited((json) => (json.rows[1][1] = 7))], // the sidecar's row number edited
      [csv, edited((json) => (json.rows[1][1] = '2'))], // or a string
      [csv, edited((json) => (json.rows[2][0] = 'demo-0009'))], // the sidecar names another item
      [csv, edited((json) => json.rows.pop())], // or one item fewer
      [Buffer.from(csv.toString('utf8').replace('Größe', 'Grösse')), sidecar], // one character changed
    ];
    for (const [text, side] of tampered) expect(text.equals(csv) && side === sidecar).toBe(false);
    for (let k = 0; k < 60; k++) {
      const at = Math.floor(random() * csv.length);
      const byte = Buffer.from([[0x22, 0x2c, 0x0a, 0x0d, 0x78, 0xc3, 0xff][Math.floor(random() * 7)]]);
      const kind = Math.floor(random() * 4);
      const text =
        kind === 0
          ? Buffer.concat([csv.subarray(0, at), byte, csv.subarray(at + 1)])
          : kind === 1
            ? Buffer.concat([csv.subarray(0, at), byte, csv.subarray(at)])
            : kind === 2
              ? Buffer.concat([csv.subarray(0, at), csv.subarray(at + 1)])
              : csv.subarray(0, at);
      tampered.push([text, sidecar]);
    }
    let mismatches = 0;
    let errors = 0;
    for (const [text, side] of tampered) {
      writeFileSync(out, text);
      writeFileSync(`${out}.manifest.json`, side);
      const expected = await settled(verifiedAsBefore(out, dir));
      expect(await settled(verifyExport({ file: out, dir })), text.toString('utf8')).toEqual(expected);
      if ('error' in expected) errors++;
      else if (!expected.value.ok) mismatches++;
    }
    expect(mismatches).toBeGreaterThan(20);
    expect(errors).toBeGreaterThan(5);
  });

  it('reads each release record once when the CLI asks for it again (to name its signer)', async () => {
    const reads: string[] = [];
    const read = readEachRecordOnce(async (dir, version) => {
      reads.push(`${dir} ${version}`);
      return { version } as never;
    });
    await read('/a', '1.0.0');
    await read('/a', 'v1.0.0');
    await read('/b', '1.0.0');
    await expect(read('/a', 'not a version')).resolves.toBeDefined(); // passed on: the reader says it is none
    expect(reads).toEqual(['/a 1.0.0', '/b 1.0.0', '/a not a version']);
  });
});

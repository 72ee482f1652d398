import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactCanonicalJson } from '../../src/exporters/compact-json.js';
import { BufferedSink } from '../../src/exporters/sink.js';
import { SpillSorter } from '../../src/exporters/spill.js';
import { parseCsvTable, writeCsv } from '../../src/core/csv.js';
import { csvRows } from '../../src/release/csv-stream.js';
import { canonicalJson, canonicalLine } from '../../src/store/canonical.js';
import { mulberry32 } from '../../src/stats/random.js';
import { errorOf } from '../helpers/errors.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

const AWKWARD = [
  '"',
  '\\',
  '\\"',
  '": ',
  ' : ',
  '\n',
  '\r\n',
  '\t',
  '{}',
  '[]',
  'é',
  '🩺',
  '\u2028',
  '\\u0000',
  '  spaced  ',
  '',
];

describe('compactCanonicalJson', () => {
  it('gives canonicalLine for canonical bytes, with escapes, look-alike keys and multi-byte text in strings', () => {
    const random = mulberry32(3).uniform;
    for (let k = 0; k < 300; k++) {
      const pick = () => AWKWARD[Math.floor(random() * AWKWARD.length)];
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, pick).join('');
      const value = {
        ...makeLabel({ note: text }),
        extra: { [text]: [text, 1.5e-7, -0, null, true, {}, [], { '10': text, '2': [] }] },
      };
      const bytes = Buffer.from(canonicalJson(value), 'utf8');
      expect(compactCanonicalJson(bytes, { lineEnd: true }).toString('utf8')).toBe(canonicalLine(value) + '\n');
      expect(compactCanonicalJson(bytes, { lineEnd: true, reuse: true }).toString('utf8')).toBe(
        canonicalLine(value) + '\n',
      );
    }
  });
});

describe('SpillSorter', () => {
  it('returns the lines in key order, stable, whether they stayed in memory or went to its file', () => {
    const random = mulberry32(5).uniform;
    const lines = Array.from({ length: 2000 }, (_, k) => ({
      key: Math.floor(random() * 50),
      text: `${k} ${AWKWARD[k % AWKWARD.length]} ${'x'.repeat(k % 97)}\n`,
    }));
    const expected = lines
      .map((l, k) => ({ ...l, k }))
      .sort((a, b) => a.key - b.key || a.k - b.k)
      .map((l) => l.text);
    for (const memoryBytes of [2 ** 30, 100, 7]) {
      const sorter = new SpillSorter<number>((a, b) => a - b, memoryBytes);
      for (const l of lines) sorter.add(l.key, l.text);
      expect([...sorter.sorted()].map((e) => e.text)).toEqual(expected);
      sorter.close();
    }
  });
});

describe('csvRows', () => {
  it('reads what parseCsvTable reads, with quoted newlines and multi-byte characters across chunk boundaries', async () => {
    const random = mulberry32(9).uniform;
    const header = ['Row Number', 'Note', 'Answer'];
    const rows = Array.from({ length: 300 }, (_, k) => [
      String(k + 1),
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => AWKWARD[Math.floor(random() * AWKWARD.length)]).join(
        'x',
      ),
      String(random()),
    ]);
    const file = join(testdir(), 'rows.csv');
    const text = writeCsv(header, rows);
    writeFileSync(file, text);
    const table = parseCsvTable(text, { file, required: header });
    for (const chunkBytes of [1, 3, 17, 64 * 1024]) {
      const got = [];
      for await (const row of csvRows(file, { required: header, chunkBytes }))
        got.push({
          cells: Object.fromEntries(row.header.map((h, k) => [h, row.fields[k]])),
          row: row.row,
          line: row.line,
        });
      expect(got).toEqual(table.rows);
    }
  });

  it('names the row and line of a row with the wrong field count, as parseCsvTable does', async () => {
    const file = join(testdir(), 'bad.csv');
    const text = 'a,b\n1,"two\nlines"\n3\n';
    writeFileSync(file, text);
    const expected = errorOf(() => parseCsvTable(text, { file }));
    const drain = async () => {
      for await (const _ of csvRows(file, { chunkBytes: 2 })) void _;
    };
    const got = await drain().then(
      () => undefined,
      (e) => e,
    );
    expect(got?.message).toBe(expected?.message);
    expect(got.message).toMatch(/row 2 \(line 4\)/);
  });
});

describe('BufferedSink', () => {
  it('passes on exactly the UTF-8 of what was written, across its 4 MB buffers, text and bytes mixed', () => {
    const random = mulberry32(5).uniform;
    const pieces = ['a', 'é', '🩺', '\ud800', '体', '\n', 'x'.repeat(5000), '€'.repeat(1_500_000)];
    const got: Buffer[] = [];
    const expected: Buffer[] = [];
    for (const reuse of [false, true]) {
      const sink = new BufferedSink((bytes) => got.push(Buffer.from(bytes)), { reuse });
      for (let k = 0; k < 3000; k++) {
        const text = Array.from(
          { length: 1 + Math.floor(random() * 4) },
          () => pieces[Math.floor(random() * (k % 500 === 0 ? pieces.length : pieces.length - 1))],
        ).join('');
        if (k % 7 === 0) sink.write(Buffer.from(text, 'utf8'));
        else sink.write(text);
        expected.push(Buffer.from(text, 'utf8'));
      }
      sink.flush();
    }
    expect(Buffer.concat(got).equals(Buffer.concat(expected))).toBe(true);
  });
});

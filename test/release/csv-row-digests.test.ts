import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRowDigests } from '../../src/release/csv-row-digests.js';
import { csvRows } from '../../src/release/csv-stream.js';
import { csvCellsHashBytes } from '../../src/release/manifest.js';
import { mulberry32 } from '../../src/stats/random.js';
import { testdir } from '../helpers/tempdir.js';

/**
 * csvRowDigests (bytes) against the path it replaces: csvRows with field bytes, then csvCellsHashBytes.
 * Random CSVs of awkward cells, then the same files with a byte changed, added or removed, or cut short:
 * every row's key, place and digest, or the error (code and message), must be the same, whatever the
 * chunk size.
 */

const REQUIRED = ['Row Number', 'A', 'B'];
const HEADERS = [
  ['Row Number', 'A', 'B'],
  ['B', 'Extra', 'Row Number', 'A'], // the hashed order is not the file's
  [' A', 'Row Number ', '\ufeffB'], // names trimmed (U+FEFF is white space to trim)
];

const bytes = (...b: number[]) => Buffer.from(b);
const PIECES: Buffer[] = [
  ...['"', ',', '""', '\n', '\r\n', '\r', 'é', '体重', '🩺', '\u2028', 'plain', ' spaced ', '1', 'x'.repeat(45)].map(
    (s) => Buffer.from(s, 'utf8'),
  ),
  Buffer.from('Größe 1,65 m — “nüchtern” ×10⁹/L '.repeat(3), 'utf8'),
  bytes(0xef, 0xbb, 0xbf), // a BOM inside a cell
  bytes(0xff), // never UTF-8
  bytes(0xc3), // a sequence cut short
  bytes(0xe2, 0x82), // cut short, then whatever follows
  bytes(0xed, 0xa0, 0x80), // a surrogate written as UTF-8
  bytes(0xc0, 0xaf), // overlong
  bytes(0xf4, 0x90, 0x80, 0x80), // past U+10FFFF
  bytes(0x80), // a lone continuation byte
  bytes(0xf0, 0x9f, 0xa9), // a 4-byte character without its last byte
];
const SPECIAL = [0x22, 0x2c, 0x0a, 0x0d, 0x78, 0x20, 0xc3, 0x80, 0xa9, 0xf0, 0xff, 0xef, 0xbb, 0xbf, 0x00];

function randomCsv(random: () => number): Buffer {
  const pick = <T>(from: T[]): T => from[Math.floor(random() * from.length)];
  const header = pick(HEADERS);
  const lineEnd = random() < 0.5 ? '\n' : '\r\n';
  const field = (cell: Buffer) =>
    random() < 0.2 || /[",\r\n]/.test(cell.toString('latin1'))
      ? Buffer.concat([
          Buffer.from('"'),
          Buffer.from(cell.toString('latin1').replace(/"/g, '""'), 'latin1'),
          Buffer.from('"'),
        ])
      : cell;
  const lines: Buffer[] = [Buffer.from(header.map((h) => (/[",\r\n]/.test(h) ? `"${h}"` : h)).join(','), 'utf8')];
  const rows = Math.floor(random() * 12);
  for (let r = 0; r < rows; r++) {
    if (random() < 0.1) lines.push(Buffer.alloc(0)); // a blank line
    const cells = header.map((name) =>
      name.trim() === 'Row Number' && random() < 0.8
        ? Buffer.from(String(r + 1))
        : Buffer.concat(Array.from({ length: Math.floor(random() * 5) }, () => pick(PIECES))),
    );
    lines.push(Buffer.concat(cells.flatMap((c, k) => (k ? [Buffer.from(','), field(c)] : [field(c)]))));
  }
  const body = Buffer.concat(lines.flatMap((l, k) => (k ? [Buffer.from(lineEnd), l] : [l])));
  return Buffer.concat([
    random() < 0.2 ? bytes(0xef, 0xbb, 0xbf) : Buffer.alloc(0),
    body,
    random() < 0.7 ? Buffer.from(lineEnd) : Buffer.alloc(0),
  ]);
}

function mutated(csv: Buffer, random: () => number): Buffer {
  const at = Math.floor(random() * (csv.length + 1));
  const byte = bytes(SPECIAL[Math.floor(random() * SPECIAL.length)]);
  switch (Math.floor(random() * 4)) {
    case 0: // a changed byte
      return at < csv.length ? Buffer.concat([csv.subarray(0, at), byte, csv.subarray(at + 1)]) : csv;
    case 1: // an added byte
      return Buffer.concat([csv.subarray(0, at), byte, csv.subarray(at)]);
    case 2: // a lost byte
      return Buffer.concat([csv.subarray(0, at), csv.subarray(at + 1)]);
    default: // cut short
      return csv.subarray(0, at);
  }
}

type Outcome = { rows: [string, number, number, string][] } | { error: string };

async function outcome(read: (rows: [string, number, number, string][]) => Promise<void>): Promise<Outcome> {
  const rows: [string, number, number, string][] = [];
  try {
    await read(rows);
    return { rows };
  } catch (error) {
    return { error: `${(error as { code?: string }).code}: ${(error as Error).message}` };
  }
}

/** The rows as the verify read them before: csvRows' latin1 fields, hashed by csvCellsHashBytes. */
const stringPath = (file: string, chunkBytes?: number) =>
  outcome(async (rows) => {
    let at: number[] | undefined;
    for await (const { fields, row, line, header } of csvRows(file, {
      required: REQUIRED,
      fieldBytes: 'latin1',
      chunkBytes,
    })) {
      at ??= REQUIRED.map((c) => header.indexOf(c));
      rows.push([fields[at[0]], row, line, csvCellsHashBytes(at.map((a) => fields[a])).toString('hex')]);
    }
  });

const bytePath = (file: string, chunkBytes?: number) =>
  outcome((rows) =>
    csvRowDigests(file, { required: REQUIRED, hashed: REQUIRED, key: REQUIRED[0], chunkBytes }, (key, row, line, d) =>
      rows.push([key, row, line, d.toString('hex')]),
    ),
  );

describe('csvRowDigests: the CSV verify’s rows read as bytes', () => {
  it('gives what csvRows and csvCellsHashBytes give, for random CSVs and each one mutated, in any chunk size', async () => {
    const random = mulberry32(11).uniform;
    const file = join(testdir(), 'rows.csv');
    let rowsSeen = 0;
    let errorsSeen = 0;
    for (let k = 0; k < 150; k++) {
      const csv = randomCsv(random);
      for (const text of [csv, mutated(csv, random), mutated(csv, random), mutated(mutated(csv, random), random)]) {
        writeFileSync(file, text);
        const chunkBytes = [1, 2, 3, 7, 16, 61, 256, undefined][Math.floor(random() * 8)];
        const expected = await stringPath(file, chunkBytes);
        expect(await bytePath(file, chunkBytes), `${text.toString('latin1')} in chunks of ${chunkBytes}`).toEqual(
          expected,
        );
        if ('rows' in expected) rowsSeen += expected.rows.length;
        else errorsSeen++;
      }
    }
    // Both kinds were met often: rows read and hashed, and errors named.
    expect(rowsSeen).toBeGreaterThan(1000);
    expect(errorsSeen).toBeGreaterThan(50);
  });

  it('is the same at chunk boundaries that fall inside quotes, CRLF and multi-byte characters', async () => {
    const file = join(testdir(), 'rows.csv');
    const text = Buffer.from(
      'Row Number,A,B\r\n1,"a ""quoted"", cell\r\nover lines",é🩺体\r\n2,,\r\n\r\n3,"",x\r\n4,\r,\n5,a\rb,c',
      'utf8',
    );
    writeFileSync(file, text);
    for (let chunkBytes = 1; chunkBytes <= text.length + 1; chunkBytes++)
      expect(await bytePath(file, chunkBytes)).toEqual(await stringPath(file, chunkBytes));
  });

  it('says an empty file, or one of blank lines, is empty', async () => {
    const file = join(testdir(), 'rows.csv');
    for (const text of ['', '\n', '\r\n\r\n']) {
      writeFileSync(file, text);
      expect(await bytePath(file)).toEqual({ error: `CSV_EMPTY: ${file}: the file is empty` });
    }
  });

  it('hashes cells past its row buffer and UTF-16 lengths of every width at every alignment', async () => {
    const file = join(testdir(), 'rows.csv');
    for (let shift = 0; shift < 4; shift++) {
      const long = `${'a'.repeat(shift)}${'é体🩺x'.repeat(20_000)}`;
      writeFileSync(file, `Row Number,A,B\n1,"${long}",${'b'.repeat(70_000 + shift)}\n`);
      expect(await bytePath(file, 4096)).toEqual(await stringPath(file, 4096));
      expect(await bytePath(file)).toEqual(await stringPath(file));
    }
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/release/csv-stream.js';
import { csvCellsHash, csvCellsHashBytes } from '../../src/release/manifest.js';

const asBytes = (cell: string) => Buffer.from(cell, 'utf8').toString('latin1');

/** The row hash as it is defined (and as releases before the reused buffer computed it): a string, hashed. */
const definedRowHash = (cells: string[]) =>
  createHash('sha256')
    .update(cells.map((c) => `${c.length}:${c}`).join('|'))
    .digest('hex');

describe('csvCellsHashBytes: the CSV row hash from the cells’ UTF-8 bytes', () => {
  it('is csvCellsHash for ASCII, accents, CJK, emoji, control characters and empty cells', () => {
    const rows = [
      ['1', 'plain text', ''],
      ['Größe 1,65 m — “nüchtern”', '体重 60 kg', 'pill 💊 (a surrogate pair: two UTF-16 units)'],
      ['tab\there', 'line\nbreak\r\n', '\u0001\u007f\u0080\u00ff', '\u2028'],
      // Past the reused buffer's first size, ASCII and not.
      ['a'.repeat(100_000), 'é'.repeat(70_000), 'b'],
    ];
    for (const cells of rows) {
      expect(csvCellsHash(cells)).toBe(definedRowHash(cells));
      expect(csvCellsHashBytes(cells.map(asBytes)).toString('hex')).toBe(csvCellsHash(cells));
    }
    // A lone surrogate (which no strict UTF-8 file decodes to) is hashed as U+FFFD, as the string was.
    expect(csvCellsHash(['\ud800x'])).toBe(definedRowHash(['\ud800x']));
    // A different cell boundary with the same bytes is a different hash.
    expect(csvCellsHashBytes(['ab', 'c'])).not.toEqual(csvCellsHashBytes(['a', 'bc']));
  });

  it('is what csvRows gives as field bytes, for rows cut anywhere between chunks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'csv-bytes-')), 'rows.csv');
    const cells = [
      ['1', 'Größe "quoted" 体重', 'x'],
      ['2', 'multi\nline 💊', ''],
    ];
    const field = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    writeFileSync(file, ['Row Number,Note,Ünïcödé header', ...cells.map((r) => r.map(field).join(','))].join('\r\n'));
    for (const chunkBytes of [1, 3, 7, 1024]) {
      const got: string[] = [];
      let header: string[] = [];
      for await (const row of csvRows(file, { chunkBytes, fieldBytes: 'latin1' })) {
        header = row.header;
        got.push(csvCellsHashBytes(row.fields).toString('hex'));
      }
      expect(header).toEqual(['Row Number', 'Note', 'Ünïcödé header']);
      expect(got).toEqual(cells.map(csvCellsHash));
    }
  });
});

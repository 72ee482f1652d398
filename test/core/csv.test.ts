import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvTable, writeCsv } from '../../src/core/csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, with LF or CRLF', () => {
    const text = 'a,b,c\r\n1,"x, ""y""\nz",3\r\n4,,6\n';
    const records = parseCsv(text);
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"\nz', '3'],
      ['4', '', '6'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('skips a BOM and a missing final newline', () => {
    expect(parseCsv('\ufeffa,b\n1,2').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('names the line of an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"never\nclosed\n', 'f.csv')).toThrow(
      /f\.csv: line 3: quoted field is never closed/,
    );
  });
  it('rejects text after a closing quote and a stray quote', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/line 2: unexpected text after a closing quote/);
    expect(() => parseCsv('a\nx"y\n')).toThrow(/line 2: a quote inside an unquoted field/);
  });
});

describe('parseCsvTable', () => {
  it('names a row with the wrong number of fields', () => {
    expect(() => parseCsvTable('a,b\n1,2\n3\n', { file: 't.csv' })).toThrow(
      /t\.csv: row 2 \(line 3\) has 1 fields, the header has 2/,
    );
  });
  it('names a missing header column', () => {
    expect(() => parseCsvTable('a,b\n1,2\n', { file: 't.csv', required: ['a', 'c'] })).toThrow(
      /header lacks column "c"/,
    );
  });
  it('round-trips through writeCsv', () => {
    const rows = [
      ['1', 'x, "y"\nz'],
      ['2', 'plain'],
    ];
    const table = parseCsvTable(writeCsv(['id', 'text'], rows));
    expect(table.rows.map((r) => [r.cells.id, r.cells.text])).toEqual(rows);
  });
});

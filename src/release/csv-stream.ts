import { createReadStream } from 'node:fs';
import { inputError } from '../errors/index.js';
import { parseCsv, countNewlines } from '../core/csv.js';

const QUOTE = 0x22;
const NEWLINE = 0x0a;

export interface StreamedCsvRow {
  /** The header's names (trimmed), the same array for every row. */
  header: string[];
  /** Cells in header order. */
  fields: string[];
  /** 1-based data row (header excluded). */
  row: number;
  /** The line the row starts on. */
  line: number;
}

/**
 * A CSV file's data rows read in chunks, checked as parseCsvTable checks them (the header holds the
 * `required` columns once each, every row has the header's field count) and with the same errors and
 * places, without the whole text in memory (a 1M-row MedCalc CSV is ~3.7 GB, past V8's longest string).
 * A chunk is cut after the last newline that has an even number of quotes before it since the last cut:
 * in RFC 4180 that newline ends a record, so each piece parses on its own.
 */
export async function* csvRows(
  file: string,
  options: {
    required?: string[];
    chunkBytes?: number;
    /**
     * 'latin1': each field is given as its UTF-8 bytes, one character a byte (the header decoded as
     * usual): no UTF-8 decoding, 4× faster, for a caller that only hashes the fields (see csvCellsHashBytes).
     * CSV's syntax is all ASCII, and no byte of a multi-byte character is, so the fields are the same.
     */
    fieldBytes?: 'latin1';
  } = {},
): AsyncGenerator<StreamedCsvRow> {
  const encoding = options.fieldBytes ?? 'utf8';
  let header: string[] | undefined;
  let row = 0;
  let line = 1;
  const piece = function* (text: string): Generator<StreamedCsvRow> {
    const records = parseCsv(text, file, { firstLine: line });
    line += countNewlines(text);
    for (const record of records) {
      if (!header) {
        header = record.fields.map((h) =>
          (encoding === 'latin1' ? Buffer.from(h, 'latin1').toString('utf8') : h).trim(),
        );
        checkHeader(header, file, options.required ?? []);
        continue;
      }
      row++;
      if (record.fields.length !== header.length) {
        throw inputError(
          'CSV_COLUMN_COUNT',
          `${file}: row ${row} (line ${record.line}) has ${record.fields.length} fields, the header has ` +
            `${header.length}`,
          {
            file,
            row,
            line: record.line,
            fields: record.fields.length,
            expected: header.length,
          },
        );
      }
      yield { header, fields: record.fields, row, line: record.line };
    }
  };
  // Cut on bytes, decoded a piece at a time: a newline byte is never inside a UTF-8 sequence, so each
  // piece decodes as it would within the whole text (a string decoder over every chunk cost 3× as much).
  let parts: Buffer[] = []; // the bytes since the last cut
  let quotesOdd = false; // whether those bytes hold an odd number of quotes
  for await (const chunk of createReadStream(file, {
    highWaterMark: options.chunkBytes ?? 4 * 2 ** 20,
  }) as AsyncIterable<Buffer>) {
    let cut = -1; // the last newline in the chunk with an even number of quotes before it
    let q = chunk.indexOf(QUOTE);
    for (let n = chunk.indexOf(NEWLINE); n !== -1; n = chunk.indexOf(NEWLINE, n + 1)) {
      for (; q !== -1 && q < n; q = chunk.indexOf(QUOTE, q + 1)) quotesOdd = !quotesOdd;
      if (!quotesOdd) cut = n;
    }
    for (; q !== -1; q = chunk.indexOf(QUOTE, q + 1)) quotesOdd = !quotesOdd;
    if (cut === -1) {
      parts.push(chunk);
      continue;
    }
    parts.push(chunk.subarray(0, cut + 1));
    const text = (parts.length === 1 ? parts[0] : Buffer.concat(parts)).toString(encoding);
    parts = cut + 1 < chunk.length ? [chunk.subarray(cut + 1)] : [];
    yield* piece(text);
  }
  if (parts.length) yield* piece(Buffer.concat(parts).toString(encoding));
  if (!header) throw inputError('CSV_EMPTY', `${file}: the file is empty`, { file });
}

/** The header's checks (parseCsvTable's): the required columns there, no column twice. */
export function checkHeader(header: string[], file: string, required: string[]): void {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw inputError(
      'CSV_MISSING_COLUMN',
      `${file}: header lacks column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
      { file, line: 1, missing },
    );
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h))
      throw inputError('CSV_DUPLICATE_COLUMN', `${file}: header has column "${h}" twice`, { file, line: 1, column: h });
    seen.add(h);
  }
}

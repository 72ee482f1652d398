import { createReadStream } from 'node:fs';
import { inputError } from '../errors/index.js';
import { parseCsv, countNewlines } from '../core/csv.js';

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
  options: { required?: string[]; chunkBytes?: number } = {},
): AsyncGenerator<StreamedCsvRow> {
  let header: string[] | undefined;
  let row = 0;
  let line = 1;
  let pending = '';
  let quotes = 0; // quotes in `pending` up to `scanned`
  let scanned = 0;
  let lastCut = -1; // the last newline in pending with an even quote count before it
  let quotesAtCut = 0;
  const piece = function* (text: string): Generator<StreamedCsvRow> {
    const records = parseCsv(text, file, { firstLine: line });
    line += countNewlines(text);
    for (const record of records) {
      if (!header) {
        header = record.fields.map((h) => h.trim());
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
  for await (const chunk of createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: options.chunkBytes ?? 4 * 2 ** 20,
  }) as AsyncIterable<string>) {
    pending += chunk;
    // Quotes and newlines found with indexOf (native), not a loop over every character.
    let q = pending.indexOf('"', scanned);
    let n = pending.indexOf('\n', scanned);
    while (n !== -1) {
      if (q !== -1 && q < n) {
        quotes++;
        q = pending.indexOf('"', q + 1);
        continue;
      }
      if (quotes % 2 === 0) {
        lastCut = n;
        quotesAtCut = quotes;
      }
      n = pending.indexOf('\n', n + 1);
    }
    for (; q !== -1; q = pending.indexOf('"', q + 1)) quotes++;
    scanned = pending.length;
    if (lastCut >= 0) {
      const text = pending.slice(0, lastCut + 1);
      pending = pending.slice(lastCut + 1);
      scanned = pending.length;
      quotes -= quotesAtCut;
      lastCut = -1;
      yield* piece(text);
    }
  }
  if (pending) yield* piece(pending);
  if (!header) throw inputError('CSV_EMPTY', `${file}: the file is empty`, { file });
}

function checkHeader(header: string[], file: string, required: string[]): void {
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

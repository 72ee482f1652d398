import { inputError } from '../errors/index.js';
import { setOwn } from '../label/own-keys.js';

/** One parsed record with the physical line it started on (records may span lines). */
export interface CsvRecord {
  fields: string[];
  /** 1-based line of the record's first character in the file. */
  line: number;
}

/**
 * RFC 4180 parser: quoted fields with doubled quotes and embedded CR/LF, LF or CRLF record ends, an
 * optional UTF-8 BOM. Strict: a quote inside an unquoted field, text after a closing quote, or an
 * unterminated quote is an error naming the line, because a silently mis-split row would shift every
 * later cell of a benchmark item.
 */
export function parseCsv(text: string, file = '<csv>', options: { firstLine?: number } = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A piece of a larger file (read in chunks) starts at its own line, so places name the file's lines.
  let line = options.firstLine ?? 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            throw inputError('CSV_UNTERMINATED_QUOTE', `${file}: line ${quoteLine}: quoted field is never closed`, {
              file,
              line: quoteLine,
            });
          }
          const chunk = text.slice(i, q);
          line += countNewlines(chunk);
          field += chunk;
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const next = text[i];
        if (i < n && next !== ',' && next !== '\n' && next !== '\r') {
          throw inputError('CSV_TEXT_AFTER_QUOTE', `${file}: line ${line}: unexpected text after a closing quote`, {
            file,
            line,
          });
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break; // , \n \r
          if (c === 34)
            throw inputError('CSV_STRAY_QUOTE', `${file}: line ${line}: a quote inside an unquoted field`, {
              file,
              line,
            });
          j++;
        }
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: startLine });
  }
  return records;
}

/** How many line feeds a text holds (a CSV record may span lines). */
export function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) count++;
  return count;
}

export interface CsvTable {
  header: string[];
  /** Data rows as objects keyed by header; `row` is the 1-based data row number (header excluded). */
  rows: { cells: Record<string, string>; row: number; line: number }[];
}

/**
 * A CSV with a header: every record must have as many fields as the header, and the header must hold
 * `required` columns. Errors name the data row and its line.
 */
export function parseCsvTable(text: string, options: { file?: string; required?: string[] } = {}): CsvTable {
  const file = options.file ?? '<csv>';
  const records = parseCsv(text, file);
  if (records.length === 0) throw inputError('CSV_EMPTY', `${file}: the file is empty`, { file });
  const header = records[0].fields.map((h) => h.trim());
  const missing = (options.required ?? []).filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw inputError(
      'CSV_MISSING_COLUMN',
      `${file}: header lacks column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
      {
        file,
        line: 1,
        missing,
      },
    );
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h))
      throw inputError('CSV_DUPLICATE_COLUMN', `${file}: header has column "${h}" twice`, { file, line: 1, column: h });
    seen.add(h);
  }
  const rows = records.slice(1).map((record, index) => {
    const row = index + 1;
    if (record.fields.length !== header.length) {
      throw inputError(
        'CSV_COLUMN_COUNT',
        `${file}: row ${row} (line ${record.line}) has ${record.fields.length} fields, the header has ${header.length}`,
        { file, row, line: record.line, fields: record.fields.length, expected: header.length },
      );
    }
    const cells: Record<string, string> = {};
    header.forEach((h, k) => setOwn(cells, h, record.fields[k]));
    return { cells, row, line: record.line };
  });
  return { header, rows };
}

/** One CSV field, quoted only when it must be (comma, quote, CR or LF), as Python's csv module writes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV document: header plus rows, LF line ends (the MedCalc-Bench files' convention). */
export function writeCsv(header: string[], rows: string[][], lineEnd = '\n'): string {
  return csvLines(header, rows, lineEnd).join('');
}

/** writeCsv's text as its lines (each with its line end): a large export can be written piece by piece. */
export function csvLines(header: string[], rows: string[][], lineEnd = '\n'): string[] {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + lineEnd);
}

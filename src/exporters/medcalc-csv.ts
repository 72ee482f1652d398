import { isUtf8 } from 'node:buffer';
import { csvField, csvLines } from '../core/csv.js';
import type { ExportFormatSpec } from './format.js';
import { MEDCALC_COLUMNS } from '../core/medcalc-columns.js';
import { toPythonLiteral } from '../core/python-literal.js';
import { formatAnswerValue, parseAnswerValue } from '../label/answer.js';
import type { Answer, Label } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';
import { jsonStringEnd } from './compact-json.js';
import { csvCellOfJsonString } from './json-string-csv.js';

/**
 * Labels as MedCalc-Bench CSV lines: the same 14 columns in the same order, rows by Row Number, so existing
 * harnesses read it unchanged. An answer that still equals what upstream wrote keeps upstream's spelling
 * ("38.0"); a changed answer is written fresh, and an incomputable one as N/A with N/A limits (as the
 * stewardship project's corrected file does). Lines, not one string: a large export is written piece by
 * piece (see jsonlLines).
 */
export function medcalcCsvLines(labels: Label[]): string[] {
  const rows = [...labels].sort((a, b) => a.source.row - b.source.row || a.id.localeCompare(b.id)).map(medcalcRowCells);
  return csvLines([...MEDCALC_COLUMNS], rows);
}

/** One label's 14 cells, in MEDCALC_COLUMNS order. */
export function medcalcRowCells(label: Label): string[] {
  const [value, lower, upper] = answerCells(label);
  return [
    String(label.source.row),
    String(label.calculator.id),
    label.calculator.name,
    label.calculator.category,
    label.source.outputType,
    label.source.noteId,
    label.source.noteType,
    label.note,
    label.question,
    toPythonLiteral(label.entities),
    value,
    lower,
    upper,
    label.explanation,
  ];
}

function answerCells(label: Label): [string, string, string] {
  const a = label.answer;
  const text = label.source.answerText;
  if (text && a.kind !== 'incomputable' && cellsMatchAnswer(a, text)) return [text.value, text.lower, text.upper];
  if (a.kind === 'incomputable') return ['N/A', 'N/A', 'N/A'];
  const limit = (v: Answer['value']) => formatAnswerValue({ ...a, value: v } as Answer);
  return [formatAnswerValue(a), limit(a.lower), limit(a.upper)];
}

function cellsMatchAnswer(
  answer: Exclude<Answer, { kind: 'incomputable' }>,
  text: { value: string; lower: string; upper: string },
): boolean {
  try {
    const read = (t: string) => canonicalJson(parseAnswerValue(answer.kind, t));
    return (
      read(text.value) === canonicalJson(answer.value) &&
      read(text.lower) === canonicalJson(answer.lower) &&
      read(text.upper) === canonicalJson(answer.upper)
    );
  } catch {
    return false;
  }
}

/** The MedCalc CSV format for the streaming export (see format.ts): rows by Row Number, then id. */
export const medcalcCsvFormat: ExportFormatSpec = {
  name: 'medcalc-csv',
  header: () => csvRow([...MEDCALC_COLUMNS]),
  line: (label) => csvRow(medcalcRowCells(label)),
  rowFromCanonicalBytes: (bytes) => medcalcRowFromCanonicalBytes(bytes),
  compare: (a, b) => a.row - b.row || a.id.localeCompare(b.id),
  pinnedInManifestOrder: false,
};

function csvRow(cells: string[]): string {
  return cells.map(csvField).join(',') + '\n';
}

// Top-level members of a canonical file (2-space indent, keys sorted: explanation before note). A raw
// newline never occurs inside a JSON string, so these bytes can only be the label's own two members.
const EXPLANATION = Buffer.from('\n  "explanation": "');
const NOTE = Buffer.from('\n  "note": "');

/**
 * The MedCalc CSV row (medcalcCsvFormat.line) of a label given as its canonical file bytes, made
 * without decoding and parsing its two long texts: the note and the explanation (most of a label's
 * bytes) are cut out, the rest parsed as a small "skeleton" label for the other cells, and the two
 * cells written from their JSON string bytes, unescaped and CSV-quoted as csvField would. `row` is
 * reused by the next call. Undefined when the bytes are not of that shape (then the caller parses the
 * label, and reports what is wrong): not valid UTF-8 (the parsing path decodes it leniently), a member
 * missing or not a string, an escape JSON does not have.
 * The skeleton gives what else the caller needs of the label (its id, split and Row Number).
 */
export function medcalcRowFromCanonicalBytes(bytes: Buffer): { label: Label; row: Buffer } | undefined {
  if (!isUtf8(bytes)) return undefined;
  const explanationAt = bytes.indexOf(EXPLANATION);
  if (explanationAt === -1) return undefined;
  const explanation = { from: explanationAt + EXPLANATION.length, to: 0 };
  explanation.to = jsonStringEnd(bytes, explanation.from);
  const noteAt = explanation.to === -1 ? -1 : bytes.indexOf(NOTE, explanation.to);
  if (noteAt === -1) return undefined;
  const note = { from: noteAt + NOTE.length, to: 0 };
  note.to = jsonStringEnd(bytes, note.from);
  if (note.to === -1) return undefined;
  // Cut at quotes (ASCII), so each piece is whole UTF-8.
  const skeleton =
    bytes.toString('utf8', 0, explanation.from) +
    bytes.toString('utf8', explanation.to, note.from) +
    bytes.toString('utf8', note.to);
  let label: Label;
  try {
    label = JSON.parse(skeleton) as Label;
  } catch {
    return undefined;
  }
  // The cut members must be the label's own (they are, by the newline argument above: checked anyway).
  if (label === null || typeof label !== 'object' || label.explanation !== '' || label.note !== '') return undefined;
  const cells = medcalcRowCells(label).map(csvField);
  const before = cells.slice(0, 7).join(',') + ',';
  const between = ',' + cells.slice(8, 13).join(',') + ',';
  // Unescaping never lengthens a JSON string's bytes; quoting at most doubles them, plus two quotes.
  const most = 3 * (before.length + between.length) + 2 * (note.to - note.from + explanation.to - explanation.from) + 8;
  if (row.length < most) row = Buffer.allocUnsafe(2 * most);
  let at = csvCellOfJsonString(bytes, note.from, note.to, row, row.write(before, 0, 'utf8'));
  if (at !== -1)
    at = csvCellOfJsonString(bytes, explanation.from, explanation.to, row, at + row.write(between, at, 'utf8'));
  if (at === -1) return undefined;
  row[at++] = 0x0a;
  return { label, row: row.subarray(0, at) };
}

let row = Buffer.allocUnsafe(1 << 16);

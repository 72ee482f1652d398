import { csvField, csvLines } from '../core/csv.js';
import type { ExportFormatSpec } from './format.js';
import { MEDCALC_COLUMNS } from '../core/medcalc-columns.js';
import { toPythonLiteral } from '../core/python-literal.js';
import { formatAnswerValue, parseAnswerValue } from '../label/answer.js';
import type { Answer, Label } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';

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
  compare: (a, b) => a.row - b.row || a.id.localeCompare(b.id),
  pinnedInManifestOrder: false,
};

function csvRow(cells: string[]): string {
  return cells.map(csvField).join(',') + '\n';
}

import { rename, writeFile } from 'node:fs/promises';
import { writeCsv } from '../core/csv.js';
import { formatAnswerValue } from '../label/answer.js';
import type { Label } from '../label/types.js';
import { contentHash } from '../store/canonical.js';
import { INCOMPUTABLE_REASONS } from './decision.js';
import type { QueueEntry } from './queue.js';

/** The stewardship paper's physician-sheet columns, then the structured decision the review page takes. */
export const PAPER_COLUMNS = [
  'uid',
  'Calculator Name',
  'Question',
  'Patient Note',
  'y_orig',
  'y_new',
  'y* (Physician label)',
  'Physician Note (Optional)',
] as const;
export const STRUCTURED_COLUMNS = [
  'decision',
  'corrected value',
  'incomputable reason',
  'error category',
  'queue status',
  'content hash',
] as const;

/** How a sheet's structured cells are filled in (printed in the README of the sheet, and checked on import). */
export const SHEET_HELP = {
  decision: 'approve | keep-previous | correct | incomputable',
  'corrected value':
    'a number in the unit the question asks for; a date YYYY-MM-DD; a gestational age "W weeks D days"',
  'incomputable reason': Object.keys(INCOMPUTABLE_REASONS).join(' | '),
} as const;

/**
 * The queue as a spreadsheet for physicians who insist on one: one row per item still to decide, in
 * triage order, with the paper's columns (uid is the label id) and the structured decision columns left
 * empty for the physician. `content hash` ties each row to the content it shows: an import refuses a
 * row whose label has changed since.
 */
export function reviewSheet(queue: readonly QueueEntry[], labels: ReadonlyMap<string, Label>): string {
  const rows: string[][] = [];
  for (const entry of queue) {
    if (entry.status === 'done') continue;
    const label = labels.get(entry.id)!;
    const previous = label.revision ? formatAnswerValue(label.revision.previous) : '';
    rows.push([
      label.id,
      label.calculator.name,
      label.question,
      label.note,
      previous,
      formatAnswerValue(label.answer),
      '',
      '',
      '',
      '',
      '',
      '',
      entry.status,
      contentHash(label),
    ]);
  }
  return writeCsv([...PAPER_COLUMNS, ...STRUCTURED_COLUMNS], rows);
}

/** Writes the file whole or not at all. */
export async function writeSheetAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, { flag: 'wx' });
  await rename(tmp, file);
}

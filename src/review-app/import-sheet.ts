import { readFile } from 'node:fs/promises';
import { inputError } from '../errors/index.js';
import type { Identity } from '../git/index.js';
import { type CsvTable, parseCsvTable, parseCsv } from '../core/csv.js';
import { parseDate } from '../label/answer.js';
import type { ComputableKind, Signoff } from '../label/types.js';
import { assertValidLabels } from '../core/assert-valid.js';
import { answerKindOf } from '../core/answer-kind.js';
import { openCommitter } from '../core/committer.js';
import { type LabelEntry, findItem, indexLabels, itemRefOf } from '../core/label-index.js';
import { isoTime } from '../core/time.js';
import { applySignoff } from '../review/apply-signoff.js';
import type { ImportSignoffsResult } from '../review/import-signoffs.js';
import { planSignoffImport } from '../review/plan-signoff-import.js';
import { parsePhysicianValue } from '../review/physician-value.js';
import { requireReviewer } from '../review/reviewer.js';
import { reviewerSigningKey } from '../review/signing-key.js';
import { contentHash } from '../store/canonical.js';
import { readAllLabels } from '../store/read.js';
import { writeLabels } from '../store/write.js';
import { loadCategories } from '../taxonomy/categories.js';
import {
  type DecisionInput,
  type IncomputableReason,
  INCOMPUTABLE_REASONS,
  type ReviewAction,
  type StructuredValue,
  signoffRequest,
} from './decision.js';
import { PAPER_COLUMNS, STRUCTURED_COLUMNS } from './sheet.js';

/** A sheet `steward review --export-sheet` wrote: it has the structured decision columns. */
export async function isReviewSheet(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  const firstLine = text.slice(0, text.search(/\r?\n/) >>> 0 || text.length);
  const header = parseCsv(firstLine, file)[0]?.fields.map((h) => h.trim()) ?? [];
  return header.includes('decision') && header.includes('content hash');
}

export interface ImportReviewSheetOptions {
  dir: string;
  file: string;
  reviewer: string;
  keyPath: string;
  author?: Identity | string;
  now?: Date | string;
}

/**
 * A review sheet back as signed sign-offs, in one commit, all or nothing. A row with a structured
 * `decision` is read from the structured columns only (the free-text y* is then ignored: structured
 * wins); a row with only a free-text y* goes the way `signoff --from` reads the paper's files. A row
 * whose label changed since the export (its content hash differs) refuses the whole file.
 */
export async function importReviewSheet(o: ImportReviewSheetOptions): Promise<ImportSignoffsResult> {
  const table = parseCsvTable(await readFile(o.file, 'utf8'), {
    file: o.file,
    required: [...PAPER_COLUMNS, ...STRUCTURED_COLUMNS],
  });
  const reviewer = await requireReviewer(o.dir, o.reviewer);
  const key = await reviewerSigningKey(reviewer, o.keyPath, o.dir);
  const committer = await openCommitter({ dir: o.dir, author: o.author, requireRepository: false });
  const index = indexLabels(await readAllLabels(o.dir), 'test');
  const categories = new Set((await loadCategories(o.dir)).map((c) => c.id));
  const time = isoTime(o.now);
  const errors: string[] = [];
  const changes: LabelEntry[] = [];
  const result: Omit<ImportSignoffsResult, 'written' | 'commit'> = {
    signoffs: [],
    approved: [],
    amended: [],
    rejected: [],
    skipped: 0,
    unchanged: [],
    readings: [],
  };
  const freeText: CsvTable = { header: table.header, rows: [] };
  for (const { cells, row, line } of table.rows) {
    const at = `row ${row} (line ${line})`;
    if (cells.decision.trim() === '') {
      if (cells['y* (Physician label)'].trim() !== '') freeText.rows.push({ cells, row, line });
      else result.skipped++;
      continue;
    }
    const entry = findItem(index, itemRefOf(cells.uid));
    if (!entry) {
      errors.push(`${at}: no label "${cells.uid}"`);
      continue;
    }
    if (cells['content hash'].trim() !== contentHash(entry.label)) {
      errors.push(`${at}: ${entry.label.id} changed since the sheet was exported (content hash); export a new sheet`);
      continue;
    }
    try {
      const input = structuredInput(cells, entry.label.id, cells['content hash'].trim(), answerKindOf(entry.label));
      const request = signoffRequest(entry.label, answerKindOf(entry.label), input, categories);
      const parsedValue =
        request.value === undefined ? undefined : parsePhysicianValue(answerKindOf(entry.label), request.value);
      const label = applySignoff(
        entry.label,
        reviewer,
        { ...request, ...(parsedValue !== undefined ? { parsedValue } : {}), time },
        key,
      );
      changes.push({ file: entry.file, label });
      const decision: Signoff['decision'] = request.decision;
      if (decision === 'approve') result.approved.push(label.id);
      else if (decision === 'amend') result.amended.push(label.id);
      else
        result.rejected.push({
          id: label.id,
          value: request.value ?? '',
          reason: 'the physician kept the previous answer',
          row,
        });
      result.signoffs.push({
        id: label.id,
        decision,
        value: request.value ?? '',
        ...(parsedValue !== undefined ? { parsedValue } : {}),
        row,
      });
    } catch (error) {
      errors.push(`${at}: ${(error as Error).message}`);
    }
  }
  if (freeText.rows.length > 0) {
    const plan = planSignoffImport({
      table: freeText,
      file: o.file,
      index,
      columns: { id: 'uid', value: 'y* (Physician label)', note: 'Physician Note (Optional)' },
      reviewer,
      key,
      time,
    });
    const structured = new Set(changes.map((c) => c.label.id));
    for (const c of plan.changes) if (structured.has(c.label.id)) errors.push(`${c.label.id}: two rows decide it`);
    changes.push(...plan.changes);
    result.signoffs.push(...plan.signoffs);
    result.approved.push(...plan.approved);
    result.amended.push(...plan.amended);
    result.rejected.push(...plan.rejected);
    result.unchanged.push(...plan.unchanged);
  }
  const ids = changes.map((c) => c.label.id);
  for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) errors.push(`${id}: two rows decide it`);
  if (errors.length > 0)
    throw inputError(
      'BAD_SIGNOFF_FILE',
      `${o.file}: ${errors.length} bad row(s); nothing was changed:\n${errors
        .slice(0, 20)
        .map((e) => `  ${e}`)
        .join('\n')}`,
      { file: o.file, errors },
    );
  assertValidLabels(changes, categories);
  const { written } = await writeLabels(
    o.dir,
    changes.map((c) => c.label),
  );
  const name = o.file.split(/[\\/]/).pop();
  const commit = await committer.commit(
    written,
    `Import ${result.signoffs.length} review-sheet sign-off(s) by ${reviewer.id} from ${name}: ` +
      `${result.approved.length} approve, ${result.amended.length} amend, ${result.rejected.length} reject`,
  );
  return { ...result, written, commit };
}

/** The structured cells of one row as the page would submit them. */
function structuredInput(cells: Record<string, string>, id: string, hash: string, kind: ComputableKind): DecisionInput {
  const action = cells.decision.trim() as ReviewAction;
  if (!['approve', 'keep-previous', 'correct', 'incomputable'].includes(action))
    throw new Error(`decision "${cells.decision}" is not approve, keep-previous, correct or incomputable`);
  const input: DecisionInput = { id, contentHash: hash, action };
  const value = cells['corrected value'].trim();
  if (action === 'correct') {
    if (value === '') throw new Error('a "correct" decision needs the corrected value');
    input.value = structuredValue(kind, value);
  } else if (value !== '') throw new Error(`a corrected value goes with the decision "correct", not "${action}"`);
  const reason = cells['incomputable reason'].trim();
  if (action === 'incomputable') {
    if (!(reason in INCOMPUTABLE_REASONS))
      throw new Error(`incomputable reason "${reason}" is not one of ${Object.keys(INCOMPUTABLE_REASONS).join(', ')}`);
    input.reason = reason as IncomputableReason;
  } else if (reason !== '')
    throw new Error(`an incomputable reason goes with the decision "incomputable", not "${action}"`);
  const category = cells['error category'].trim();
  if (category) input.category = category;
  const note = cells['Physician Note (Optional)'].trim();
  if (note) input.note = note;
  return input;
}

function structuredValue(kind: ComputableKind, text: string): StructuredValue {
  if (kind === 'decimal' || kind === 'integer') return { number: text };
  if (kind === 'date') {
    const us = parseDate(text);
    if (!us) throw new Error(`"${text}" is not a calendar date (YYYY-MM-DD)`);
    const [m, d, y] = us.split('/');
    return { date: `${y}-${m}-${d}` };
  }
  const m = /^(\d+)\s*weeks?\s*,?\s*(\d+)\s*days?$/i.exec(text) ?? /^\[\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a gestational age ("W weeks D days")`);
  return { weeks: Number(m[1]), days: Number(m[2]) };
}

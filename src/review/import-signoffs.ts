import type { Identity } from '../git/index.js';
import { parseCsvTable } from '../core/csv.js';
import { readSourceText } from '../core/source-text.js';
import { assertValidLabels } from '../core/assert-valid.js';
import { openCommitter } from '../core/committer.js';
import { indexLabels } from '../core/label-index.js';
import { isoTime } from '../core/time.js';
import { readAllLabels } from '../store/read.js';
import { writeLabels } from '../store/write.js';
import { loadCategories } from '../taxonomy/categories.js';
import type { TextReading } from './free-text-readings.js';
import { type SignoffImportPlan, planSignoffImport } from './plan-signoff-import.js';
import { requireReviewer } from './reviewer.js';
import { reviewerSigningKey } from './signing-key.js';
import { withRepositoryLock } from '../git/lock.js';

export const DEFAULT_SIGNOFF_COLUMNS = {
  id: 'uid',
  value: 'y* (Physician label)',
  note: 'Physician Note (Optional)',
} as const;

export interface ImportSignoffsOptions {
  dir: string;
  /** A CSV of physician adjudications (path or URL). */
  file: string;
  /** The registered reviewer the whole file is signed as (the stewardship files name no one per row). */
  reviewer: string;
  keyPath: string;
  /** Default "uid": a label id or an upstream Row Number of `split`. */
  idColumn?: string;
  /** Default "y* (Physician label)". */
  valueColumn?: string;
  /** Default "Physician Note (Optional)" (optional unless named). */
  noteColumn?: string;
  /** A column with the value the reviewers decided the label becomes (default: the physician value itself). */
  decisionColumn?: string;
  /** How to read free-text physician values, overriding the defaults ("Multiple" → N/A). */
  readings?: readonly TextReading[];
  split?: string;
  author?: Identity | string;
  now?: Date | string;
}

/** The plan as carried out: one sign-off per non-empty physician value, the files written and the commit. */
export interface ImportSignoffsResult extends Omit<SignoffImportPlan, 'changes'> {
  written: string[];
  commit: string | null;
}

/** Imports a file of physician adjudications as signed sign-offs of one reviewer, in one commit, all or nothing. */
export async function importSignoffs(options: ImportSignoffsOptions): Promise<ImportSignoffsResult> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'signoff import', () => importSignoffsLocked(options));
}

async function importSignoffsLocked(options: ImportSignoffsOptions): Promise<ImportSignoffsResult> {
  const { dir, file, split = 'test' } = options;
  const columns = {
    id: options.idColumn ?? DEFAULT_SIGNOFF_COLUMNS.id,
    value: options.valueColumn ?? DEFAULT_SIGNOFF_COLUMNS.value,
    note: options.noteColumn ?? DEFAULT_SIGNOFF_COLUMNS.note,
  };
  const named = [options.noteColumn, options.decisionColumn].filter((c): c is string => c !== undefined);
  const table = parseCsvTable(await readSourceText(file), { file, required: [columns.id, columns.value, ...named] });
  const reviewer = await requireReviewer(dir, options.reviewer);
  const key = await reviewerSigningKey(reviewer, options.keyPath, dir);
  const committer = await openCommitter({ dir, author: options.author, requireRepository: false });
  const index = indexLabels(await readAllLabels(dir), split);
  const plan = planSignoffImport({
    table,
    file,
    index,
    columns: {
      ...columns,
      note: table.header.includes(columns.note) ? columns.note : undefined,
      decision: options.decisionColumn,
    },
    readings: options.readings,
    reviewer,
    key,
    time: isoTime(options.now),
  });
  assertValidLabels(plan.changes, new Set((await loadCategories(dir)).map((c) => c.id)));
  const { written } = await writeLabels(
    dir,
    plan.changes.map((c) => c.label),
  );
  const name = file.split(/[\\/]/).pop();
  const message =
    `Import ${plan.signoffs.length} physician sign-off(s) by ${reviewer.id} from ${name}: ` +
    `${plan.approved.length} approve, ${plan.amended.length} amend, ${plan.rejected.length} reject`;
  const commit = await committer.commit(written, message);
  const { signoffs, approved, amended, rejected, skipped, unchanged, readings } = plan;
  return { signoffs, approved, amended, rejected, skipped, unchanged, readings, written, commit };
}

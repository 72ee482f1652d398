import { basename } from 'node:path';
import type { Identity } from '../git/index.js';
import { readSourceText } from '../core/source-text.js';
import { formatAnswerValue } from '../label/answer.js';
import { writeLabels } from '../store/write.js';
import { loadCategories } from '../taxonomy/categories.js';
import { assertValidLabels } from '../core/assert-valid.js';
import { formatIdentity, openCommitter } from '../core/committer.js';
import { indexLabels } from '../core/label-index.js';
import { type BatchPlan, planBatch } from './plan-batch.js';
import { openTarget } from './target.js';
import { isoTime } from '../core/time.js';
import { readVerifierFile } from './verifier-file.js';
import { withRepositoryLock } from '../git/lock.js';

export interface ProposeBatchOptions {
  dir: string;
  /** A verifier's output: CSV or JSONL (see readVerifierFile), a path or an http(s) URL. */
  file: string;
  /**
   * The verifier's name, recorded in each revision (relabels with a verifier may be released verifier-only when the
   * policy allows).
   */
  verifier?: string;
  /** The split whose Row Numbers numeric ids refer to. */
  split?: string;
  idColumn?: string;
  valueColumn?: string;
  /** Commit on this branch (created from HEAD when new). Default: the current branch. */
  branch?: string;
  author?: Identity | string;
  now?: Date | string;
}

export interface ProposeBatchResult extends Omit<BatchPlan, 'changes'> {
  /** Label files written. */
  written: string[];
  commit: string | null;
  branch: string;
}

/**
 * Turns a verifier's output into proposals on a branch, in one commit: values within the current
 * label's tolerance confirm it; others relabel it (category pre-filled from the calculators' audit,
 * else unclassified). Every row is checked before anything is touched; one bad row refuses the batch.
 */
export async function proposeBatch(options: ProposeBatchOptions): Promise<ProposeBatchResult> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'propose', () => proposeBatchLocked(options));
}

async function proposeBatchLocked(options: ProposeBatchOptions): Promise<ProposeBatchResult> {
  const { dir, file, verifier, split = 'test' } = options;
  const rows = readVerifierFile({
    text: await readSourceText(file),
    file,
    idColumn: options.idColumn,
    valueColumn: options.valueColumn,
  });
  const committer = await openCommitter({ dir, author: options.author, requireRepository: true });
  const target = await openTarget(committer.repo!, dir, options.branch);
  const categories = new Set((await loadCategories(dir)).map((c) => c.id));
  const meta = {
    proposer: formatIdentity(committer.author!),
    time: isoTime(options.now),
    ...(verifier ? { verifier } : {}),
  };
  const plan = planBatch({ index: indexLabels(target.entries, split), rows, categories, meta, file });
  assertValidLabels(plan.changes, categories);
  await target.refuseDirty(plan.changes.map((c) => c.file));
  const branch = await target.enter();
  const { written } = await writeLabels(
    dir,
    plan.changes.map((c) => c.label),
  );
  const commit = await committer.commit(written, batchMessage(plan, file, verifier));
  const { confirmed, relabeled, incomputable, unchanged, items } = plan;
  return { rows: plan.rows, confirmed, relabeled, incomputable, unchanged, items, written, commit, branch };
}

function batchMessage(plan: BatchPlan, file: string, verifier: string | undefined): string {
  const subject =
    `Propose relabels from ${basename(file)}${verifier ? ` (verifier ${verifier})` : ''}: ` +
    `${plan.relabeled.length} relabeled, ${plan.incomputable.length} incomputable, ${plan.confirmed.length} confirmed`;
  const lines = plan.items
    .filter((i) => i.outcome === 'relabeled' || i.outcome === 'incomputable')
    .map((i) => `${i.id}: ${formatAnswerValue(i.before)} → ${formatAnswerValue(i.after)} (${i.category})`);
  return lines.length > 0 ? `${subject}\n\n${lines.join('\n')}\n` : subject;
}

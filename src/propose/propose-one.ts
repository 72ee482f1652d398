import type { Identity } from '../git/index.js';
import { inputError } from '../errors/index.js';
import { AnswerParseError, formatAnswerValue } from '../label/answer.js';
import type { Answer } from '../label/types.js';
import { writeLabels } from '../store/write.js';
import { loadCategories } from '../taxonomy/categories.js';
import { answerKindOf, type ProposedValue, readProposedValue } from '../core/answer-kind.js';
import { applyProposal } from './apply-proposal.js';
import { assertValidLabels } from '../core/assert-valid.js';
import { formatIdentity, openCommitter } from '../core/committer.js';
import { resolveEvidence } from './evidence.js';
import { openTarget } from './target.js';
import { isoTime } from '../core/time.js';
import { withRepositoryLock } from '../git/lock.js';

export interface ProposeOneOptions {
  dir: string;
  id: string;
  /** The new value as text or number ("N/A" means incomputable), or use `incomputable`. */
  value?: string | number;
  incomputable?: boolean;
  category: string;
  rationale: string;
  /**
   * The new answer's explanation (default: the reference calculator's trace when it gives the value, else a statement
   * of the change).
   */
  explanation?: string;
  /** A file inside the repository (recorded by path and committed), a URL, or a citation. */
  evidence?: string;
  /** Mark the item contentious: the policy may then ask for more physician sign-offs. */
  contentious?: boolean;
  branch?: string;
  author?: Identity | string;
  now?: Date | string;
}

export interface ProposeOneResult {
  id: string;
  file: string;
  previous: Answer;
  answer: Answer;
  status: string;
  commit: string | null;
  branch: string;
}

/**
 * Proposes a new answer for one label: the value is read by the calculator's kind and gets the kind's
 * limits, the status and revision record the change, and it is committed on the branch. Unknown label,
 * a value of the wrong kind, an unknown category: exit 2, nothing changed.
 */
export async function proposeOne(options: ProposeOneOptions): Promise<ProposeOneResult> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'propose', () => proposeOneLocked(options));
}

async function proposeOneLocked(options: ProposeOneOptions): Promise<ProposeOneResult> {
  const { dir, id } = options;
  if ((options.value === undefined) === !options.incomputable) {
    throw inputError('BAD_VALUE', 'give either a value (--value) or --incomputable', { id });
  }
  const committer = await openCommitter({ dir, author: options.author, requireRepository: true });
  const target = await openTarget(committer.repo!, dir, options.branch);
  const entry = target.entries.find((e) => e.label.id === id);
  if (!entry)
    throw inputError('UNKNOWN_LABEL', `no label "${id}"${options.branch ? ` on branch ${options.branch}` : ''}`, {
      id,
    });
  const categories = new Set((await loadCategories(dir)).map((c) => c.id));
  if (!categories.has(options.category)) {
    throw inputError(
      'UNKNOWN_CATEGORY',
      `unknown error category "${options.category}" (known: ${[...categories].join(', ')})`,
      { category: options.category },
    );
  }
  let value: ProposedValue = null;
  if (!options.incomputable) {
    try {
      value = readProposedValue(answerKindOf(entry.label), options.value!);
    } catch (error) {
      if (!(error instanceof AnswerParseError)) throw error;
      throw inputError('BAD_VALUE', `${id} (${entry.label.calculator.name}): ${error.message}`, {
        id,
        value: options.value,
      });
    }
  }
  const evidence = options.evidence === undefined ? undefined : await resolveEvidence(dir, options.evidence);
  const meta = { proposer: formatIdentity(committer.author!), time: isoTime(options.now) };
  const applied = applyProposal(
    entry.label,
    {
      value,
      category: options.category,
      rationale: options.rationale,
      evidence: evidence?.text,
      contentious: options.contentious,
      explanation: options.explanation,
    },
    meta,
    { confirmWithinTolerance: false },
  );
  if (applied.outcome === 'unchanged') {
    throw inputError(
      'NO_CHANGE',
      `${id} already has the answer ${formatAnswerValue(entry.label.answer)}; nothing to propose`,
      { id },
    );
  }
  const changed = { file: entry.file, label: applied.label };
  assertValidLabels([changed], categories);
  await target.refuseDirty([entry.file]);
  const branch = await target.enter();
  const { written } = await writeLabels(dir, [applied.label]);
  const before = formatAnswerValue(entry.label.answer);
  const after = formatAnswerValue(applied.label.answer);
  const message =
    `Propose ${id}: ${before} → ${after} ` +
    `(${options.category})\n\n${entry.label.calculator.name}.\n${options.rationale}\n` +
    `${evidence ? `\nEvidence: ${evidence.text}\n` : ''}`;
  const commit = await committer.commit(evidence?.path ? [...written, evidence.path] : written, message);
  return {
    id,
    file: entry.file,
    previous: entry.label.answer,
    answer: applied.label.answer,
    status: applied.label.status,
    commit,
    branch,
  };
}

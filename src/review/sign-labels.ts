import { inputError } from '../errors/index.js';
import type { Identity } from '../git/index.js';
import type { Label, Signoff } from '../label/types.js';
import { assertValidLabels } from '../core/assert-valid.js';
import { answerKindOf } from '../core/answer-kind.js';
import { openCommitter } from '../core/committer.js';
import type { LabelEntry } from '../core/label-index.js';
import { isoTime } from '../core/time.js';
import { contentHash } from '../store/canonical.js';
import { readAllLabels } from '../store/read.js';
import { writeLabels } from '../store/write.js';
import { loadCategories } from '../taxonomy/categories.js';
import { alreadySignedOff, applySignoff } from './apply-signoff.js';
import { type PhysicianValue, parsePhysicianValue } from './physician-value.js';
import { requireReviewer } from './reviewer.js';
import { reviewerSigningKey } from './signing-key.js';

import { DECISIONS } from './decisions.js';
import { withRepositoryLock } from '../git/lock.js';

export { DECISIONS };

export interface SignLabelsOptions {
  dir: string;
  ids: string[];
  reviewer: string;
  decision: Signoff['decision'];
  /** The physician's own value (required for amend): the ground truth release statistics use. */
  value?: string;
  note?: string;
  /** The reviewer's private key (PKCS#8 PEM, outside the repository). */
  keyPath: string;
  author?: Identity | string;
  now?: Date | string;
  /** id → the content hash the signer was shown: refuse (LABEL_CHANGED) rather than sign other content. */
  expectContentHash?: Readonly<Record<string, string>>;
}

export interface SignLabelsResult {
  signoffs: { id: string; decision: Signoff['decision']; contentHash: string }[];
  amended: string[];
  written: string[];
  commit: string | null;
}

/** Appends one signed sign-off to each label (amend also applies the value) and commits. */
export async function signLabels(options: SignLabelsOptions): Promise<SignLabelsResult> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'signoff', () => signLabelsLocked(options));
}

async function signLabelsLocked(options: SignLabelsOptions): Promise<SignLabelsResult> {
  const { dir, decision } = options;
  if (!DECISIONS.includes(decision))
    throw inputError('BAD_DECISION', `decision must be one of ${DECISIONS.join(', ')}, not "${decision}"`, {
      decision,
    });
  if (decision === 'amend' && options.value === undefined)
    throw inputError('AMEND_NEEDS_VALUE', 'amend needs the physician value (--value)', {});
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) throw inputError('NO_LABELS', 'name at least one label to sign off', {});
  const reviewer = await requireReviewer(dir, options.reviewer);
  const key = await reviewerSigningKey(reviewer, options.keyPath, dir);
  const committer = await openCommitter({ dir, author: options.author, requireRepository: false });
  const byId = new Map((await readAllLabels(dir)).map((e) => [e.label.id, e]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw inputError('UNKNOWN_LABEL', `no label ${unknown.map((u) => `"${u}"`).join(', ')}`, { ids: unknown });
  for (const [id, hash] of Object.entries(options.expectContentHash ?? {})) {
    const now = byId.has(id) ? contentHash(byId.get(id)!.label) : undefined;
    if (now !== hash)
      throw inputError(
        'LABEL_CHANGED',
        `${id} changed since it was shown (content hash ${now ?? 'none'}, shown ${hash}); nothing was signed`,
        { id, shown: hash, now },
      );
  }

  const time = isoTime(options.now);
  const changed: LabelEntry[] = [];
  for (const id of ids) {
    const entry = byId.get(id)!;
    const parsedValue = options.value === undefined ? undefined : readValue(entry.label, options.value, decision);
    const request = { decision, value: options.value, parsedValue, note: options.note, time };
    // An identical re-run (the first was killed after its commit) leaves the label as it is.
    const again = alreadySignedOff(entry.label, reviewer, request);
    const label = again ? entry.label : applySignoff(entry.label, reviewer, request, key);
    changed.push({ file: entry.file, label });
  }
  assertValidLabels(changed, new Set((await loadCategories(dir)).map((c) => c.id)));
  const { written } = await writeLabels(
    dir,
    changed.map((c) => c.label),
  );
  const subject = `Sign off ${ids.length === 1 ? ids[0] : `${ids.length} labels`}: ${decision} by ${reviewer.id}`;
  const commit = await committer.commit(written, ids.length === 1 ? subject : `${subject}\n\n${ids.join('\n')}\n`);
  return {
    signoffs: changed.map(({ label }) => ({
      id: label.id,
      decision,
      contentHash: label.signoffs[label.signoffs.length - 1].contentHash,
    })),
    amended: decision === 'amend' ? ids : [],
    written,
    commit,
  };
}

function readValue(label: Label, text: string, decision: Signoff['decision']): PhysicianValue {
  const kind = answerKindOf(label);
  const value = parsePhysicianValue(kind, text);
  if (value === undefined)
    throw inputError('BAD_VALUE', `${label.id} (${label.calculator.name}): "${text}" is not a ${kind} value or N/A`, {
      id: label.id,
      value: text,
    });
  if (decision === 'amend' && kind === 'integer' && typeof value === 'number' && !Number.isInteger(value)) {
    throw inputError(
      'BAD_VALUE',
      `${label.id} (${label.calculator.name}): ${text} is not a whole number; ${label.calculator.name} answers ` +
        `are integers`,
      { id: label.id, value: text },
    );
  }
  return value;
}

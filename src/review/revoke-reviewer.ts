import { withRepositoryLock } from '../git/lock.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE, type SignoffPolicy, loadConfig } from '../config/config.js';
import { inputError } from '../errors/index.js';
import type { Identity } from '../git/index.js';
import { isoTime } from '../core/time.js';
import { canonicalJson } from '../store/canonical.js';
import { POLICY_SUBJECT, changeRecordPath, signChangeRecord, stateHash } from './change-record.js';
import { type Reviewer, readReviewers, reviewerPath } from './reviewer.js';
import type { ReviewerChangeResult } from './add-reviewer.js';
import { commitTrustChange, loadTrustSigner } from './trust-signer.js';
import { policyProblem } from './signoff-policy.js';

export interface SignedChangeOptions {
  dir: string;
  signer: string;
  signerKeyPath: string;
  author?: Identity | string;
  now?: Date | string;
}

/**
 * Revokes a reviewer: their file keeps its key (the sign-offs already at the base stay verifiable) and
 * gains `revoked`; sign-offs they add from then on do not count. Signed by a maintainer; committed.
 */
export async function revokeReviewer(
  options: SignedChangeOptions & { id: string; reason?: string },
): Promise<ReviewerChangeResult> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'reviewer revoke', () => revokeReviewerLocked(options));
}

async function revokeReviewerLocked(
  options: SignedChangeOptions & { id: string; reason?: string },
): Promise<ReviewerChangeResult> {
  const { dir, id } = options;
  const { reviewers } = await readReviewers(dir);
  const current = reviewers.get(id);
  if (!current) throw inputError('UNKNOWN_REVIEWER', `no reviewer "${id}" to revoke`, { reviewer: id });
  if (current.revoked)
    throw inputError('REVIEWER_REVOKED', `${id} was revoked already (${current.revoked.time})`, { reviewer: id });
  const signer = await loadTrustSigner(dir, reviewers, options.signer, options.signerKeyPath);
  const time = isoTime(options.now);
  const after: Reviewer = {
    ...current,
    revoked: { time, by: signer.id, ...(options.reason ? { reason: options.reason } : {}) },
  };
  const record = signChangeRecord(
    { action: 'revoke', subject: id, before: stateHash(current), after, signer: signer.id, time },
    signer.key,
  );
  const file = reviewerPath(id);
  const commit = await commitTrustChange(
    dir,
    [
      { path: file, content: canonicalJson(after) },
      { path: changeRecordPath(record), content: canonicalJson(record) },
    ],
    `Revoke reviewer ${id}${options.reason ? `: ${options.reason}` : ''}\n\nSigned by ${signer.id}.`,
    options.author,
  );
  return { file, reviewer: after, record: changeRecordPath(record), signer: signer.id, commit };
}

/** Sets the sign-off policy in steward.config.json (its other fields kept), with a signed change record. */
export async function setPolicy(
  options: SignedChangeOptions & { policy: Partial<SignoffPolicy> },
): Promise<{ policy: SignoffPolicy; record: string; signer: string; commit: string | null }> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'reviewer set-policy', () => setPolicyLocked(options));
}

async function setPolicyLocked(
  options: SignedChangeOptions & { policy: Partial<SignoffPolicy> },
): Promise<{ policy: SignoffPolicy; record: string; signer: string; commit: string | null }> {
  const { dir } = options;
  const config = await loadConfig(dir);
  const before = config.policy;
  const after: SignoffPolicy = {
    ...before,
    ...Object.fromEntries(Object.entries(options.policy).filter(([, v]) => v !== undefined)),
  };
  if (canonicalJson(after) === canonicalJson(before))
    throw inputError(
      'POLICY_UNCHANGED',
      'the policy would not change; name what to set (--relabel, --contentious, --physician-roles, ' +
        '--allow-verifier-only)',
      {},
    );
  const bad = policyProblem(after);
  if (bad) throw inputError('POLICY_INVALID', `policy refused: ${bad}`, { policy: after });
  const { reviewers } = await readReviewers(dir);
  const signer = await loadTrustSigner(dir, reviewers, options.signer, options.signerKeyPath);
  const time = isoTime(options.now);
  const record = signChangeRecord(
    { action: 'set-policy', subject: POLICY_SUBJECT, before: stateHash(before), after, signer: signer.id, time },
    signer.key,
  );
  const text = await readFile(join(dir, CONFIG_FILE), 'utf8').catch(() => '{}');
  const json = JSON.parse(text) as Record<string, unknown>;
  json.policy = after;
  const commit = await commitTrustChange(
    dir,
    [
      { path: CONFIG_FILE, content: JSON.stringify(json, null, 2) + '\n' },
      { path: changeRecordPath(record), content: canonicalJson(record) },
    ],
    `Set the sign-off policy: ${Object.keys(options.policy).join(', ')}\n\nSigned by ${signer.id}.`,
    options.author,
  );
  return { policy: after, record: changeRecordPath(record), signer: signer.id, commit };
}

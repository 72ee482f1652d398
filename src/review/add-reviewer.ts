import { withRepositoryLock } from '../git/lock.js';
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import type { Identity } from '../git/index.js';
import { isoTime } from '../core/time.js';
import { canonicalJson } from '../store/canonical.js';
import { changeRecordPath, signChangeRecord, stateHash } from './change-record.js';
import { loadPrivateKey, publicKeyOfFile } from './keys.js';
import { type Reviewer, readReviewers, reviewerPath, reviewerProblems } from './reviewer.js';
import { MAINTAINER_ROLE } from './trust-changes.js';
import { type TrustSigner, commitTrustChange, loadTrustSigner } from './trust-signer.js';

export interface AddReviewerOptions {
  dir: string;
  id: string;
  name: string;
  role: string;
  specialty?: string;
  orcid?: string;
  /** The reviewer's key file (private, as keygen writes it, or a public key PEM): its public key is registered. */
  keyPath: string;
  /** Replace an existing reviewer file (a new key invalidates every earlier signature of this reviewer). */
  replace?: boolean;
  /** The registered maintainer who signs the change record, and their private key. */
  signer?: string;
  signerKeyPath?: string;
  author?: Identity | string;
  now?: Date | string;
}

export interface ReviewerChangeResult {
  file: string;
  reviewer: Reviewer;
  /** The signed change record written beside it (null for an unsigned change in a repository without a maintainer). */
  record: string | null;
  signer: string | null;
  commit: string | null;
}

/**
 * Registers a reviewer (reviewers/<id>.json, schema-checked) with the public key of a key file, with a
 * change record signed by a registered maintainer, and commits both. The first maintainer of a
 * benchmark signs their own record (a bootstrap, which only the base branch itself can accept: a pull
 * request's check wants a maintainer registered at its base). In a repository that has no maintainer
 * at all the change is written unsigned, and the gate reports it as such.
 */
export async function addReviewer(options: AddReviewerOptions): Promise<ReviewerChangeResult> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'reviewer add', () => addReviewerLocked(options));
}

async function addReviewerLocked(options: AddReviewerOptions): Promise<ReviewerChangeResult> {
  const { dir, id } = options;
  const reviewer: Reviewer = {
    id,
    name: options.name,
    role: options.role,
    publicKey: await publicKeyOfFile(options.keyPath),
  };
  if (options.specialty !== undefined) reviewer.specialty = options.specialty;
  if (options.orcid !== undefined) reviewer.orcid = options.orcid;
  const file = reviewerPath(id);
  const problems = /^[a-z0-9][a-z0-9._-]*$/.test(id)
    ? reviewerProblems(file, reviewer)
    : [{ message: `"${id}" is not a reviewer id (lowercase letters, digits, . _ -)` }];
  if (problems.length > 0) throw inputError('INVALID_REVIEWER', problems[0].message, { file });
  const existingText = await readFile(join(dir, file), 'utf8').catch(() => null);
  if (existingText !== null && !options.replace) {
    throw inputError(
      'REVIEWER_EXISTS',
      `${file} already exists; --replace to change it (a new key invalidates ${id}'s earlier signatures)`,
      { file },
    );
  }
  const { reviewers } = await readReviewers(dir);
  const existing = reviewers.get(id);
  if (existingText !== null && !existing)
    throw inputError('INVALID_REVIEWER', `${file} is not a valid reviewer file; fix or remove it by hand first`, {
      file,
    });
  if (existing?.revoked)
    throw inputError(
      'REVIEWER_REVOKED',
      `${id} was revoked (${existing.revoked.time}); a revoked reviewer stays revoked: register a new id`,
      { file },
    );
  const twin = [...reviewers.values()].find((r) => r.id !== id && r.publicKey === reviewer.publicKey);
  if (twin)
    throw inputError(
      'DUPLICATE_KEY',
      `${options.keyPath}: this public key is registered already as ${twin.id}; one key, one reviewer`,
      { file: options.keyPath, reviewer: twin.id },
    );

  const maintainers = [...reviewers.values()].filter((r) => r.role === MAINTAINER_ROLE && !r.revoked);
  let signer: TrustSigner | null = null;
  if (options.signer !== undefined || options.signerKeyPath !== undefined) {
    signer = await loadTrustSigner(dir, reviewers, options.signer, options.signerKeyPath);
  } else if (
    maintainers.length === 0 &&
    reviewer.role === MAINTAINER_ROLE &&
    existing === undefined &&
    (await isPrivateKeyFile(options.keyPath))
  ) {
    // Bootstrap: the first maintainer signs their own registration.
    signer = { id, key: await loadPrivateKey(options.keyPath, dir) };
  } else if (maintainers.length > 0) {
    throw inputError(
      'CHANGE_NEEDS_SIGNER',
      `a reviewer change is signed by a registered maintainer: add --signer <id> --signer-key <key> ` +
        `(maintainers: ${maintainers.map((m) => m.id).join(', ')})`,
      { file },
    );
  }
  const action = existing ? 'replace' : 'add';
  const record = signer
    ? signChangeRecord(
        {
          action,
          subject: id,
          before: existing ? stateHash(existing) : null,
          after: reviewer,
          signer: signer.id,
          time: isoTime(options.now),
        },
        signer.key,
      )
    : null;
  const files = [
    { path: file, content: canonicalJson(reviewer) },
    ...(record ? [{ path: changeRecordPath(record), content: canonicalJson(record) }] : []),
  ];
  const message =
    `${existing ? 'Update' : 'Add'} reviewer ${id} ` +
    `(${reviewer.role}${reviewer.specialty ? `, ${reviewer.specialty}` : ''})` +
    `${record ? `\n\nSigned by ${record.signer}.` : ''}`;
  const commit = await commitTrustChange(dir, files, message, options.author);
  return { file, reviewer, record: record ? changeRecordPath(record) : null, signer: record?.signer ?? null, commit };
}

async function isPrivateKeyFile(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => '');
  try {
    createPrivateKey(text);
    return true;
  } catch {
    return false;
  }
}

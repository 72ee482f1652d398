import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import type { Identity } from '../git/index.js';
import { openCommitter } from '../propose/committer.js';
import { writeFileAtomically } from '../store/atomic.js';
import { canonicalJson } from '../store/canonical.js';
import { publicKeyOfFile } from './keys.js';
import { type Reviewer, reviewerPath, reviewerProblems } from './reviewer.js';
import { withRepositoryLock } from '../git/lock.js';

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
  author?: Identity | string;
}

/** Registers a reviewer (reviewers/<id>.json, schema-checked) with the public key of a key file, and commits it. */
export async function addReviewer(options: AddReviewerOptions): Promise<{ file: string; reviewer: Reviewer; commit: string | null }> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'reviewer add', () => addReviewerLocked(options));
}

async function addReviewerLocked(options: AddReviewerOptions): Promise<{ file: string; reviewer: Reviewer; commit: string | null }> {
  const { dir, id } = options;
  const reviewer: Reviewer = { id, name: options.name, role: options.role, publicKey: await publicKeyOfFile(options.keyPath) };
  if (options.specialty !== undefined) reviewer.specialty = options.specialty;
  if (options.orcid !== undefined) reviewer.orcid = options.orcid;
  const file = reviewerPath(id);
  const problems = /^[a-z0-9][a-z0-9._-]*$/.test(id) ? reviewerProblems(file, reviewer) : [{ message: `"${id}" is not a reviewer id (lowercase letters, digits, . _ -)` }];
  if (problems.length > 0) throw inputError('INVALID_REVIEWER', problems[0].message, { file });
  const existing = await readFile(join(dir, file), 'utf8').catch(() => null);
  if (existing !== null && !options.replace) {
    throw inputError('REVIEWER_EXISTS', `${file} already exists; --replace to change it (a new key invalidates ${id}'s earlier signatures)`, { file });
  }
  const committer = await openCommitter({ dir, author: options.author, requireRepository: false });
  await writeFileAtomically(join(dir, file), canonicalJson(reviewer));
  const commit = await committer.commit([file], `${existing === null ? 'Add' : 'Update'} reviewer ${id} (${reviewer.role}${reviewer.specialty ? `, ${reviewer.specialty}` : ''})`);
  return { file, reviewer, commit };
}

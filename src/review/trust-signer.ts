import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import type { Identity } from '../git/index.js';
import { openCommitter } from '../core/committer.js';
import { writeFilesAtomically } from '../store/atomic.js';
import type { Reviewer } from './reviewer.js';
import { reviewerSigningKey } from './signing-key.js';
import { MAINTAINER_ROLE } from './trust-changes.js';

export interface TrustSigner {
  id: string;
  key: KeyObject;
}

/** A registered, unrevoked maintainer and their private key (refused unless it is the registered one). */
export async function loadTrustSigner(
  dir: string,
  reviewers: ReadonlyMap<string, Reviewer>,
  id: string | undefined,
  keyPath: string | undefined,
): Promise<TrustSigner> {
  if (!id || !keyPath)
    throw inputError(
      'CHANGE_NEEDS_SIGNER',
      'a trust-root change needs both --signer <maintainer id> and --signer-key <private key>',
      {},
    );
  const signer = reviewers.get(id);
  if (!signer)
    throw inputError('UNKNOWN_REVIEWER', `no reviewer "${id}" is registered to sign this change`, { reviewer: id });
  if (signer.role !== MAINTAINER_ROLE)
    throw inputError(
      'SIGNER_NOT_MAINTAINER',
      `${id} is registered as "${signer.role}"; only a ${MAINTAINER_ROLE} signs trust-root changes`,
      { reviewer: id },
    );
  if (signer.revoked)
    throw inputError('REVIEWER_REVOKED', `${id} was revoked (${signer.revoked.time}) and signs nothing`, {
      reviewer: id,
    });
  return { id, key: await reviewerSigningKey(signer, keyPath, dir) };
}

/** Writes the files (all or none) and commits them when the folder is a repository. */
export async function commitTrustChange(
  dir: string,
  files: { path: string; content: string }[],
  message: string,
  author?: Identity | string,
): Promise<string | null> {
  const committer = await openCommitter({ dir, author, requireRepository: false });
  await writeFilesAtomically(files.map((f) => ({ path: join(dir, f.path), content: f.content })));
  return committer.commit(
    files.map((f) => f.path),
    message,
  );
}

import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isoTime } from '../core/time.js';
import { changeRecordPath, signChangeRecord } from '../review/change-record.js';
import { loadPrivateKey, publicKeyOfFile } from '../review/keys.js';
import { keygen } from '../review/keygen.js';
import { type Reviewer, reviewerPath, reviewerProblems } from '../review/reviewer.js';
import { MAINTAINER_ROLE } from '../review/trust-changes.js';
import { inputError } from '../errors/index.js';
import { canonicalJson } from '../store/canonical.js';

export interface FirstMaintainerOptions {
  /** The new benchmark folder (the key must lie outside it). */
  dir: string;
  id: string;
  name?: string;
  /** An existing private key (PKCS#8 PEM, mode 0600) or where to generate one. */
  keyPath: string;
  now?: Date | string;
}

/**
 * The first maintainer: reviewers/<id>.json and the change record they sign themselves. Committed in
 * the repository's first commit, this is the root of trust: every later reviewer or policy change is
 * signed by a maintainer that chain leads back to, and a first release trusts exactly this commit.
 */
export async function firstMaintainerFiles(
  o: FirstMaintainerOptions,
): Promise<{ files: { path: string; content: string }[]; reviewer: Reviewer; keyPath: string; generated: boolean }> {
  const keyPath = resolve(o.keyPath);
  const exists = await access(keyPath).then(
    () => true,
    () => false,
  );
  if (!exists) await keygen({ dir: o.dir, out: keyPath });
  const key = await loadPrivateKey(keyPath, o.dir);
  const reviewer: Reviewer = {
    id: o.id,
    name: o.name ?? o.id,
    role: MAINTAINER_ROLE,
    publicKey: await publicKeyOfFile(keyPath),
  };
  const file = reviewerPath(o.id);
  const problems = reviewerProblems(file, reviewer);
  if (problems.length > 0) throw inputError('INVALID_REVIEWER', `--maintainer: ${problems[0].message}`, { file });
  const record = signChangeRecord(
    { action: 'add', subject: o.id, before: null, after: reviewer, signer: o.id, time: isoTime(o.now) },
    key,
  );
  return {
    files: [
      { path: file, content: canonicalJson(reviewer) },
      { path: changeRecordPath(record), content: canonicalJson(record) },
    ],
    reviewer,
    keyPath,
    generated: !exists,
  };
}

import { type Repo, isGitStoreError, listTags, resolveCommit } from '../git/index.js';

/** A release tag name: v<semver>. */
const RELEASE_TAG = /^v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * What a pull request is compared with when no base is given: the latest release tag (highest
 * v<semver>), else the first commit of HEAD's history. Null in a repository without commits.
 */
export async function defaultBase(repo: Repo): Promise<{ ref: string; commit: string } | null> {
  const releases = (await listTags(repo)).filter((t) => RELEASE_TAG.test(t.name)).sort((a, b) => compareReleaseTags(a.name, b.name));
  const latest = releases[releases.length - 1];
  if (latest) return { ref: latest.name, commit: latest.commit };
  let oid: string;
  try {
    oid = await resolveCommit(repo, 'HEAD');
  } catch (error) {
    if (isGitStoreError(error, 'UNKNOWN_REF')) return null;
    throw error;
  }
  // Follow first parents to the root; each step reads one (memoized) commit.
  for (;;) {
    try {
      oid = await resolveCommit(repo, `${oid}~1`);
    } catch (error) {
      if (isGitStoreError(error, 'UNKNOWN_REF')) return { ref: oid, commit: oid };
      throw error;
    }
  }
}

/** Semantic-version order of two release tags (a pre-release sorts before its release). */
export function compareReleaseTags(a: string, b: string): number {
  const x = RELEASE_TAG.exec(a);
  const y = RELEASE_TAG.exec(b);
  if (!x || !y) return a.localeCompare(b);
  for (let k = 1; k <= 3; k++) {
    const d = Number(x[k]) - Number(y[k]);
    if (d !== 0) return d;
  }
  if (x[4] === undefined || y[4] === undefined) return x[4] === y[4] ? 0 : x[4] === undefined ? 1 : -1;
  const p = x[4].split('.');
  const q = y[4].split('.');
  for (let k = 0; k < Math.max(p.length, q.length); k++) {
    if (p[k] === undefined) return -1;
    if (q[k] === undefined) return 1;
    const numeric = /^\d+$/.test(p[k]) && /^\d+$/.test(q[k]);
    const d = numeric ? Number(p[k]) - Number(q[k]) : p[k].localeCompare(q[k]);
    if (d !== 0) return d;
  }
  return 0;
}

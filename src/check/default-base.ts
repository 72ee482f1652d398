import { latestReleaseTag } from '../core/release-tags.js';
import { type Repo, isGitStoreError, listTags, resolveCommit } from '../git/index.js';

/**
 * What a pull request is compared with when no base is given: the latest release tag (highest
 * v<MAJOR.MINOR.PATCH>; a pre-release tag is not a release, see core/release-tags.ts), else the first
 * commit of HEAD's history. Null in a repository without commits.
 */
export async function defaultBase(repo: Repo): Promise<{ ref: string; commit: string } | null> {
  const latest = latestReleaseTag(await listTags(repo));
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

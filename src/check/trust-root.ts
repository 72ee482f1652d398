import { inputError } from '../errors/index.js';
import { type Repo, isGitStoreError, resolveCommit } from '../git/index.js';
import { defaultBase } from './default-base.js';

/** What `check` compares with and whose reviewers and policy it trusts. */
export interface TrustRoot {
  /** As named: a tag, a ref, or the root commit's oid. */
  ref: string;
  commit: string;
  /** The repository's root commit (a first release trusts it: the commit `init` made with the first maintainer). */
  isRootCommit: boolean;
}

/**
 * The trust root of a check, failing closed: in a repository HEAD must resolve, and so must the base
 * (given, else the latest release tag, else the root commit); anything else is an error (exit 2),
 * never "no commits" and a pass.
 */
export async function resolveTrustRoot(repo: Repo, base: string | undefined): Promise<TrustRoot> {
  let head: string;
  try {
    head = await resolveCommit(repo, 'HEAD');
  } catch (error) {
    if (isGitStoreError(error))
      throw inputError(
        'HEAD_UNRESOLVED',
        `${repo.dir}: HEAD cannot be resolved (${error.message}); the gate refuses to judge a tree whose history ` +
          `it cannot read`,
        { dir: repo.dir },
      );
    throw error;
  }
  let resolved: { ref: string; commit: string } | null;
  if (base !== undefined) {
    try {
      resolved = { ref: base, commit: await resolveCommit(repo, base) };
    } catch (error) {
      if (isGitStoreError(error))
        throw inputError('BASE_UNRESOLVED', `the base ${base} cannot be resolved: ${error.message}`, { ref: base });
      throw error;
    }
  } else {
    resolved = await defaultBase(repo);
  }
  if (!resolved)
    throw inputError(
      'BASE_UNRESOLVED',
      `${repo.dir}: no base to compare with (HEAD ${head.slice(0, 10)} has no readable history)`,
      { dir: repo.dir },
    );
  return { ...resolved, isRootCommit: await isRoot(repo, resolved.commit) };
}

async function isRoot(repo: Repo, commit: string): Promise<boolean> {
  try {
    await resolveCommit(repo, `${commit}~1`);
    return false;
  } catch (error) {
    if (isGitStoreError(error, 'UNKNOWN_REF')) return true;
    throw error;
  }
}

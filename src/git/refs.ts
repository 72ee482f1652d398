import git from 'isomorphic-git';
import { GitStoreError, isoGitCode } from './errors.js';
import { readCommitMemo } from './objects.js';
import { objectDatabase } from './packed-objects.js';
import { type Repo, gitArgs } from './repo.js';

/** The ref name that means "the files on disk" wherever a ref is accepted (as does leaving it out). */
export const WORKTREE = 'WORKTREE';

export type ResolvedRef = { kind: 'worktree' } | { kind: 'commit'; oid: string };

/**
 * What a ref names: a tag (annotated or lightweight, peeled to its commit), a branch, a full or short
 * commit oid, `HEAD`, any of those followed by `~n` / `^n`, or the working tree (`WORKTREE` or
 * undefined).
 */
export async function resolveRef(repo: Repo, ref: string | undefined): Promise<ResolvedRef> {
  if (ref === undefined || ref === WORKTREE) return { kind: 'worktree' };
  return { kind: 'commit', oid: await resolveCommit(repo, ref) };
}

/** The commit oid a ref names; the working tree is refused (UNKNOWN_REF), since it has no commit. */
export async function resolveCommit(repo: Repo, ref: string): Promise<string> {
  const match = /^(.*?)((?:[~^]\d*)*)$/.exec(ref);
  const base = match?.[1] ?? '';
  const suffix = match?.[2] ?? '';
  if (!isPlausibleRef(base)) throw unknownRef(ref, 'not a ref name');
  let oid = await peelToCommit(repo, ref, await resolveBase(repo, ref, base));
  for (const step of suffix.matchAll(/([~^])(\d*)/g)) {
    const count = step[2] === '' ? 1 : Number(step[2]);
    oid = step[1] === '~' ? await nthAncestor(repo, ref, oid, count) : await nthParent(repo, ref, oid, count);
  }
  return oid;
}

/** Refs are read as files under .git, so anything that could climb out of it is refused outright. */
function isPlausibleRef(ref: string): boolean {
  return ref.length > 0 && !ref.includes('..') && !ref.startsWith('/') && !/[\s\\:?*[\x00-\x1f\x7f]/.test(ref);
}

async function resolveBase(repo: Repo, ref: string, base: string): Promise<string> {
  try {
    return await git.resolveRef({ fs: repo.fs, gitdir: repo.gitdir, ref: base });
  } catch (error) {
    if (isoGitCode(error) !== 'NotFoundError') throw error;
  }
  if (/^[0-9a-f]{4,39}$/i.test(base)) {
    try {
      return await git.expandOid({ ...gitArgs(repo), oid: base.toLowerCase() });
    } catch (error) {
      const code = isoGitCode(error);
      if (code === 'AmbiguousError') throw unknownRef(ref, 'ambiguous short oid');
      if (code !== 'NotFoundError') throw error;
    }
  }
  throw unknownRef(ref, 'no such tag, branch or commit');
}

/** Follow annotated tags down to the commit they name. */
async function peelToCommit(repo: Repo, ref: string, oid: string): Promise<string> {
  for (let depth = 0; depth < 16; depth++) {
    // Through the handle's object database: isomorphic-git's readObject would load (and, for a packed
    // object, inflate from) the whole pack for this one object.
    const object = objectDatabase(repo).tryRead(oid);
    if (!object) throw unknownRef(ref, 'no such object');
    if (object.type === 'commit') return oid;
    const target = object.type === 'tag' ? /^object ([0-9a-f]{40})\n/.exec(object.content.toString('latin1', 0, 200)) : null;
    if (!target) {
      throw new GitStoreError('NOT_A_COMMIT', `${ref} names a ${object.type}, not a commit`, { ref, oid, type: object.type });
    }
    oid = target[1];
  }
  throw new GitStoreError('NOT_A_COMMIT', `${ref} is a chain of tags too long to follow`, { ref, oid });
}

async function nthAncestor(repo: Repo, ref: string, oid: string, count: number): Promise<string> {
  for (let i = 0; i < count; i++) oid = await nthParent(repo, ref, oid, 1);
  return oid;
}

async function nthParent(repo: Repo, ref: string, oid: string, n: number): Promise<string> {
  if (n === 0) return oid;
  const parent = (await readCommitMemo(repo, oid)).parent[n - 1];
  if (!parent) throw unknownRef(ref, 'history is shorter than that');
  return parent;
}

function unknownRef(ref: string, reason: string): GitStoreError {
  return new GitStoreError('UNKNOWN_REF', `unknown ref "${ref}": ${reason}`, { ref, reason });
}

/** The ref a commit moves (the branch HEAD points at, or HEAD itself when detached) and its commit. */
export async function readHead(repo: Repo): Promise<{ ref: string; oid: string | null }> {
  const target = await git.resolveRef({ fs: repo.fs, gitdir: repo.gitdir, ref: 'HEAD', depth: 2 });
  const ref = /^[0-9a-f]{40}$/.test(target) ? 'HEAD' : target;
  try {
    return { ref, oid: await git.resolveRef({ fs: repo.fs, gitdir: repo.gitdir, ref: 'HEAD' }) };
  } catch (error) {
    if (isoGitCode(error) === 'NotFoundError') return { ref, oid: null };
    throw error;
  }
}

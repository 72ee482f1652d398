import nodeFs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import git from 'isomorphic-git';
import { GitStoreError } from './errors.js';
import { ObjectMemo } from './object-memo.js';

/**
 * An open repository. Every call made through one handle shares `cache` (isomorphic-git's packfile and
 * index cache) and `objects` (parsed trees and commits by oid, which never change), so a long command
 * pays for parsing each object once.
 */
export interface Repo {
  readonly fs: typeof nodeFs;
  readonly dir: string;
  readonly gitdir: string;
  readonly cache: object;
  readonly objects: ObjectMemo;
}

export interface OpenRepoOptions {
  dir: string;
}

/** Open the repository whose working tree is `dir` (it must hold `.git`; no search upwards). */
export async function openRepo({ dir }: OpenRepoOptions): Promise<Repo> {
  const root = resolve(dir);
  const gitdir = await findGitdir(root);
  if (!gitdir) throw new GitStoreError('NOT_A_REPOSITORY', `${root} is not a git repository (no .git)`, { dir: root });
  return makeRepo(root, gitdir);
}

export interface InitRepoOptions {
  dir: string;
  defaultBranch?: string;
}

/** Create an empty repository in `dir` (created if missing) and open it. */
export async function initRepo({ dir, defaultBranch = 'main' }: InitRepoOptions): Promise<Repo> {
  const root = resolve(dir);
  await nodeFs.promises.mkdir(root, { recursive: true });
  await git.init({ fs: nodeFs, dir: root, defaultBranch });
  return makeRepo(root, join(root, '.git'));
}

function makeRepo(dir: string, gitdir: string): Repo {
  return { fs: nodeFs, dir, gitdir, cache: {}, objects: new ObjectMemo() };
}

/** `.git` is a folder, or (worktrees, submodules) a file saying `gitdir: <path>`. */
async function findGitdir(root: string): Promise<string | undefined> {
  const dotgit = join(root, '.git');
  const info = await stat(dotgit).catch(() => undefined);
  if (!info) return undefined;
  if (info.isDirectory()) return dotgit;
  const text = await readFile(dotgit, 'utf8');
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  if (!match) return undefined;
  return isAbsolute(match[1]) ? match[1] : resolve(root, match[1]);
}

/** The options every isomorphic-git call on this handle takes. */
export function gitArgs(repo: Repo): { fs: typeof nodeFs; dir: string; gitdir: string; cache: object } {
  return { fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, cache: repo.cache };
}

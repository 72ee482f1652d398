import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ObjectReader } from './cat-file.js';
import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import { ObjectMemo } from './object-memo.js';

/**
 * An open repository: its working tree, its git dir (a linked worktree's own), the common dir
 * (shared by all worktrees: objects, refs, the steward lock), its hash (sha1 or sha256), one
 * long-lived object reader, and parsed commits and trees by oid (they never change).
 */
export interface Repo {
  readonly dir: string;
  readonly gitdir: string;
  readonly commonDir: string;
  readonly objectFormat: 'sha1' | 'sha256';
  readonly reader: ObjectReader;
  readonly objects: ObjectMemo;
}

export interface OpenRepoOptions {
  dir: string;
}

/** Open the repository whose working tree is `dir` (it must hold `.git`, a folder or a file; no search upwards). */
export async function openRepo({ dir }: OpenRepoOptions): Promise<Repo> {
  const root = resolve(dir);
  const info = await stat(join(root, '.git')).catch(() => undefined);
  if (!info) throw new GitStoreError('NOT_A_REPOSITORY', `${root} is not a git repository (no .git)`, { dir: root });
  const out = await runGit(
    root,
    ['rev-parse', '--path-format=absolute', '--git-dir', '--git-common-dir', '--show-object-format', '--show-toplevel'],
    { okCodes: [128] },
  );
  const lines = out.stdout.toString('utf8').split('\n');
  if (out.code !== 0 || lines.length < 4) {
    throw new GitStoreError('NOT_A_REPOSITORY', `${root} is not a git repository: ${out.stderr.trim()}`, { dir: root });
  }
  return makeRepo(root, lines[0], lines[1], lines[2] === 'sha256' ? 'sha256' : 'sha1');
}

export interface InitRepoOptions {
  dir: string;
  defaultBranch?: string;
  objectFormat?: 'sha1' | 'sha256';
}

/** Create an empty repository in `dir` (created if missing) and open it. */
export async function initRepo({ dir, defaultBranch = 'main', objectFormat = 'sha1' }: InitRepoOptions): Promise<Repo> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  await runGit(root, ['init', '-q', `--initial-branch=${defaultBranch}`, `--object-format=${objectFormat}`, '.']);
  return openRepo({ dir: root });
}

function makeRepo(dir: string, gitdir: string, commonDir: string, objectFormat: 'sha1' | 'sha256'): Repo {
  return { dir, gitdir, commonDir, objectFormat, reader: new ObjectReader(dir), objects: new ObjectMemo() };
}

/** The empty tree's oid (what an unborn branch is compared with). */
export function emptyTree(repo: Repo): string {
  return repo.objectFormat === 'sha256'
    ? '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321'
    : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
}

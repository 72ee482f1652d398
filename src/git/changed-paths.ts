import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import { forEachLimited } from './limit.js';
import { normalizePrefix } from './prefix.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';
import { hasDotBelow } from './stream-labels.js';
import { diffCommitWithWorktree, isStewardTemp, parseRaw } from './worktree.js';

export type Change = 'added' | 'removed' | 'modified';

export interface ChangedPath {
  path: string;
  change: Change;
  /** The blob before (absent when added); for the working tree, the oid git would give the file. */
  oldOid?: string;
  newOid?: string;
  /** Present with `withContent`: the file's text before and (unless 'old') after (absent on the missing side). */
  oldText?: string;
  newText?: string;
}

export interface ChangedPathsOptions {
  /** Tag, branch, commit or `HEAD`; `WORKTREE` compares against the files on disk. */
  from: string;
  /** As `from`; `WORKTREE` or undefined means the files on disk. */
  to?: string;
  /** Only paths under this folder (default `labels`). */
  prefix?: string;
  /**
   * Also read both sides' text of every changed file, in the same walk; 'old' reads only the side
   * before (for callers that read the files on disk themselves: a first release against the first
   * commit would otherwise hold every label's text twice).
   */
  withContent?: boolean | 'old';
}

/**
 * The files under `prefix` that differ between two commits, or a commit and the working tree, sorted
 * by path. Between commits: `git diff-tree -r -z` (which never opens a folder whose tree id is the
 * same on both sides). Against the working tree: see diffCommitWithWorktree. Files whose name starts
 * with a dot are not labels and are left out; a change of mode alone is not a change of content.
 * With `withContent`, the texts are read through the handle's cat-file process (the disk's side from
 * the file).
 */
export async function changedPaths(repo: Repo, { from, to, prefix = 'labels', withContent = false }: ChangedPathsOptions): Promise<ChangedPath[]> {
  const base = normalizePrefix(prefix);
  const [a, b] = await Promise.all([resolveRef(repo, from), resolveRef(repo, to)]);
  if (a.kind === 'worktree' && b.kind === 'worktree') return [];
  let out: ChangedPath[];
  let diskSide: 'old' | 'new' | null = null;
  if (a.kind === 'worktree') {
    out = (await diffCommitWithWorktree(repo, (b as { oid: string }).oid, base)).map(reverse);
    diskSide = 'old';
  } else if (b.kind === 'worktree') {
    out = await diffCommitWithWorktree(repo, a.oid, base);
    diskSide = 'new';
  } else out = await diffTrees(repo, a.oid, b.oid, base);
  if (withContent) await readContents(repo, out, withContent === 'old' ? 'old' : 'both', diskSide);
  return out;
}

async function diffTrees(repo: Repo, from: string, to: string, prefix: string): Promise<ChangedPath[]> {
  if (from === to) return [];
  const args = ['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', from, to];
  if (prefix !== '.') args.push('--', prefix);
  const zero = /^0+$/;
  const out: ChangedPath[] = [];
  for (const raw of parseRaw((await runGit(repo.dir, args)).stdout)) {
    if (hasDotBelow(raw.path, prefix) || isStewardTemp(raw.path)) continue;
    const oldOid = isFile(raw.oldMode) && !zero.test(raw.oldOid) ? raw.oldOid : undefined;
    const newOid = isFile(raw.newMode) && !zero.test(raw.newOid) ? raw.newOid : undefined;
    if (oldOid === newOid) continue;
    const change: ChangedPath = { path: raw.path, change: oldOid === undefined ? 'added' : newOid === undefined ? 'removed' : 'modified' };
    if (oldOid !== undefined) change.oldOid = oldOid;
    if (newOid !== undefined) change.newOid = newOid;
    out.push(change);
  }
  return out;
}

function isFile(mode: string): boolean {
  return mode.startsWith('100') || mode === '120000';
}

/** Both sides' texts (or the old side only), all requests in flight at once on the cat-file process. */
async function readContents(repo: Repo, changes: ChangedPath[], sides: 'old' | 'both', diskSide: 'old' | 'new' | null): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const blob = async (oid: string, path: string): Promise<string> => {
    const object = await repo.reader.read(oid);
    if (!object) throw new GitStoreError('MISSING_OBJECT', `${path}: blob ${oid} is missing from the object store`, { path, oid });
    return object.content.toString('utf8');
  };
  const disk = (path: string): Promise<string> => readFile(join(repo.dir, path), 'utf8');
  await forEachLimited(changes, 64, async (change) => {
      if (change.oldOid !== undefined) change.oldText = diskSide === 'old' ? await disk(change.path) : await blob(change.oldOid, change.path);
      if (change.newOid !== undefined && sides === 'both') change.newText = diskSide === 'new' ? await disk(change.path) : await blob(change.newOid, change.path);
  });
}

function reverse(change: ChangedPath): ChangedPath {
  const out: ChangedPath = {
    path: change.path,
    change: change.change === 'added' ? 'removed' : change.change === 'removed' ? 'added' : 'modified',
  };
  if (change.newOid !== undefined) out.oldOid = change.newOid;
  if (change.oldOid !== undefined) out.newOid = change.oldOid;
  if (change.newText !== undefined) out.oldText = change.newText;
  if (change.oldText !== undefined) out.newText = change.oldText;
  return out;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from './exec.js';
import { normalizePrefix } from './prefix.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';
import { GitStoreError } from './errors.js';
import { type BlobRef, hasDotBelow, readBlobs } from './stream-labels.js';
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
export async function changedPaths(
  repo: Repo,
  { from, to, prefix = 'labels', withContent = false }: ChangedPathsOptions,
): Promise<ChangedPath[]> {
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
    const change: ChangedPath = {
      path: raw.path,
      change: oldOid === undefined ? 'added' : newOid === undefined ? 'removed' : 'modified',
    };
    if (oldOid !== undefined) change.oldOid = oldOid;
    if (newOid !== undefined) change.newOid = newOid;
    out.push(change);
  }
  return out;
}

function isFile(mode: string): boolean {
  return mode.startsWith('100') || mode === '120000';
}

/**
 * Both sides' texts (or the old side only): the commits' blobs by one `cat-file --batch --buffer`, the disk's from the
 * files.
 */
async function readContents(
  repo: Repo,
  changes: ChangedPath[],
  sides: 'old' | 'both',
  diskSide: 'old' | 'new' | null,
): Promise<void> {
  const wanted: Array<{ path: string; oid: string; change: ChangedPath; side: 'old' | 'new' }> = [];
  const fromDisk: Array<{ change: ChangedPath; side: 'old' | 'new' }> = [];
  for (const change of changes) {
    for (const side of sides === 'both' ? (['old', 'new'] as const) : (['old'] as const)) {
      const oid = side === 'old' ? change.oldOid : change.newOid;
      if (oid === undefined) continue;
      if (side === diskSide) fromDisk.push({ change, side });
      else wanted.push({ path: change.path, oid, change, side });
    }
  }
  let k = 0;
  for await (const { bytes } of readBlobs(repo, wanted)) {
    const { change, side } = wanted[k++];
    if (side === 'old') change.oldText = bytes.toString('utf8');
    else change.newText = bytes.toString('utf8');
  }
  // At most 64 files open at once: a diff of 100,000 files would otherwise run out of descriptors.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < fromDisk.length; i = next++) {
      const { change, side } = fromDisk[i];
      const text = await readFile(join(repo.dir, change.path), 'utf8');
      if (side === 'old') change.oldText = text;
      else change.newText = text;
    }
  };
  await Promise.all(Array.from({ length: Math.min(64, fromDisk.length) }, worker));
}

/**
 * changedPaths with both sides' texts, yielded one change at a time as its blobs are read, in the same
 * order: a caller that uses each change and lets it go (diffVersions) works while git reads the next
 * batch, and never holds every text at once (held, they are copied by each young-generation GC).
 * Against the working tree it reads as changedPaths does and then yields.
 */
export async function* changedPathsWithTexts(
  repo: Repo,
  options: Omit<ChangedPathsOptions, 'withContent'>,
): AsyncIterable<ChangedPath> {
  const [a, b] = await Promise.all([resolveRef(repo, options.from), resolveRef(repo, options.to)]);
  if (a.kind === 'worktree' || b.kind === 'worktree') {
    yield* await changedPaths(repo, { ...options, withContent: true });
    return;
  }
  const changes = await diffTrees(repo, a.oid, b.oid, normalizePrefix(options.prefix ?? 'labels'));
  const wanted: BlobRef[] = [];
  for (const change of changes) {
    if (change.oldOid !== undefined) wanted.push({ path: change.path, oid: change.oldOid });
    if (change.newOid !== undefined) wanted.push({ path: change.path, oid: change.newOid });
  }
  const blobs = readBlobs(repo, wanted)[Symbol.asyncIterator]();
  const nextText = async (): Promise<string> => {
    const next = await blobs.next();
    if (next.done) throw new GitStoreError('GIT_FAILED', 'git cat-file ended before every blob was read', {});
    return next.value.bytes.toString('utf8');
  };
  try {
    // A copy with the texts, so that `changes` does not keep every text alive until the last is read.
    for (const change of changes) {
      const out: ChangedPath = { ...change };
      if (change.oldOid !== undefined) out.oldText = await nextText();
      if (change.newOid !== undefined) out.newText = await nextText();
      yield out;
    }
  } finally {
    await blobs.return?.();
  }
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

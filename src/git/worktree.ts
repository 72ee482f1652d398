import { createHash } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedPath } from './changed-paths.js';
import { runGit, splitNul } from './exec.js';
import { hasDotBelow } from './stream-labels.js';
import type { Repo } from './repo.js';

/** The temporary file of an atomic write (src/store/atomic.ts) that a killed command left behind. */
export function isStewardTemp(path: string): boolean {
  return /\.steward-tmp-[0-9a-f]+$/.test(path);
}

function pathspec(prefix: string): string[] {
  return prefix === '.' ? [] : ['--', prefix];
}

/**
 * The files under `prefix` on disk that git would consider (tracked, or untracked and not ignored),
 * sorted by path bytes as git sorts them; dot-names and leftover temp files are not labels. A tracked
 * file deleted on disk is still listed: readers skip what they cannot open.
 */
export async function listWorktreeFiles(repo: Repo, prefix: string): Promise<string[]> {
  const out = await runGit(repo.dir, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--deduplicate',
    ...pathspec(prefix),
  ]);
  const paths = [...new Set(splitNul(out.stdout))].filter((path) => !hasDotBelow(path, prefix) && !isStewardTemp(path));
  return paths.sort(compareBytes);
}

export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

interface RawChange {
  path: string;
  oldMode: string;
  newMode: string;
  oldOid: string;
  newOid: string;
}

/** `git diff-index`/`diff-tree -r -z --raw` records: ":old new oldoid newoid S\0path\0". */
export function parseRaw(out: Buffer): RawChange[] {
  const parts = splitNul(out);
  const changes: RawChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [oldMode, newMode, oldOid, newOid] = parts[i].slice(1).split(' ');
    changes.push({ path: parts[i + 1], oldMode, newMode, oldOid, newOid });
  }
  return changes;
}

const isFileMode = (mode: string): boolean => mode.startsWith('100') || mode === '120000';

/**
 * The files under `prefix` that differ between a commit and the working tree: `git diff-index`
 * (commit against the index and, where stat data say a file changed, the disk), the files that
 * changed hashed as git would, and untracked files that .gitignore does not exclude as added.
 */
export async function diffCommitWithWorktree(repo: Repo, commit: string, prefix: string): Promise<ChangedPath[]> {
  const zero = /^0+$/;
  const [diff, untracked] = await Promise.all([
    runGit(repo.dir, [
      'diff-index',
      '-r',
      '-z',
      '--no-renames',
      '--ignore-submodules=all',
      commit,
      ...pathspec(prefix),
    ]),
    runGit(repo.dir, ['ls-files', '-z', '--others', '--exclude-standard', ...pathspec(prefix)]),
  ]);
  const entries = new Map<string, { oldOid?: string; newOid?: string }>();
  const toHash: string[] = [];
  for (const change of parseRaw(diff.stdout)) {
    if (hasDotBelow(change.path, prefix) || isStewardTemp(change.path)) continue;
    const oldOid = isFileMode(change.oldMode) && !zero.test(change.oldOid) ? change.oldOid : undefined;
    const entry: { oldOid?: string; newOid?: string } = { oldOid };
    if (isFileMode(change.newMode)) {
      if (zero.test(change.newOid)) toHash.push(change.path);
      else entry.newOid = change.newOid;
    }
    entries.set(change.path, entry);
  }
  for (const path of splitNul(untracked.stdout)) {
    if (hasDotBelow(path, prefix) || isStewardTemp(path)) continue;
    if (!entries.has(path)) entries.set(path, {});
    toHash.push(path);
  }
  const hashed = await hashWorktreeFiles(repo, toHash);
  for (const [path, oid] of hashed) entries.get(path)!.newOid = oid;
  const out: ChangedPath[] = [];
  for (const [path, { oldOid, newOid }] of entries) {
    if (oldOid === newOid) continue;
    const change: ChangedPath = {
      path,
      change: oldOid === undefined ? 'added' : newOid === undefined ? 'removed' : 'modified',
    };
    if (oldOid !== undefined) change.oldOid = oldOid;
    if (newOid !== undefined) change.newOid = newOid;
    out.push(change);
  }
  return out.sort((a, b) => compareBytes(a.path, b.path));
}

/** Path → the blob id git would give the file on disk now (absent: not on disk). Symlinks hash their target text. */
export async function hashWorktreeFiles(repo: Repo, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const files: string[] = [];
  for (const path of paths) {
    const info = lstatSync(join(repo.dir, path), { throwIfNoEntry: false });
    if (!info) continue;
    if (info.isSymbolicLink()) out.set(path, blobId(repo, Buffer.from(readlinkSync(join(repo.dir, path)))));
    else if (info.isFile()) files.push(path);
  }
  if (files.length > 0) {
    const hashed = await runGit(repo.dir, ['hash-object', '--stdin-paths'], { input: files.join('\n') + '\n' });
    const oids = hashed.stdout.toString('utf8').trim().split('\n');
    files.forEach((path, i) => out.set(path, oids[i]));
  }
  return out;
}

function blobId(repo: Repo, bytes: Buffer): string {
  return createHash(repo.objectFormat).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

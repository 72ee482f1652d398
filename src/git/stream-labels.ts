import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitStoreError } from './errors.js';
import { nulRecords, spawnGit } from './exec.js';
import { isDotName, normalizePrefix } from './prefix.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';
import { listWorktreeFiles } from './worktree.js';

export interface StreamLabelsOptions {
  /** Tag, branch, commit, `HEAD`; `WORKTREE` or undefined reads the files on disk. */
  ref?: string;
  /** The folder to read (default `labels`). */
  prefix?: string;
  /** Accepted for compatibility; memory is bounded by the pipes between git and this process. */
  window?: number;
}

export interface LabelFile {
  path: string;
  bytes: Buffer;
}

/**
 * The streaming read API: every file under `prefix` at a commit (or on disk), one at a time, in
 * git's tree order, holding only what the pipes hold in memory. At a commit, `git ls-tree -r -z`
 * lists the blobs and a `git cat-file --batch --buffer` reads them as they are listed; on disk,
 * `git ls-files` lists what git would consider (tracked, or untracked and not ignored) and the files
 * are read in that order. Names starting with a dot (at any level below the prefix) are not labels
 * and are left out, as are submodules and temporary files of an interrupted atomic write.
 */
export async function* streamLabelsAt(repo: Repo, { ref, prefix = 'labels' }: StreamLabelsOptions = {}): AsyncIterable<LabelFile> {
  const base = normalizePrefix(prefix);
  const resolved = await resolveRef(repo, ref);
  if (resolved.kind === 'worktree') {
    for (const path of await listWorktreeFiles(repo, base)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(repo.dir, path));
      } catch (error) {
        // Tracked but deleted on disk (or gone since it was listed): not a file there now.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') continue;
        throw error;
      }
      yield { path, bytes };
    }
    return;
  }
  yield* readBlobs(repo, lsTree(repo, resolved.oid, base));
}

/**
 * The blobs of `entries`, in order, from a `git cat-file --batch --buffer` of their own: oids are
 * written as ls-tree lists them and contents parsed as git writes them, the same pipeline as
 * `ls-tree | cat-file --batch`. Memory stays bounded by the pipes: a slow consumer stops reading,
 * git then stops writing and reading, and the listing waits.
 */
export async function* readBlobs(repo: Repo, entries: AsyncIterable<Pick<TreeEntry, 'path' | 'oid'>> | Iterable<Pick<TreeEntry, 'path' | 'oid'>>): AsyncIterable<LabelFile> {
  const child = spawnGit(repo.dir, ['cat-file', '--batch', '--buffer']);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin!.on('error', () => {});
  const pending: Array<Pick<TreeEntry, 'path' | 'oid'>> = [];
  let feedError: unknown;
  const feed = (async () => {
    try {
      for await (const entry of entries) {
        pending.push(entry);
        if (!child.stdin!.write(entry.oid + '\n')) await new Promise((resolve) => child.stdin!.once('drain', resolve));
      }
    } catch (error) {
      feedError = error;
    } finally {
      child.stdin!.end();
    }
  })();
  let buffer: Buffer = Buffer.alloc(0);
  let head = 0;
  try {
    for await (const chunk of child.stdout! as AsyncIterable<Buffer>) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const nl = buffer.indexOf(0x0a);
        if (nl < 0) break;
        const header = buffer.toString('latin1', 0, nl);
        const entry = pending[head];
        if (header.endsWith(' missing')) throw new GitStoreError('MISSING_OBJECT', `${entry.path}: blob ${entry.oid} is missing from the object store`, { path: entry.path, oid: entry.oid });
        const size = Number(header.slice(header.lastIndexOf(' ') + 1));
        if (buffer.length < nl + 1 + size + 1) break;
        const bytes = Buffer.from(buffer.subarray(nl + 1, nl + 1 + size));
        buffer = buffer.subarray(nl + 2 + size);
        pending[head++] = undefined as never;
        if (head > 4096) {
          pending.splice(0, head);
          head = 0;
        }
        yield { path: entry.path, bytes };
      }
    }
    await feed;
    if (feedError) throw feedError;
    if (head < pending.length) throw new GitStoreError('GIT_FAILED', `git cat-file stopped early: ${stderr.trim()}`, { stderr });
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

export interface TreeEntry {
  mode: string;
  oid: string;
  path: string;
}

/** The files (blobs and symlinks) under `prefix` in a commit, as `git ls-tree -r -z` lists them, dot-names left out. */
export async function* lsTree(repo: Repo, commit: string, prefix: string): AsyncIterable<TreeEntry> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (prefix !== '.') args.push('--', prefix);
  const child = spawnGit(repo.dir, args);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  try {
    for await (const record of nulRecords(child.stdout!)) {
      const entry = parseEntry(record, prefix);
      if (entry) yield entry;
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0 && code !== null && !child.killed) throw new GitStoreError('GIT_FAILED', `git ls-tree failed: ${stderr.trim()}`, { stderr });
}

function parseEntry(record: string, prefix: string): TreeEntry | null {
  if (record === '') return null;
  const tab = record.indexOf('\t');
  const [mode, type, oid] = record.slice(0, tab).split(' ');
  const path = record.slice(tab + 1);
  if (type !== 'blob' || hasDotBelow(path, prefix)) return null;
  return { mode, oid, path };
}

/** A name starting with a dot anywhere below the prefix (the prefix itself has none: normalizePrefix). */
export function hasDotBelow(path: string, prefix: string): boolean {
  const rest = prefix === '.' ? path : path.slice(prefix.length + 1);
  return rest.startsWith('.') || rest.includes('/.') || isDotName(path);
}

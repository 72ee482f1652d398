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
  /** Reads in flight at once (default 64): the most file contents held in memory at any time. */
  window?: number;
}

export interface LabelFile {
  path: string;
  bytes: Buffer;
}

/**
 * The streaming read API: every file under `prefix` at a commit (or on disk), one at a time, in
 * git's tree order, holding at most `window` contents in memory. At a commit, `git ls-tree -r -z`
 * lists the blobs and the handle's cat-file process reads them, `window` requests in flight; on disk,
 * `git ls-files` lists what git would consider (tracked, or untracked and not ignored) and the files
 * are read in that order. Names starting with a dot (at any level below the prefix) are not labels
 * and are left out, as are submodules and temporary files of an interrupted atomic write.
 */
export async function* streamLabelsAt(repo: Repo, { ref, prefix = 'labels', window = 64 }: StreamLabelsOptions = {}): AsyncIterable<LabelFile> {
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
  const inFlight: Array<{ path: string; read: Promise<{ content: Buffer } | null>; oid: string }> = [];
  const next = async (): Promise<LabelFile> => {
    const { path, read, oid } = inFlight.shift()!;
    const object = await read;
    if (!object) throw new GitStoreError('MISSING_OBJECT', `${path}: blob ${oid} is missing from the object store`, { path, oid });
    return { path, bytes: object.content };
  };
  for await (const entry of lsTree(repo, resolved.oid, base)) {
    inFlight.push({ path: entry.path, oid: entry.oid, read: repo.reader.read(entry.oid) });
    // Handled promptly so a failed read is not an unhandled rejection while others are awaited.
    inFlight[inFlight.length - 1].read.catch(() => {});
    if (inFlight.length >= window) yield await next();
  }
  while (inFlight.length > 0) yield await next();
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

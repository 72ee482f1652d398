import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStoreError } from './errors.js';
import { isExtended, lowerBound, nameEnd, nameStart, readRawIndex, stageOf } from './index-file.js';
import type { Repo } from './repo.js';

/** A new state for one path in the index: a blob with the stat data of the file it came from, or gone. */
export interface IndexUpdate {
  path: string;
  oid: string | null;
  mode?: string;
  stat?: Stats;
}

/**
 * Rewrite the index with only `updates` changed, splicing raw entries instead of parsing them all:
 * isomorphic-git's add() parses every entry into an object and serialises each one back, about a
 * second per 100,000 entries, whereas this costs a read, a hash and a write of the file.
 *
 * Handles the plain cases (index version 2 or 3, no conflict or extended flags on the updated paths,
 * no required extension such as split index); anything else returns false and the caller uses
 * isomorphic-git. Optional extensions (the cache tree, the untracked cache...) are dropped, as
 * isomorphic-git also does; git rebuilds them. Written as index.lock and renamed into place, as git
 * does, so a concurrent git command either sees the old index or the new one.
 */
export async function patchIndex(repo: Repo, updates: readonly IndexUpdate[]): Promise<boolean> {
  const file = join(repo.gitdir, 'index');
  const index = await readRawIndex(repo);
  if (!index || index.missing) return false;
  const { buffer, version, offsets, entriesEnd } = index;

  const pathOf = (i: number): Buffer => buffer.subarray(nameStart(buffer, offsets[i]), nameEnd(buffer, offsets[i]));
  const indexOf = (key: Buffer): number => lowerBound(offsets.length, (i) => Buffer.compare(pathOf(i), key) < 0);
  const holds = (key: Buffer): boolean => {
    const i = indexOf(key);
    return i < offsets.length && pathOf(i).equals(key);
  };
  // A file where the index has a folder (or a folder where it has a file) needs git's own handling.
  const hasFolderFileClash = (key: Buffer, at: number, found: boolean): boolean => {
    const next = found ? at + 1 : at;
    if (next < offsets.length) {
      const after = pathOf(next);
      if (after.length > key.length && after[key.length] === 0x2f && after.subarray(0, key.length).equals(key)) return true;
    }
    for (let slash = key.indexOf(0x2f); slash > 0; slash = key.indexOf(0x2f, slash + 1)) {
      if (holds(key.subarray(0, slash))) return true;
    }
    return false;
  };
  const sorted = [...updates].map((u) => ({ update: u, key: Buffer.from(u.path) })).sort((a, b) => Buffer.compare(a.key, b.key));
  const pieces: Buffer[] = [buffer.subarray(0, 12)];
  let count = offsets.length;
  let cursor = 0; // the next original entry not yet copied
  for (const { update, key } of sorted) {
    const at = indexOf(key);
    const found = at < offsets.length && pathOf(at).equals(key);
    if (found) {
      const conflicted = stageOf(buffer, offsets[at]) !== 0 || (at + 1 < offsets.length && pathOf(at + 1).equals(key));
      if (conflicted || isExtended(buffer, offsets[at])) return false;
    }
    if (update.oid !== null && hasFolderFileClash(key, at, found)) return false;
    pieces.push(buffer.subarray(offsets[cursor] ?? entriesEnd, offsets[at] ?? entriesEnd));
    cursor = found ? at + 1 : at;
    if (update.oid !== null) pieces.push(renderEntry(update, key));
    count += (update.oid !== null ? 1 : 0) - (found ? 1 : 0);
  }
  pieces.push(buffer.subarray(offsets[cursor] ?? entriesEnd, entriesEnd));
  const extensions = keptExtensions(buffer, entriesEnd);
  if (!extensions) return false;

  const body = Buffer.concat([...pieces, ...extensions]);
  body.writeUInt32BE(version, 4);
  body.writeUInt32BE(count, 8);
  const out = Buffer.concat([body, createHash('sha1').update(body).digest()]);
  await writeLocked(file, out);
  return true;
}

/** Optional extensions (signature starting A-Z) are dropped; a required one means we cannot patch. */
function keptExtensions(buffer: Buffer, entriesEnd: number): Buffer[] | undefined {
  let at = entriesEnd;
  const end = buffer.length - 20;
  while (at + 8 <= end) {
    const first = buffer[at];
    if (first < 0x41 || first > 0x5a) return undefined;
    at += 8 + buffer.readUInt32BE(at + 4);
  }
  return at === end ? [] : undefined;
}

/** One index entry, with stat data read the way isomorphic-git reads it, so both agree on freshness. */
function renderEntry(update: IndexUpdate, path: Buffer): Buffer {
  const entry = Buffer.alloc(Math.ceil((62 + path.length + 1) / 8) * 8);
  const stat = update.stat;
  const [cs, cn] = secondsNanos(stat?.ctimeMs ?? 0);
  const [ms, mn] = secondsNanos(stat?.mtimeMs ?? 0);
  const mode = update.mode === '100755' ? 0o100755 : update.mode === '120000' ? 0o120000 : 0o100644;
  const words = [cs, cn, ms, mn, stat?.dev ?? 0, stat?.ino ?? 0, mode, stat?.uid ?? 0, stat?.gid ?? 0, stat?.size ?? 0];
  words.forEach((word, i) => entry.writeUInt32BE(word % 2 ** 32, i * 4));
  entry.write(update.oid!, 40, 20, 'hex');
  entry.writeUInt16BE(Math.min(path.length, 0xfff), 60);
  path.copy(entry, 62);
  return entry;
}

function secondsNanos(ms: number): [number, number] {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.floor((ms - seconds * 1000) * 1_000_000)];
}

async function writeLocked(file: string, data: Buffer): Promise<void> {
  const lock = `${file}.lock`;
  const handle = await open(lock, 'wx').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') {
      throw new GitStoreError('INDEX_LOCKED', `${lock} exists: another git process is running, or one crashed (then remove it)`, { path: lock });
    }
    throw error;
  });
  try {
    await handle.writeFile(data);
    await handle.close();
    await rename(lock, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(lock).catch(() => undefined);
    throw error;
  }
}

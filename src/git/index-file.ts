import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Repo } from './repo.js';

/**
 * The index file (.git/index) read raw: entry offsets only, decoded on demand. Versions 2 and 3 with
 * a valid checksum; anything else (version 4, a damaged file) is left to isomorphic-git.
 */
export interface RawIndex {
  buffer: Buffer;
  version: number;
  offsets: number[];
  entriesEnd: number;
  /** The index file's own mtime: files changed since are "racily clean" and must be re-hashed. */
  mtimeNs: bigint;
  /** No index file: a repository without commits, or one never checked out. */
  missing?: boolean;
}

/** The index, an empty one when there is no index file yet, or undefined when it is one we leave alone. */
export async function readRawIndex(repo: Repo): Promise<RawIndex | undefined> {
  const file = join(repo.gitdir, 'index');
  const [buffer, info] = await Promise.all([readFile(file).catch(missing), stat(file, { bigint: true }).catch(missing)]);
  if (!buffer || !info) return { buffer: EMPTY_INDEX, version: 2, offsets: [], entriesEnd: 12, mtimeNs: 0n, missing: true };
  const scanned = scanIndex(buffer);
  return scanned && { buffer, ...scanned, mtimeNs: info.mtimeNs };
}

const EMPTY_INDEX = Buffer.concat([Buffer.from('DIRC\0\0\0\x02\0\0\0\0', 'latin1'), Buffer.alloc(20)]);

function missing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

/** Entry offsets of a version 2 or 3 index whose checksum holds, or undefined. */
export function scanIndex(buffer: Buffer): Omit<RawIndex, 'buffer' | 'mtimeNs'> | undefined {
  if (buffer.length < 32 || buffer.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = buffer.readUInt32BE(4);
  if (version !== 2 && version !== 3) return undefined;
  const claimed = buffer.subarray(buffer.length - 20);
  if (!createHash('sha1').update(buffer.subarray(0, buffer.length - 20)).digest().equals(claimed)) return undefined;
  const count = buffer.readUInt32BE(8);
  const offsets: number[] = new Array(count);
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + 62 > buffer.length - 20) return undefined;
    offsets[i] = at;
    const end = nameEnd(buffer, at);
    if (end < 0) return undefined;
    // Each entry is padded with 1 to 8 NULs to a multiple of 8 bytes from its start.
    at += Math.ceil((end - at + 1) / 8) * 8;
  }
  return { version, offsets, entriesEnd: at };
}

export function isExtended(buffer: Buffer, at: number): boolean {
  return (buffer.readUInt16BE(at + 60) & 0x4000) !== 0;
}

export function stageOf(buffer: Buffer, at: number): number {
  return (buffer.readUInt16BE(at + 60) >> 12) & 3;
}

/** Where an entry's path starts and ends (its terminating NUL). */
export function nameStart(buffer: Buffer, at: number): number {
  return at + 62 + (isExtended(buffer, at) ? 2 : 0);
}

export function nameEnd(buffer: Buffer, at: number): number {
  const start = nameStart(buffer, at);
  const length = buffer.readUInt16BE(at + 60) & 0xfff;
  return length < 0xfff ? start + length : buffer.indexOf(0, start);
}

/** The stat data and blob of one entry. */
export interface IndexEntry {
  path: string;
  oid: string;
  stage: number;
  ctimeSeconds: number;
  ctimeNanoseconds: number;
  mtimeSeconds: number;
  mtimeNanoseconds: number;
  ino: number;
  mode: number;
  size: number;
  /** intent-to-add or skip-worktree: not a plain staged blob. */
  extended: boolean;
}

export function decodeEntry(buffer: Buffer, at: number): IndexEntry {
  return {
    path: buffer.toString('utf8', nameStart(buffer, at), nameEnd(buffer, at)),
    oid: buffer.toString('hex', at + 40, at + 60),
    stage: stageOf(buffer, at),
    ctimeSeconds: buffer.readUInt32BE(at),
    ctimeNanoseconds: buffer.readUInt32BE(at + 4),
    mtimeSeconds: buffer.readUInt32BE(at + 8),
    mtimeNanoseconds: buffer.readUInt32BE(at + 12),
    ino: buffer.readUInt32BE(at + 20),
    mode: buffer.readUInt32BE(at + 24),
    size: buffer.readUInt32BE(at + 36),
    extended: isExtended(buffer, at),
  };
}

/** The first i in [0, n) for which `before(i)` is false. */
export function lowerBound(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the index has an entry (any stage) for `path`. */
export function indexHas(index: RawIndex, path: string): boolean {
  const { buffer, offsets } = index;
  const key = Buffer.from(path);
  const at = lowerBound(offsets.length, (i) => Buffer.compare(buffer.subarray(nameStart(buffer, offsets[i]), nameEnd(buffer, offsets[i])), key) < 0);
  return at < offsets.length && buffer.subarray(nameStart(buffer, offsets[at]), nameEnd(buffer, offsets[at])).equals(key);
}

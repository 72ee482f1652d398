import { type BigIntStats, type Dirent, lstatSync } from 'node:fs';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { GitStoreError } from './errors.js';
import { type IndexEntry, type RawIndex, decodeEntry, lowerBound, nameEnd, nameStart, readRawIndex } from './index-file.js';
import { forEachLimited } from './limit.js';
import { hashBlobBytes } from './object-io.js';
import { type Repo, gitArgs } from './repo.js';

/** The working tree under a prefix as git status sees it. */
export interface WorktreeScan {
  /** Every file on disk (tracked, or untracked and not ignored) → the blob oid git would give it now. */
  files: Map<string, string>;
  /** Index entries (stage 0) under the prefix. */
  index: Map<string, IndexEntry>;
  /** Paths with merge-conflict stages in the index. */
  unmerged: Set<string>;
}

export interface ScanOptions {
  prefix: string;
  /** Leave out names starting with a dot at every level (label readers do: those are never labels). */
  skipDotFiles?: boolean;
  /** Paths tracked in HEAD under the prefix: folders holding them are never tested against .gitignore. */
  headPaths?: Iterable<string>;
}

/**
 * What git status computes, without isomorphic-git's statusMatrix (which parses and walks three trees
 * entry by entry and took about 30 s on 100,000 labels): list the folder, lstat each file, and trust
 * the index's blob id when the stat data still match (racily-clean entries are re-hashed, as git
 * does); hash only the files that changed.
 */
export async function scanWorktree(repo: Repo, options: ScanOptions): Promise<WorktreeScan> {
  const { paths, index, unmerged, raw } = await listWorktree(repo, options);
  const files = new Map<string, string>();
  const oids: Array<string | undefined> = new Array(paths.length);
  const changed: number[] = [];
  // lstat synchronously: through the promise API each call costs a thread-pool round trip, about four
  // times the call itself (100,000 files: ~4 s against ~1 s), and git status does exactly this.
  for (let i = 0; i < paths.length; i++) {
    const info = lstatSync(join(repo.dir, paths[i]), { bigint: true, throwIfNoEntry: false });
    if (!info) continue; // gone since it was listed
    const entry = index.get(paths[i]);
    if (entry && !entry.extended && statMatches(entry, info, raw.mtimeNs)) oids[i] = entry.oid;
    else changed.push(i);
  }
  await forEachLimited(changed, 32, async (i) => {
    const full = join(repo.dir, paths[i]);
    const info = await lstat(full).catch(() => undefined);
    if (!info) return;
    oids[i] = hashBlobBytes(info.isSymbolicLink() ? Buffer.from(await readlink(full)) : await readFile(full));
  });
  paths.forEach((path, i) => {
    const oid = oids[i];
    if (oid !== undefined) files.set(path, oid);
  });
  return { files, index, unmerged };
}

export interface WorktreeListing {
  /** Files on disk under the prefix, sorted: tracked ones, and untracked ones .gitignore does not exclude. */
  paths: string[];
  index: Map<string, IndexEntry>;
  unmerged: Set<string>;
  raw: RawIndex;
}

/** The files git status would look at under a prefix. UNSUPPORTED_INDEX for an index version 4 or a damaged one. */
export async function listWorktree(repo: Repo, { prefix, skipDotFiles = false, headPaths = [] }: ScanOptions): Promise<WorktreeListing> {
  const raw = await readRawIndex(repo);
  if (!raw) {
    throw new GitStoreError('UNSUPPORTED_INDEX', 'the index (.git/index) is damaged or in a version this tool does not read (4)', {
      path: join(repo.gitdir, 'index'),
    });
  }
  const { index, unmerged } = indexUnder(raw, prefix);
  const tracked = new Set<string>();
  const track = (path: string): void => {
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const folder = path.slice(0, slash);
      if (tracked.has(folder)) break;
      tracked.add(folder);
    }
  };
  for (const path of index.keys()) track(path);
  for (const path of unmerged) track(path);
  const head = new Set(headPaths);
  for (const path of head) track(path);
  const isTracked = (path: string): boolean => index.has(path) || unmerged.has(path) || head.has(path);
  const paths = await listFiles(repo, prefix, { skipDotFiles, isTrackedFolder: (p) => tracked.has(p), isTracked });
  return { paths: paths.sort(), index, unmerged, raw };
}

function indexUnder(raw: RawIndex, prefix: string): { index: Map<string, IndexEntry>; unmerged: Set<string> } {
  const { buffer, offsets } = raw;
  const pathAt = (i: number): Buffer => buffer.subarray(nameStart(buffer, offsets[i]), nameEnd(buffer, offsets[i]));
  let from = 0;
  let to = offsets.length;
  if (prefix !== '.') {
    // The prefix itself, then everything under "prefix/" (which sorts before "prefix0").
    const exact = Buffer.from(prefix);
    const after = Buffer.from(prefix + '0');
    from = lowerBound(offsets.length, (i) => Buffer.compare(pathAt(i), exact) < 0);
    to = lowerBound(offsets.length, (i) => Buffer.compare(pathAt(i), after) < 0);
  }
  const index = new Map<string, IndexEntry>();
  const unmerged = new Set<string>();
  for (let i = from; i < to; i++) {
    const entry = decodeEntry(buffer, offsets[i]);
    if (prefix !== '.' && entry.path !== prefix && !entry.path.startsWith(prefix + '/')) continue;
    if (entry.stage === 0) index.set(entry.path, entry);
    else unmerged.add(entry.path);
  }
  return { index, unmerged };
}

interface ListOptions {
  skipDotFiles: boolean;
  isTrackedFolder: (path: string) => boolean;
  isTracked: (path: string) => boolean;
}

/** Files (and symlinks) under `prefix`, leaving out .git and what .gitignore excludes and git does not track. */
async function listFiles(repo: Repo, prefix: string, options: ListOptions): Promise<string[]> {
  const out: string[] = [];
  const ignored = (path: string): Promise<boolean> => git.isIgnored({ ...gitArgs(repo), filepath: path });
  const visit = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder === '.' ? repo.dir : join(repo.dir, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name === '.git' || (options.skipDotFiles && name.startsWith('.'))) continue;
      const path = folder === '.' ? name : `${folder}/${name}`;
      if (entry.isDirectory()) {
        if (options.isTrackedFolder(path) || !(await ignored(`${path}/`))) await visit(path);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (options.isTracked(path) || !(await ignored(path))) out.push(path);
      }
    }
  };
  if (prefix === '.') await visit('.');
  else {
    const info = await lstat(join(repo.dir, prefix)).catch(() => undefined);
    if (info?.isDirectory()) await visit(prefix);
    else if (info && (info.isFile() || info.isSymbolicLink())) out.push(prefix);
  }
  return out;
}

/**
 * The index entry still describes the file: same size, inode and times. Times match either to the
 * nanosecond (entries git wrote) or as isomorphic-git rounds them through milliseconds (entries it,
 * or patchIndex, wrote). A file changed in the same instant the index was written is re-hashed.
 */
function statMatches(entry: IndexEntry, info: BigIntStats, indexMtimeNs: bigint): boolean {
  if (Number(info.size % 2n ** 32n) !== entry.size || Number(info.ino % 2n ** 32n) !== entry.ino) return false;
  if (!timeMatches(entry.mtimeSeconds, entry.mtimeNanoseconds, info.mtimeNs)) return false;
  if (!timeMatches(entry.ctimeSeconds, entry.ctimeNanoseconds, info.ctimeNs)) return false;
  return info.mtimeNs < indexMtimeNs;
}

function timeMatches(seconds: number, nanos: number, timeNs: bigint): boolean {
  const s = timeNs / 1_000_000_000n;
  const ns = Number(timeNs % 1_000_000_000n);
  if (Number(s % 2n ** 32n) !== seconds) return false;
  if (ns === nanos) return true;
  // Node's millisecond float for the same instant, and isomorphic-git's nanoseconds derived from it.
  const ms = Number(s) * 1000 + ns / 1e6;
  const whole = Math.floor(ms / 1000);
  return Math.floor((ms - whole * 1000) * 1_000_000) === nanos;
}

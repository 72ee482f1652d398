import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitStoreError } from './errors.js';
import { gitArgv, gitEnv, nulRecords, runGit, spawnGit } from './exec.js';
import { looseBlobsAhead } from './loose-ahead.js';
import { LooseObjectReader } from './loose-objects.js';
import { isDotName, normalizePrefix } from './prefix.js';
import { resolveCommit, resolveRef } from './refs.js';
import type { Repo } from './repo.js';
import { listWorktreeFiles } from './worktree.js';

export interface StreamLabelsOptions {
  /** Tag, branch, commit, `HEAD`; `WORKTREE` or undefined reads the files on disk. */
  ref?: string;
  /** The folder to read (default `labels`). */
  prefix?: string;
  /** Accepted for compatibility; memory is bounded by readBlobs' batches, whatever the window. */
  window?: number;
}

export interface LabelFile {
  path: string;
  bytes: Buffer;
}

/**
 * The streaming read API: every file under `prefix` at a commit (or on disk), one at a time, in
 * git's tree order, holding at most two batches of files in memory. At a commit, `git ls-tree -r -z`
 * lists the blobs and readBlobs reads them, a batch at a time, as they are listed; on disk,
 * `git ls-files` lists what git would consider (tracked, or untracked and not ignored) and the files
 * are read in that order. Names starting with a dot (at any level below the prefix) are not labels
 * and are left out, as are submodules and temporary files of an interrupted atomic write.
 */
export async function* streamLabelsAt(
  repo: Repo,
  { ref, prefix = 'labels' }: StreamLabelsOptions = {},
): AsyncIterable<LabelFile> {
  const base = normalizePrefix(prefix);
  const resolved = await resolveRef(repo, ref);
  if (resolved.kind === 'worktree') {
    for (const path of await listWorktreeFiles(repo, base)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(repo.dir, path));
      } catch (error) {
        // Tracked but deleted on disk (or gone since it was listed): not a file there now.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR')
          continue;
        throw error;
      }
      yield { path, bytes };
    }
    return;
  }
  yield* readBlobs(repo, lsTree(repo, resolved.oid, base));
}

/**
 * Every file under `prefix` at a commit or on disk, keyed by repository path in git's tree order, as
 * text (or what `parse` makes of each text): streamLabelsAt gathered into a map, for the callers that
 * need them all at once.
 */
export async function readFileTextsAt<T = string>(
  repo: Repo,
  { parse, ...options }: StreamLabelsOptions & { parse?: (text: string, path: string) => T },
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for await (const { path, bytes } of streamLabelsAt(repo, options)) {
    const text = bytes.toString('utf8');
    out.set(path, parse ? parse(text, path) : (text as T));
  }
  return out;
}

/** What readBlobs needs of an entry: its blob id, and its path for the messages. */
export type BlobRef = Pick<TreeEntry, 'path' | 'oid'>;

/**
 * The one reader of blob contents: the blobs of `entries`, in order. Loose objects are read from their
 * files here (LooseObjectReader: a third of git's CPU for an unpacked repository); from the first blob
 * that is not a readable loose object on (a packed repository: at once), the rest go to git
 * (readBlobsWithGit). When the repository has replace refs, which git applies to what it reads, all go
 * to git. Each blob is valid until the next is asked for (use or copy it first).
 */
export async function* readBlobs(
  repo: Repo,
  entries: Iterable<BlobRef> | AsyncIterable<BlobRef>,
): AsyncIterable<LabelFile> {
  const count = (entries as { length?: unknown }).length;
  if (count === 0) return;
  if (await hasReplaceRefs(repo)) {
    yield* readBlobsWithGit(repo, entries);
    return;
  }
  const objectsDir = join(repo.commonDir, 'objects');
  let rest: Iterator<BlobRef> | AsyncIterator<BlobRef> =
    Symbol.asyncIterator in entries ? entries[Symbol.asyncIterator]() : entries[Symbol.iterator]();
  // Many blobs: read by a helper thread while the caller works on the ones before (loose-ahead.ts).
  if (!(Symbol.asyncIterator in entries) && typeof count === 'number' && count >= READ_AHEAD_MIN) {
    const left = yield* looseBlobsAhead(objectsDir, repo.objectFormat, rest as Iterator<BlobRef>);
    rest = followedBy(left, rest);
  }
  const loose = new LooseObjectReader(objectsDir, repo.objectFormat);
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    const bytes = loose.readBlob(next.value.oid);
    if (!bytes) {
      yield* readBlobsWithGit(repo, followedBy([next.value], rest));
      return;
    }
    yield { path: next.value.path, bytes };
  }
}

// Below this many blobs a reader thread costs more to start than it saves.
const READ_AHEAD_MIN = 2_000;

async function* followedBy<T>(first: T[], rest: Iterator<T> | AsyncIterator<T>): AsyncGenerator<T> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Whether git would read some objects as others (`git replace`): then only git reads them. */
async function hasReplaceRefs(repo: Repo): Promise<boolean> {
  const out = await runGit(repo.dir, ['for-each-ref', '--count=1', '--format=%(refname)', 'refs/replace/']);
  return out.stdout.length > 0;
}

/**
 * The blobs of `entries` as git reads them, in order. They are read in batches, each by
 * one `git cat-file --batch` writing into a temporary file while the batch before is handed out: git
 * never waits on a pipe for this process (on a loaded machine a 64 KB pipe made the two take turns,
 * each turn a wait for a core: 27 s for 100k labels where git alone took 5). Each blob is a view of
 * one buffer that the next batch is read into (no copy, no garbage: use or copy it before asking for
 * the next), so memory holds one batch (~70 MB of labels) whatever the number of entries; batches
 * start small so the first blobs come at once, and grow so that few processes are started.
 */
async function* readBlobsWithGit(
  repo: Repo,
  entries: Iterable<BlobRef> | AsyncIterable<BlobRef>,
): AsyncIterable<LabelFile> {
  const folder = mkdtempSync(join(tmpdir(), 'steward-blobs-'));
  const groups = groupsOf(entries);
  const into = { buffer: Buffer.alloc(0) };
  let made = 0;
  const start = async () => {
    const group = await groups.next();
    return group.done ? undefined : startBatch(repo, join(folder, String(made++)), group.value);
  };
  let current: Batch | undefined;
  let next: Batch | undefined;
  try {
    for (current = await start(); current; current = next) {
      next = await start();
      yield* splitBatch(readBatch(await current.output, into), current.entries);
    }
  } finally {
    for (const batch of [current, next]) batch?.cancel();
    rmSync(folder, { recursive: true, force: true });
  }
}

interface Batch {
  entries: BlobRef[];
  /** The file, once git has written it. */
  output: Promise<string>;
  cancel(): void;
}

async function* groupsOf<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T[]> {
  let group: T[] = [];
  let size = 1024;
  for await (const item of items) {
    if (group.push(item) === size) {
      yield group;
      group = [];
      size = Math.min(4 * size, 16384);
    }
  }
  if (group.length) yield group;
}

/** The batch file's bytes, read into `into.buffer` (grown when too small); the file is removed. */
function readBatch(file: string, into: { buffer: Buffer }): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (into.buffer.length < size) into.buffer = Buffer.allocUnsafe(size + (size >> 3));
    for (let at = 0, n = 0; at < size; at += n) {
      n = readSync(fd, into.buffer, at, size - at, at);
      if (n === 0) throw new GitStoreError('GIT_FAILED', `${file} ended early`, {});
    }
    return into.buffer.subarray(0, size);
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
}

/** One `git cat-file --batch` for `entries`, its output going to `file`. */
function startBatch(repo: Repo, file: string, entries: BlobRef[]): Batch {
  const fd = openSync(file, 'w', 0o600);
  let stderr = '';
  let child: ChildProcess;
  try {
    child = spawn('git', gitArgv(repo.dir, ['cat-file', '--batch']), { env: gitEnv(), stdio: ['pipe', fd, 'pipe'] });
    child.once('error', (error) => (stderr = error.message)); // no git to run: reported as its failure below
  } finally {
    closeSync(fd);
  }
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  child.stdin!.on('error', () => {}); // a failed git reports through its exit code below
  child.stdin!.end(entries.map((e) => e.oid + '\n').join(''));
  const output = new Promise<number | null>((resolve) => child.once('close', resolve)).then((code) => {
    if (code !== 0)
      throw new GitStoreError('GIT_FAILED', `git cat-file failed (${code}): ${stderr.trim()}`, { stderr });
    return file;
  });
  output.catch(() => {}); // awaited (and thrown) in order by readBlobs; not an unhandled rejection meanwhile
  return { entries, output, cancel: () => child.exitCode === null && child.kill() };
}

/** Splits `cat-file --batch` output ("<oid> <type> <size>\n<bytes>\n" per object) into blobs. */
function* splitBatch(output: Buffer, entries: BlobRef[]): Generator<LabelFile> {
  let at = 0;
  for (const { path, oid } of entries) {
    const newline = output.indexOf(0x0a, at);
    const header = newline === -1 ? [] : output.toString('latin1', at, newline).split(' ');
    if (header.length !== 3 || header[0] !== oid) {
      throw new GitStoreError('MISSING_OBJECT', `${path}: blob ${oid} is missing from the object store`, { path, oid });
    }
    const end = newline + 1 + Number(header[2]);
    if (end >= output.length) throw new GitStoreError('GIT_FAILED', `git cat-file ended inside ${path}`, { path });
    yield { path, bytes: output.subarray(newline + 1, end) };
    at = end + 1;
  }
}

export interface TreeEntry {
  mode: string;
  oid: string;
  path: string;
}

/**
 * The regular files under `prefix` at a commit with their blob ids, in tree order: for a caller that
 * reads them in an order of its own (a release in manifest order) with readBlobs. Symlinks are left
 * out (never label files); the working tree has no blob ids (UNKNOWN_REF: read it with streamLabelsAt).
 */
export async function listBlobsAt(repo: Repo, options: { ref: string; prefix?: string }): Promise<TreeEntry[]> {
  const commit = await resolveCommit(repo, options.ref);
  const out: TreeEntry[] = [];
  for await (const entry of lsTree(repo, commit, normalizePrefix(options.prefix ?? 'labels'))) {
    if (entry.mode !== '120000') out.push(entry);
  }
  return out;
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
  if (code !== 0 && code !== null && !child.killed)
    throw new GitStoreError('GIT_FAILED', `git ls-tree failed: ${stderr.trim()}`, { stderr });
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

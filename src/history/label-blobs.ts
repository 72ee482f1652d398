import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { inputError } from '../errors/index.js';
import { type Repo, readLabelsAt, resolveCommit } from '../git/index.js';

/**
 * The streaming read of files at a commit, for the commands that read a whole release (export, verify,
 * score, audit): one `git ls-tree -r -z` for the paths and blob ids, one long-lived `git cat-file --batch`
 * for the bytes, so only the file being handled is in memory, never all of them (1M labels are ~4.5 GB).
 *
 * This is an adapter over the git store's public API (src/git/index.ts): the store is being rewritten on
 * git's plumbing with its own streaming read, and switching to it is an edit of this file alone. Where no
 * git binary runs, it falls back to the store's readLabelsAt (everything in memory, as before).
 */
export interface BlobEntry {
  /** Repository path ("labels/test/bmi/test-0001.json"). */
  path: string;
  oid: string;
}

export interface FileBytes {
  path: string;
  bytes: Buffer;
}

export interface ListBlobsOptions {
  /** Tag, branch, commit or `HEAD` (the working tree has no blob ids: read it with readLabelsAt). */
  ref: string;
  /** The folder to list (default `labels`). */
  prefix?: string;
}

let gitRuns: boolean | undefined;
function gitAvailable(): boolean {
  gitRuns ??= spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;
  return gitRuns;
}

/**
 * Every regular file under `prefix` at `ref` with its blob id, in git's tree order. Paths with a
 * segment starting with a dot are left out (as readLabelsAt does: temporary files, never labels).
 */
export async function listBlobsAt(repo: Repo, { ref, prefix = 'labels' }: ListBlobsOptions): Promise<BlobEntry[]> {
  const commit = await resolveCommit(repo, ref);
  const folder = prefix.replace(/\/+$/, '');
  if (!gitAvailable()) return [...(await readLabelsAt(repo, { ref: commit, prefix: folder })).keys()].map((path) => ({ path, oid: '' }));
  const out: BlobEntry[] = [];
  const child = spawn('git', ['--git-dir', repo.gitdir, 'ls-tree', '-r', '-z', '--full-tree', commit, '--', folder === '.' ? '.' : `${folder}/`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = closeOf(child);
  const errors = collect(child.stderr);
  let rest = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const records = (rest + chunk.toString('utf8')).split('\0');
    rest = records.pop()!;
    for (const record of records) addEntry(out, record);
  }
  if (rest) addEntry(out, rest);
  const code = await closed;
  if (code !== 0) throw inputError('GIT_READ_FAILED', `git ls-tree failed (exit ${code}): ${errors.text()}`, {});
  return out;
}

function addEntry(out: BlobEntry[], record: string): void {
  // "<mode> SP <type> SP <oid> TAB <path>"
  const tab = record.indexOf('\t');
  const [mode, type, oid] = record.slice(0, tab).split(' ');
  const path = record.slice(tab + 1);
  if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) return;
  if (path.split('/').some((segment) => segment.startsWith('.'))) return;
  out.push({ path, oid });
}

/**
 * The bytes of each entry in the order given, through one `git cat-file --batch`: requests are written
 * as the answers are read, so the pipe, not memory, holds what is in flight.
 */
export async function* readBlobs(repo: Repo, entries: readonly BlobEntry[], options: { ref?: string } = {}): AsyncGenerator<FileBytes> {
  if (entries.length === 0) return;
  if (!gitAvailable()) {
    const texts = await readLabelsAt(repo, { ref: options.ref, prefix: commonFolder(entries) });
    for (const { path } of entries) yield { path, bytes: Buffer.from(texts.get(path) ?? '', 'utf8') };
    return;
  }
  const child = spawn('git', ['--git-dir', repo.gitdir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const errors = collect(child.stderr);
  const writing = writeRequests(child, entries);
  let k = 0;
  try {
    const reader = new BatchReader();
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      for (const blob of reader.push(chunk, entries, k)) {
        yield { path: entries[k].path, bytes: blob };
        k++;
      }
      if (k === entries.length) break;
    }
    if (k < entries.length) throw inputError('GIT_READ_FAILED', `git cat-file ended after ${k} of ${entries.length} objects: ${errors.text()}`, {});
    await writing;
  } finally {
    child.stdin.destroy();
    if (child.exitCode === null) child.kill();
  }
}

async function writeRequests(child: ChildProcessWithoutNullStreams, entries: readonly BlobEntry[]): Promise<void> {
  child.stdin.on('error', () => {}); // the reader reports a failed read; an early close is not an error here
  const BATCH = 512;
  for (let from = 0; from < entries.length && !child.stdin.destroyed; from += BATCH) {
    let text = '';
    for (const { oid } of entries.slice(from, from + BATCH)) text += oid + '\n';
    if (!child.stdin.write(text)) await new Promise<void>((resolve) => (child.stdin.destroyed ? resolve() : child.stdin.once('drain', resolve).once('close', resolve)));
  }
  child.stdin.end();
}

/** Splits `cat-file --batch` output ("<oid> <type> <size>\n<bytes>\n" per object) into blobs. */
class BatchReader {
  private buffer: Buffer = Buffer.alloc(0);

  *push(chunk: Buffer, entries: readonly BlobEntry[], first: number): Generator<Buffer> {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let at = 0;
    for (let k = first; k < entries.length; k++) {
      const newline = this.buffer.indexOf(0x0a, at);
      if (newline === -1) break;
      const header = this.buffer.toString('latin1', at, newline).split(' ');
      if (header[1] === 'missing' || header.length !== 3) throw inputError('GIT_OBJECT_MISSING', `${entries[k].path}: object ${entries[k].oid} is missing from the repository`, { file: entries[k].path });
      const size = Number(header[2]);
      const end = newline + 1 + size;
      if (end + 1 > this.buffer.length) break;
      // A copy when the chunk is kept (the rest of it stays referenced otherwise); a view when it is not.
      yield this.buffer.subarray(newline + 1, end);
      at = end + 1;
    }
    this.buffer = at === 0 ? this.buffer : Buffer.from(this.buffer.subarray(at));
  }
}

/** The streaming read: every file under `prefix` at `ref`, in git's tree order. */
export async function* streamFilesAt(repo: Repo, options: ListBlobsOptions): AsyncGenerator<FileBytes> {
  yield* readBlobs(repo, await listBlobsAt(repo, options), { ref: options.ref });
}

function commonFolder(entries: readonly BlobEntry[]): string {
  return entries[0].path.split('/')[0];
}

function collect(stream: NodeJS.ReadableStream): { text: () => string } {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text = (text + chunk.toString('utf8')).slice(-4000)));
  return { text: () => text.trim() };
}

function closeOf(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('close', (code: number | null) => resolve(code)));
}

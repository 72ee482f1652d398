import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import { type Repo, readLabelsAt, resolveCommit } from '../git/index.js';

/**
 * The streaming read of files at a commit, for the commands that read a whole release (export, verify,
 * score, audit): one `git ls-tree -r -z` for the paths and blob ids, `git cat-file --batch` for the bytes
 * (batch by batch, see readBlobs), so only a few MB of files are in memory, never all of them (1M labels
 * are ~4.5 GB).
 *
 * This is an adapter over the git store's public API (src/git/index.ts: resolveCommit, the repository's
 * git directory, readLabelsAt as the fallback where no git binary runs). The store's own streaming read,
 * streamLabelsAt, yields files in tree order; a pinned export and a release check need them in manifest
 * (id) order, so this module lists the blob ids first and reads them in the order asked. Were the store
 * to offer "read these blob ids in this order", readBlobs would become a call to it: an edit of this file.
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
 * The bytes of each entry in the order given. The entries are read in batches, each by one
 * `git cat-file --batch` writing into a temporary file while the batch before is handed out: git never
 * waits on a full pipe for this process (on a loaded machine, a 64 KB pipe made the two take turns,
 * each wake-up a wait for a core: 30 s for 100k labels where git alone took 4), and no more than two
 * batches (~40 MB) are held at once, whatever the number of entries.
 */
export async function* readBlobs(repo: Repo, entries: readonly BlobEntry[], options: { ref?: string } = {}): AsyncGenerator<FileBytes> {
  if (entries.length === 0) return;
  if (!gitAvailable()) {
    const texts = await readLabelsAt(repo, { ref: options.ref, prefix: commonFolder(entries) });
    for (const { path } of entries) yield { path, bytes: Buffer.from(texts.get(path) ?? '', 'utf8') };
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'steward-blobs-'));
  const running: Batch[] = [];
  try {
    let next: Batch | undefined = startBatch(repo, folder, entries, 0);
    running.push(next);
    for (let from = 0; from < entries.length; from += BLOB_BATCH) {
      const current = next!;
      next = from + BLOB_BATCH < entries.length ? startBatch(repo, folder, entries, from + BLOB_BATCH) : undefined;
      if (next) running.push(next);
      yield* splitBatch(await current.output, entries, from);
      running.shift();
    }
  } finally {
    for (const batch of running) batch.cancel();
    rmSync(folder, { recursive: true, force: true });
  }
}

const BLOB_BATCH = 4096;

interface Batch {
  output: Promise<Buffer>;
  cancel(): void;
}

/** One `git cat-file --batch` for entries[from, from + BLOB_BATCH), its output going to a file. */
function startBatch(repo: Repo, folder: string, entries: readonly BlobEntry[], from: number): Batch {
  const file = join(folder, String(from));
  const fd = openSync(file, 'w', 0o600);
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn('git', ['--git-dir', repo.gitdir, 'cat-file', '--batch'], { stdio: ['pipe', fd, 'pipe'] });
  } finally {
    closeSync(fd);
  }
  const closed = closeOf(child);
  const errors = collect(child.stderr!);
  child.stdin!.on('error', () => {}); // a failed git reports through its exit code below
  let requests = '';
  for (const { oid } of entries.slice(from, from + BLOB_BATCH)) requests += oid + '\n';
  child.stdin!.end(requests);
  const output = closed.then((code) => {
    if (code !== 0) throw inputError('GIT_READ_FAILED', `git cat-file failed (exit ${code}): ${errors.text()}`, {});
    const bytes = readFileSync(file);
    rmSync(file, { force: true });
    return bytes;
  });
  output.catch(() => {}); // awaited (and thrown) in order by readBlobs; not an unhandled rejection meanwhile
  return { output, cancel: () => child.exitCode === null && child.kill() };
}

/** Splits `cat-file --batch` output ("<oid> <type> <size>\n<bytes>\n" per object) into blobs. */
function* splitBatch(buffer: Buffer, entries: readonly BlobEntry[], from: number): Generator<FileBytes> {
  let at = 0;
  const to = Math.min(entries.length, from + BLOB_BATCH);
  for (let k = from; k < to; k++) {
    const newline = buffer.indexOf(0x0a, at);
    const header = newline === -1 ? [] : buffer.toString('latin1', at, newline).split(' ');
    if (header.length !== 3 || header[0] !== entries[k].oid) {
      throw inputError('GIT_OBJECT_MISSING', `${entries[k].path}: object ${entries[k].oid} could not be read from the repository`, { file: entries[k].path });
    }
    const end = newline + 1 + Number(header[2]);
    if (end > buffer.length) throw inputError('GIT_READ_FAILED', `git cat-file output ended inside ${entries[k].path}`, { file: entries[k].path });
    yield { path: entries[k].path, bytes: buffer.subarray(newline + 1, end) };
    at = end + 1;
  }
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


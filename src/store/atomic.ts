import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { faultPoint } from '../git/fault.js';
import { journalWrites } from '../git/journal.js';
import { batches } from './batches.js';
import { makeFoldersSync } from './folders.js';

export interface FileWrite {
  /** Absolute path. */
  path: string;
  /**
   * New content, or null to delete the file. Pieces (lines) are written one after another: an export of
   * 100,000 labels is longer than a JavaScript string may be. A generator's pieces are written as it
   * makes them (an audit's JSON, read back from its spill file, is never whole in memory).
   */
  content: string | Iterable<string> | Uint8Array | null;
  /**
   * The file's current content when the caller has just read it (null: no such file), kept to undo a
   * failed write; left out, it is read here (as bytes).
   */
  previous?: string | Buffer | null;
}

/**
 * Writes several files all-or-nothing: every new content goes to a temp file beside its target first;
 * only when all temps exist are they renamed into place (rename is atomic on one file system). If a
 * rename fails midway, the files already replaced are put back from their previous content.
 *
 * The file calls are synchronous: a label write is thousands of small files, where the promise API's
 * thread-pool round trips (several per file) cost far more than the writes themselves
 * (bench/import-validate.ts: a 1,047-label import went from ~1 s to ~0.2 s).
 *
 * Inside a writing command (withRepositoryLock, src/git/lock.ts), the files' current versions are
 * journalled first, so a `kill -9` anywhere in here is undone by the next writer (and its temp files,
 * `<name>.steward-tmp-<hex>`, which .gitignore's `*.steward-tmp-*` matches, removed).
 */
export async function writeFilesAtomically(writes: FileWrite[]): Promise<void> {
  const token = randomBytes(6).toString('hex');
  await journalWrites(
    writes.map((w) => w.path),
    token,
  );
  const staged: { path: string; temp: string | null; previous: string | Buffer | null }[] = [];
  const folders = new Set<string>();
  try {
    for (const w of writes) {
      const previous = w.previous !== undefined ? w.previous : readOrNull(w.path);
      if (w.content === null) {
        staged.push({ path: w.path, temp: null, previous });
        continue;
      }
      const folder = dirname(w.path);
      if (!folders.has(folder)) {
        makeFoldersSync(folder); // not mkdirSync({ recursive }): it never returns under /proc
        folders.add(folder);
      }
      const temp = `${w.path}.steward-tmp-${token}`;
      staged.push({ path: w.path, temp, previous });
      if (typeof w.content === 'string') writeFileSync(temp, w.content, 'utf8');
      else if (w.content instanceof Uint8Array)
        writeFileSync(temp, w.content); // bytes (a Parquet file)
      else writePieces(temp, w.content);
    }
  } catch (error) {
    removeTemps(staged);
    throw error;
  }
  faultPoint('temps-written');
  const done: typeof staged = [];
  try {
    for (const s of staged) {
      if (s.temp) renameSync(s.temp, s.path);
      else rmSync(s.path, { force: true });
      done.push(s);
      if (done.length === 1) faultPoint('renamed-one');
    }
  } catch (error) {
    for (const s of done.reverse()) {
      if (s.previous === null) rmSync(s.path, { force: true });
      else writeFileSync(s.path, s.previous);
    }
    removeTemps(staged);
    throw error;
  }
  faultPoint('files-written');
}

/** One file, atomically (temp file + rename). */
export async function writeFileAtomically(path: string, content: string | readonly string[]): Promise<void> {
  await writeFilesAtomically([{ path, content }]);
}

/** Pieces written through one descriptor, gathered into writes of about 4 MB. */
function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const text of batches(pieces)) writeAll(fd, Buffer.from(text, 'utf8'));
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

function readOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function removeTemps(staged: { temp: string | null }[]): void {
  for (const s of staged) if (s.temp) rmSync(s.temp, { force: true });
}

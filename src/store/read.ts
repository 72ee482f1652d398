import { type Dirent, lstatSync, readdirSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { type ErrorCode, inputError } from '../errors/index.js';
import { MAX_JSON_DEPTH, tooDeepPointer } from '../label/depth.js';
import type { Label } from '../label/types.js';
import { LABELS_DIR } from './paths.js';
import { readBatchesInOrder } from './read-texts.js';

/** A label file as read from disk: its repository-relative path, raw text, and parsed JSON or the parse error. */
export interface LabelFile {
  /** Repository-relative, forward slashes: labels/<split>/<slug>/<id>.json */
  file: string;
  text: string;
  json?: unknown;
  parseError?: { message: string; line?: number; column?: number };
  /** sha256 of the file's bytes (= of text's UTF-8), when the reader hashed them as it read (TextBatch.sha256). */
  sha256?: Buffer;
}

/** Every *.json under labels/ (or under `paths` given relative to dir), read and parsed, in path order. */
export async function readLabelFiles(dir: string, options: { paths?: string[] } = {}): Promise<LabelFile[]> {
  const out: LabelFile[] = [];
  await forEachLabelFile(dir, await listLabelFiles(dir, options), (f) => {
    out.push(f);
  });
  return out;
}

/** The absolute paths readLabelFiles reads: every *.json under labels/ (or under `paths`), sorted. */
export async function listLabelFiles(dir: string, options: { paths?: string[] } = {}): Promise<string[]> {
  return options.paths ? expandPaths(dir, options.paths) : listJson(resolve(dir, LABELS_DIR), dir);
}

/**
 * Reads and parses the given label files in order, handing each to `visit` and keeping none, so a
 * 100,000-label repository is checked in the memory of a few batches of files (see readBatchesInOrder).
 */
export async function forEachLabelFile(
  dir: string,
  files: readonly string[],
  visit: (file: LabelFile) => void,
  /** `sha256`: give each file's hash where the reader thread made it (LabelFile.sha256; a release needs it). */
  options: { sha256?: boolean } = {},
): Promise<void> {
  const repoPath = repoPathOf(dir);
  let k = 0;
  for await (const batch of readBatchesInOrder(files, options)) {
    for (let i = 0; i < batch.length; i++) {
      const file = parseLabelText(repoPath(files[k]), batch.text(i));
      const sha256 = batch.sha256(i);
      if (sha256) file.sha256 = sha256;
      visit(file);
      k++;
    }
  }
}

/** Parses label JSON, keeping a parse error as data with its line and column. */
export function parseLabelText(file: string, text: string): LabelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : {};
    return { file, text, parseError: { message: `invalid JSON: ${message}`, ...where } };
  }
  const deep = tooDeepPointer(json);
  if (deep !== undefined)
    return { file, text, parseError: { message: `${deep || '/'}: nested more than ${MAX_JSON_DEPTH} levels deep` } };
  return { file, text, json };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Reads and parses all labels, failing on the first unreadable file (for commands that need clean data). */
export async function readAllLabels(dir: string): Promise<{ file: string; label: Label }[]> {
  const files = await readLabelFiles(dir);
  return files.map((f) => {
    if (f.parseError) {
      throw inputError(
        'LABEL_BROKEN_JSON',
        `${f.file}${f.parseError.line ? `:${f.parseError.line}:${f.parseError.column}` : ''}: ${f.parseError.message}`,
        {
          file: f.file,
          ...f.parseError,
        },
      );
    }
    return { file: f.file, label: f.json as Label };
  });
}

export function toRepoPath(dir: string, abs: string): string {
  return relative(dir, abs).split(sep).join('/');
}

/** toRepoPath for many files of one dir: a prefix cut for the normalized absolute paths the listing makes. */
export function repoPathOf(dir: string): (abs: string) => string {
  const root = resolve(dir);
  const prefix = root.endsWith(sep) ? root : root + sep;
  return (abs) => {
    if (!abs.startsWith(prefix)) return toRepoPath(dir, abs);
    const rel = abs.slice(prefix.length);
    return sep === '/' ? rel : rel.split(sep).join('/');
  };
}

/**
 * Every *.json below root at any depth (no temp files of an interrupted write), sorted. A walk of
 * readdirSync calls: one per folder, where Node 20's recursive readdir took ~10× longer on 100,000 files.
 * Symbolic links are refused, never followed: a link could make a label's content something outside
 * the repository (or outside what git tracks), and what is checked must be what is committed. Anything
 * named *.json that is not a regular file (a folder, a FIFO that would block the read) is refused too.
 *
 * Each folder's entries are sorted before they are visited, a folder by its name and a separator, so
 * the walk emits paths already in string order (what a sort of all the paths gives) without sorting
 * 1,000,000 long strings; paths are built by concatenation (root is resolved: no join() to normalise).
 */
async function listJson(root: string, repoDir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = (abs: string, inTemp: boolean, entries: Dirent[]) => {
    entries.sort(byWalkOrder);
    for (const entry of entries) {
      const name = entry.name;
      const childAbs = `${abs}${sep}${name}`;
      if (entry.isSymbolicLink())
        refuseEntry(
          repoDir,
          childAbs,
          'LABEL_SYMLINK',
          'a symbolic link; label folders hold regular files only (links are never followed)',
        );
      if (entry.isDirectory()) {
        const why = 'a folder named like a label file';
        if (name.endsWith('.json')) refuseEntry(repoDir, childAbs, 'LABEL_NOT_A_FILE', why);
        walk(childAbs, inTemp || name.includes('.steward-tmp-'), readdirSync(childAbs, { withFileTypes: true }));
        continue;
      }
      if (!name.endsWith('.json') || inTemp || name.includes('.steward-tmp-')) continue;
      if (!entry.isFile()) refuseEntry(repoDir, childAbs, 'LABEL_NOT_A_FILE', 'not a regular file');
      out.push(childAbs);
    }
  };
  let top: Dirent[];
  try {
    if (lstatSync(root).isSymbolicLink())
      refuseEntry(
        repoDir,
        root,
        'LABEL_SYMLINK',
        'a symbolic link; label folders hold regular files only (links are never followed)',
      );
    top = readdirSync(root, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR')
      refuseEntry(repoDir, root, 'LABEL_NOT_A_FILE', 'not a folder');
    throw error;
  }
  walk(resolve(root), false, top);
  return out;
}

/** Folders sort as their name and a separator: the order of the full paths below them. */
function byWalkOrder(a: Dirent, b: Dirent): number {
  const x = a.isDirectory() ? a.name + sep : a.name;
  const y = b.isDirectory() ? b.name + sep : b.name;
  return x < y ? -1 : x > y ? 1 : 0;
}

function refuseEntry(repoDir: string, abs: string, code: ErrorCode, why: string): never {
  const file = toRepoPath(repoDir, abs);
  throw inputError(code, `${file}: ${why}`, { file });
}

async function expandPaths(dir: string, paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(dir, p);
    const rel = relative(dir, abs);
    if (rel.startsWith('..') || isAbsolute(rel))
      throw inputError('PATH_OUTSIDE', `${p}: outside the benchmark repository ${dir}`, { file: p });
    const info = await lstat(abs).catch(() => null);
    if (!info) throw inputError('PATH_NOT_FOUND', `${p}: no such file or folder`, { file: p });
    if (info.isSymbolicLink())
      throw inputError('LABEL_SYMLINK', `${p}: a symbolic link; label files are never read through links`, { file: p });
    if (info.isDirectory()) out.push(...(await listJson(abs, dir)));
    else if (info.isFile()) out.push(abs);
    else throw inputError('LABEL_NOT_A_FILE', `${p}: not a regular file`, { file: p });
  }
  return [...new Set(out)].sort();
}

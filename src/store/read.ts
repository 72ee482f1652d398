import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { LABELS_DIR } from './paths.js';

/** A label file as read from disk: its repository-relative path, raw text, and parsed JSON or the parse error. */
export interface LabelFile {
  /** Repository-relative, forward slashes: labels/<split>/<slug>/<id>.json */
  file: string;
  text: string;
  json?: unknown;
  parseError?: { message: string; line?: number; column?: number };
}

/** Every *.json under labels/ (or under `paths` given relative to dir), read in parallel batches. */
export async function readLabelFiles(dir: string, options: { paths?: string[] } = {}): Promise<LabelFile[]> {
  const files = options.paths ? await expandPaths(dir, options.paths) : await listJson(join(dir, LABELS_DIR));
  const out: LabelFile[] = new Array(files.length);
  const batch = 256;
  for (let start = 0; start < files.length; start += batch) {
    await Promise.all(
      files.slice(start, start + batch).map(async (abs, k) => {
        const text = await readFile(abs, 'utf8');
        out[start + k] = parseLabelText(toRepoPath(dir, abs), text);
      }),
    );
  }
  return out;
}

/** Parses label JSON, keeping a parse error as data with its line and column. */
export function parseLabelText(file: string, text: string): LabelFile {
  try {
    return { file, text, json: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : {};
    return { file, text, parseError: { message: `invalid JSON: ${message}`, ...where } };
  }
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
      throw inputError('LABEL_BROKEN_JSON', `${f.file}${f.parseError.line ? `:${f.parseError.line}:${f.parseError.column}` : ''}: ${f.parseError.message}`, {
        file: f.file,
        ...f.parseError,
      });
    }
    return { file: f.file, label: f.json as Label };
  });
}

export function toRepoPath(dir: string, abs: string): string {
  return relative(dir, abs).split(sep).join('/');
}

async function listJson(root: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = (await readdir(root, { recursive: true })) as string[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.endsWith('.json') && !e.includes('.steward-tmp-'))
    .map((e) => join(root, e))
    .sort();
}

async function expandPaths(dir: string, paths: string[]): Promise<string[]> {
  const { stat } = await import('node:fs/promises');
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(dir, p);
    const rel = relative(dir, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) throw inputError('PATH_OUTSIDE', `${p}: outside the benchmark repository ${dir}`, { file: p });
    const info = await stat(abs).catch(() => null);
    if (!info) throw inputError('PATH_NOT_FOUND', `${p}: no such file or folder`, { file: p });
    if (info.isDirectory()) out.push(...(await listJson(abs)));
    else out.push(abs);
  }
  return [...new Set(out)].sort();
}

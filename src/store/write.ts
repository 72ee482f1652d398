import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogById } from '../calculators/catalog.js';
import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { writeFilesAtomically } from './atomic.js';
import { canonicalJson } from './canonical.js';
import { labelPath } from './paths.js';

/** The repository path a label belongs at, from its split, calculator and id. */
export function pathOfLabel(label: Label): string {
  const entry = catalogById(label.calculator.id);
  if (!entry) throw inputError('UNKNOWN_CALCULATOR', `label ${label.id}: unknown calculator id ${label.calculator.id}`, { id: label.id });
  return labelPath(label.split, entry.slug, label.id);
}

export interface WriteResult {
  written: string[];
  unchanged: number;
  removed: string[];
}

/**
 * Writes labels as canonical JSON, all-or-nothing, touching only files whose bytes change (so a
 * re-import is a no-op for git). `remove` deletes label files by repository path in the same step.
 */
export async function writeLabels(dir: string, labels: Label[], options: { remove?: string[] } = {}): Promise<WriteResult> {
  const writes: { path: string; content: string | null }[] = [];
  const written: string[] = [];
  let unchanged = 0;
  const planned = labels.map((label) => ({ rel: pathOfLabel(label), content: canonicalJson(label) }));
  const current = await readMany(planned.map((p) => join(dir, p.rel)));
  planned.forEach(({ rel, content }, k) => {
    if (current[k] === content) {
      unchanged++;
      return;
    }
    writes.push({ path: join(dir, rel), content });
    written.push(rel);
  });
  const removed = options.remove ?? [];
  for (const rel of removed) writes.push({ path: join(dir, rel), content: null });
  await writeFilesAtomically(writes);
  return { written, unchanged, removed };
}

async function readMany(paths: string[]): Promise<(string | null)[]> {
  const out: (string | null)[] = new Array(paths.length);
  const batch = 256;
  for (let start = 0; start < paths.length; start += batch) {
    await Promise.all(paths.slice(start, start + batch).map(async (p, k) => (out[start + k] = await readFile(p, 'utf8').catch(() => null))));
  }
  return out;
}

/** One label. */
export async function writeLabel(dir: string, label: Label): Promise<WriteResult> {
  return writeLabels(dir, [label]);
}

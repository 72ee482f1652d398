import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalogById } from '../calculators/catalog.js';
import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { type FileWrite, writeFilesAtomically } from './atomic.js';
import { canonicalJson } from './canonical.js';
import { labelPath } from './paths.js';

/** The repository path a label belongs at, from its split, calculator and id. */
export function pathOfLabel(label: Label): string {
  const entry = catalogById(label.calculator.id);
  if (!entry)
    throw inputError('UNKNOWN_CALCULATOR', `label ${label.id}: unknown calculator id ${label.calculator.id}`, {
      id: label.id,
    });
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
export async function writeLabels(
  dir: string,
  labels: Label[],
  options: { remove?: string[] } = {},
): Promise<WriteResult> {
  const writes: FileWrite[] = [];
  const written: string[] = [];
  let unchanged = 0;
  const planned = labels.map((label) => ({ rel: pathOfLabel(label), content: canonicalJson(label) }));
  // A first import writes into folders that do not exist yet: no need to try each file there.
  const folderExists = new Map<string, boolean>();
  const current = planned.map(({ rel }) => {
    const path = join(dir, rel);
    const folder = dirname(path);
    if (!folderExists.has(folder)) folderExists.set(folder, existsSync(folder));
    return folderExists.get(folder) ? readTextOrNull(path) : null;
  });
  planned.forEach(({ rel, content }, k) => {
    if (current[k] === content) {
      unchanged++;
      return;
    }
    writes.push({ path: join(dir, rel), content, previous: current[k] });
    written.push(rel);
  });
  const removed = options.remove ?? [];
  for (const rel of removed) writes.push({ path: join(dir, rel), content: null });
  await writeFilesAtomically(writes);
  return { written, unchanged, removed };
}

// Synchronous, like the writes in atomic.ts: one small read per label, where a promise costs more than the read.
function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** One label. */
export async function writeLabel(dir: string, label: Label): Promise<WriteResult> {
  return writeLabels(dir, [label]);
}

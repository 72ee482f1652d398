import { posix } from 'node:path';
import type { Label } from '../label/types.js';

export const LABELS_DIR = 'labels';

/** labels/<split>/<calculator-slug>/<id>.json, always with forward slashes (it is also a git path). */
export function labelPath(split: string, slug: string, id: string): string {
  return posix.join(LABELS_DIR, split, slug, `${id}.json`);
}

export interface LabelPathParts {
  split: string;
  slug: string;
  id: string;
}

/** The parts of a label path, or undefined when the path is not labels/<split>/<slug>/<id>.json. */
export function parseLabelPath(path: string): LabelPathParts | undefined {
  const parts = path.split(/[\\/]/);
  if (parts.length !== 4 || parts[0] !== LABELS_DIR || !parts[3].endsWith('.json')) return undefined;
  return { split: parts[1], slug: parts[2], id: parts[3].slice(0, -'.json'.length) };
}

/** An item id from its split and upstream Row Number: test-0001. Ids are what users cite. */
export function itemId(split: string, row: number): string {
  return `${split}-${String(row).padStart(4, '0')}`;
}

export type { Label };

import type { Label } from '../label/types.js';
import { canonicalLine } from '../store/canonical.js';

/**
 * One label per line, keys sorted (the canonical content on one line), for Hugging Face style loaders.
 * `order` 'id' is the release manifest's order, so a pinned export can be verified line by line.
 */
export function toJsonl(labels: Label[], options: { order?: 'split' | 'id' } = {}): string {
  return jsonlLines(labels, options).join('');
}

/**
 * toJsonl's text as its lines, each ending in a newline: 100,000 labels make ~430 MB of JSONL, close to
 * the longest string V8 can hold (~512 MB), so large exports are written line by line, never joined.
 */
export function jsonlLines(labels: Label[], options: { order?: 'split' | 'id' } = {}): string[] {
  const byId = (a: Label, b: Label) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...labels].sort(options.order === 'id' ? byId : (a, b) => a.split.localeCompare(b.split) || byId(a, b));
  return sorted.map((label) => canonicalLine(label) + '\n');
}

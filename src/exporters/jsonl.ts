import type { Label } from '../label/types.js';
import { canonicalLine } from '../store/canonical.js';

/**
 * One label per line, keys sorted (the canonical content on one line), for Hugging Face style loaders.
 * `order` 'id' is the release manifest's order, so a pinned export can be verified line by line.
 */
export function toJsonl(labels: Label[], options: { order?: 'split' | 'id' } = {}): string {
  const byId = (a: Label, b: Label) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...labels].sort(options.order === 'id' ? byId : (a, b) => a.split.localeCompare(b.split) || byId(a, b));
  const lines = sorted.map(canonicalLine);
  return lines.join('\n') + (lines.length ? '\n' : '');
}

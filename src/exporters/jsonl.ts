import type { Label } from '../label/types.js';
import { compactCanonicalJson } from './compact-json.js';
import type { ExportFormatSpec } from './format.js';
import { canonicalLine } from '../store/canonical.js';

/**
 * One label per line, keys sorted (the canonical content on one line), for Hugging Face style loaders.
 * `order` 'id' is the release manifest's order, so a pinned export can be verified line by line.
 * Each line ends in a newline: 100,000 labels make ~430 MB of JSONL, close to the longest string V8 can
 * hold (~512 MB), so large exports are written line by line, never joined.
 */
export function jsonlLines(labels: Label[], options: { order?: 'split' | 'id' } = {}): string[] {
  const byId = (a: Label, b: Label) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...labels].sort(
    options.order === 'id' ? byId : (a, b) => a.split.localeCompare(b.split) || byId(a, b),
  );
  return sorted.map((label) => canonicalLine(label) + '\n');
}

/** The JSONL format for the streaming export (see format.ts). */
export const jsonlFormat: ExportFormatSpec = {
  name: 'jsonl',
  header: () => '',
  // A label parsed from canonical bytes has its keys in canonical order already (JSON.parse keeps the
  // text's order), so JSON.stringify gives canonicalLine's bytes without sorting them again.
  line: (label, { keysSorted }) => (keysSorted ? JSON.stringify(label) : canonicalLine(label)) + '\n',
  // The canonical file's trailing newline is whitespace and is dropped; the line's own is added.
  lineFromCanonicalBytes: (bytes) => compactCanonicalJson(bytes, { lineEnd: true, reuse: true }),
  compare: (a, b) => a.split.localeCompare(b.split) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  pinnedInManifestOrder: true,
  orderedBySplitAndId: true,
};

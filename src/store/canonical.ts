import { hash } from 'node:crypto';
import { setOwn } from '../label/own-keys.js';
import type { Label } from '../label/types.js';

/**
 * Canonical JSON: keys sorted by code unit at every level, 2-space indent, trailing newline. Numbers use
 * ECMAScript's shortest round-trip form (as RFC 8785 does), so the same value always has the same bytes
 * and a relabel diff touches only the lines that changed.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

/** The same canonical content on one line (no whitespace): a JSONL export's line for a label. */
export function canonicalLine(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Both canonical forms of one value, its keys sorted once (a release hashes both for every new label). */
export function canonicalForms(value: unknown): { json: string; line: string } {
  const sorted = sortKeys(value);
  return { json: JSON.stringify(sorted, null, 2) + '\n', line: JSON.stringify(sorted) };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    // Keys are data: "__proto__" or "constructor" in entities are kept and hashed like any other key.
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) setOwn(out, key, sortKeys(v));
    }
    return out;
  }
  return value;
}

export function sha256Hex(text: string | Uint8Array): string {
  // One-shot: no Hash object per call (a release hashes three texts per label).
  return hash('sha256', text, 'hex');
}

/**
 * The hash a sign-off is bound to: the label's canonical content without its sign-offs, so adding a
 * sign-off does not invalidate the ones before it, but any change to the answer, entities or note does.
 */
export function contentHash(label: Label): string {
  const { signoffs: _ignored, ...content } = label;
  return 'sha256:' + sha256Hex(canonicalJson(content));
}

/** The hash of a label file's full canonical bytes (release manifests cover sign-offs too). */
export function fileHash(label: Label): string {
  return sha256Hex(canonicalJson(label));
}

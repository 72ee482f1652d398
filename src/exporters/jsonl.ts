import type { Label } from '../label/types.js';

/** One label per line in a stable order (split, then id), for Hugging Face style loaders. */
export function toJsonl(labels: Label[], header?: Record<string, unknown>): string {
  const sorted = [...labels].sort((a, b) => a.split.localeCompare(b.split) || a.id.localeCompare(b.id));
  const lines = sorted.map((l) => JSON.stringify(l));
  return (header ? `${JSON.stringify({ '#': header })}\n` : '') + lines.join('\n') + (lines.length ? '\n' : '');
}

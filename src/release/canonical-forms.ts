import { canonicalForms } from '../store/canonical.js';

/**
 * canonicalForms (src/store/canonical.ts), byte for byte, written in one walk: keys sorted at every
 * level, the 2-space file and the one-line JSONL text built side by side, without the sorted copy of
 * the value that canonicalForms makes (its property definitions were most of a first release's CPU).
 * Values that JSON.parse cannot make (a toJSON method, a class instance) go to canonicalForms itself.
 */
export function canonicalTexts(value: unknown): { json: string; line: string } {
  const out = { json: '', line: '' };
  if (!writeValue(value, '', out)) return canonicalForms(value);
  out.json += '\n';
  return out;
}

/** Appends `value` to both texts; false when it is not plain JSON data (the caller falls back). */
function writeValue(value: unknown, indent: string, out: { json: string; line: string }): boolean {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify's own forms for strings, numbers (shortest round trip) and booleans.
    const text = JSON.stringify(value);
    if (text === undefined) return false;
    out.json += text;
    out.line += text;
    return true;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return append(out, '[]');
    append(out, '[');
    for (let k = 0; k < value.length; k++) {
      out.json += (k ? ',\n' : '\n') + inner;
      if (k) out.line += ',';
      // A hole or undefined in an array is null in JSON, as JSON.stringify writes it.
      if (!writeValue(value[k] === undefined ? null : value[k], inner, out)) return false;
    }
    out.json += '\n' + indent + ']';
    out.line += ']';
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  const plain = proto === Object.prototype || proto === null;
  if (!plain || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  let written = 0;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    const name = JSON.stringify(key);
    out.json += (written ? ',\n' : '{\n') + inner + name + ': ';
    out.line += (written ? ',' : '{') + name + ':';
    written++;
    if (!writeValue(v, inner, out)) return false;
  }
  if (written === 0) return append(out, '{}');
  out.json += '\n' + indent + '}';
  out.line += '}';
  return true;
}

/**
 * The order JSON.stringify writes the sorted copy in: keys that are array indices ("0", "10") first, in
 * numeric order (an object keeps them so whatever the insertion order), then the others sorted.
 * Object.keys already lists the index keys first, ascending.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices])) indices++;
  if (indices === 0) return keys.sort();
  return keys.slice(0, indices).concat(keys.slice(indices).sort());
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function append(out: { json: string; line: string }, text: string): true {
  out.json += text;
  out.line += text;
  return true;
}

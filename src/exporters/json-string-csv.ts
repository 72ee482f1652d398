import { BACKSLASH } from '../core/json-chars.js';

// A JSON string's bytes as a CSV cell, straight from a canonical file: an export writes the long texts
// of a label (its note and explanation) without decoding them to a string and encoding them again.

let text = Buffer.allocUnsafe(1 << 16);

/**
 * The CSV cell of the JSON string text bytes[from, to), as csvField writes its value, into `row` at
 * `at` (room for 2 × (to - from) + 2 bytes: unescaping never lengthens it, quoting at most doubles it);
 * where it ends, or -1 at an escape JSON does not have.
 */
export function csvCellOfJsonString(bytes: Buffer, from: number, to: number, row: Buffer, at: number): number {
  if (text.length < to - from) text = Buffer.allocUnsafe(2 * (to - from));
  const length = unescapeJsonString(bytes, from, to, text);
  if (length === -1) return -1;
  const value = text.subarray(0, length);
  const quoted = value.includes(0x22) || value.includes(0x2c) || value.includes(0x0d) || value.includes(0x0a);
  if (!quoted) return at + value.copy(row, at);
  row[at++] = 0x22;
  for (let k = 0; k < length; ) {
    const quote = value.indexOf(0x22, k);
    const end = quote === -1 ? length : quote + 1;
    at += value.copy(row, at, k, end);
    if (quote !== -1) row[at++] = 0x22;
    k = end;
  }
  row[at++] = 0x22;
  return at;
}

/** The byte a two-character escape stands for (after its backslash), or -1 when JSON has no such escape. */
function shortEscape(kind: number): number {
  if (kind === 0x22 || kind === 0x5c || kind === 0x2f) return kind;
  if (kind === 0x6e) return 0x0a;
  if (kind === 0x72) return 0x0d;
  if (kind === 0x74) return 0x09;
  if (kind === 0x62) return 0x08;
  if (kind === 0x66) return 0x0c;
  return -1;
}

/**
 * The UTF-8 bytes of the value of the JSON string text bytes[from, to) (no quotes), written to `out`;
 * its length, or -1 at an escape JSON does not have. As JSON.parse then Buffer#write give them: an
 * escaped pair of surrogates is one character, a lone surrogate U+FFFD (EF BF BD). Raw control
 * characters are not looked for: JSON.stringify escapes them all, and these bytes are a canonical file's
 * (their hash is the release manifest's, which the release made from a file it had parsed).
 */
function unescapeJsonString(bytes: Buffer, from: number, to: number, out: Buffer): number {
  let n = 0;
  for (let k = from; k < to; ) {
    const slash = bytes.indexOf(BACKSLASH, k);
    const end = slash === -1 || slash >= to ? to : slash;
    n += bytes.copy(out, n, k, end);
    if (end === to) break;
    const kind = bytes[end + 1];
    if (kind !== 0x75) {
      const byte = shortEscape(kind);
      if (byte === -1) return -1;
      out[n++] = byte;
      k = end + 2;
      continue;
    }
    let code = hex4(bytes, end + 2, to);
    if (code === -1) return -1;
    k = end + 6;
    if (code >= 0xd800 && code <= 0xdbff && bytes[k] === BACKSLASH && bytes[k + 1] === 0x75) {
      const low = hex4(bytes, k + 2, to);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        k += 6;
      }
    }
    n += out.write(String.fromCodePoint(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code), n, 'utf8');
  }
  return n;
}

/** The four hex digits at bytes[at] as a number, or -1 (not four hex digits before `to`). */
function hex4(bytes: Buffer, at: number, to: number): number {
  if (at + 4 > to) return -1;
  const digits = bytes.toString('latin1', at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? Number.parseInt(digits, 16) : -1;
}

import { BACKSLASH, QUOTE } from '../core/json-chars.js';

/**
 * Canonical JSON (JSON.stringify(value, null, 2) + "\n", as the tool writes label files) made compact
 * byte by byte: every space, tab, CR and LF outside strings is dropped. Pretty and compact output of
 * JSON.stringify differ only by that whitespace (the newline and indent between tokens, the space after
 * ":"), so for canonical bytes this equals JSON.stringify(value) (canonicalLine) without parsing or
 * re-serialising. Callers use it only for bytes known to be canonical (their hash matched the manifest).
 * With `reuse`, the result is a view of one buffer that the next such call overwrites (an export
 * writes each line out at once: no 4 KB allocation per label for the garbage collector).
 */
export function compactCanonicalJson(bytes: Uint8Array, options: { lineEnd?: boolean; reuse?: boolean } = {}): Buffer {
  const input = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (options.reuse && scratch.length <= input.length) scratch = Buffer.allocUnsafe(2 * input.length + 1);
  const out = options.reuse ? scratch : Buffer.allocUnsafe(input.length + 1);
  let n = 0;
  for (let k = 0; k < input.length; ) {
    const b = input[k];
    if (b === 0x22) {
      // A string, copied whole (natively: notes are kilobytes).
      const end = jsonStringEnd(input, k + 1);
      if (end === -1) throw new Error('unterminated string in canonical JSON');
      // Keys and short values byte by byte; a long string natively, without a view object per copy.
      if (end - k < 48) for (let p = k; p <= end; p++) out[n++] = input[p];
      else n += input.copy(out, n, k, end + 1);
      k = end + 1;
    } else {
      if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) out[n++] = b;
      k++;
    }
  }
  if (options.lineEnd) out[n++] = 0x0a;
  return out.subarray(0, n);
}

let scratch = Buffer.alloc(0);

/**
 * Where the JSON string whose text starts at `from` (after its quote) ends: its closing quote, the
 * next quote not escaped (not preceded by an odd run of backslashes), or -1.
 */
export function jsonStringEnd(bytes: Buffer, from: number): number {
  for (let end = bytes.indexOf(QUOTE, from); end !== -1; end = bytes.indexOf(QUOTE, end + 1)) {
    let backslashes = 0;
    for (let p = end - 1; p >= from && bytes[p] === BACKSLASH; p--) backslashes++;
    if (backslashes % 2 === 0) return end;
  }
  return -1;
}

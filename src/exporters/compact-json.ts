/**
 * Canonical JSON (JSON.stringify(value, null, 2) + "\n", as the tool writes label files) made compact
 * byte by byte: every space, tab, CR and LF outside strings is dropped. Pretty and compact output of
 * JSON.stringify differ only by that whitespace (the newline and indent between tokens, the space after
 * ":"), so for canonical bytes this equals JSON.stringify(value) (canonicalLine) without parsing or
 * re-serialising. Callers use it only for bytes known to be canonical (their hash matched the manifest).
 */
export function compactCanonicalJson(bytes: Uint8Array, options: { lineEnd?: boolean } = {}): Buffer {
  const out = Buffer.allocUnsafe(bytes.length + 1);
  let n = 0;
  let inString = false;
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k];
    if (inString) {
      out[n++] = b;
      if (b === 0x5c) out[n++] = bytes[++k]; // a backslash: the next byte is escaped, whatever it is
      else if (b === 0x22) inString = false;
    } else if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
      continue;
    } else {
      out[n++] = b;
      if (b === 0x22) inString = true;
    }
  }
  if (options.lineEnd) out[n++] = 0x0a;
  return out.subarray(0, n);
}

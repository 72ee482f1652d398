import { inputError } from '../errors/index.js';

// fatal: a bad byte is an error, never U+FFFD (a replaced character would be hashed, signed and
// released as if someone had written it). ignoreBOM: a BOM stays in the text, as Buffer#toString keeps
// it, so what parsers see (and refuse) does not change.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 text of a file's bytes; invalid UTF-8 is an input error naming the file and the byte offset. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    throw inputError(
      'INVALID_UTF8',
      `${file}: byte offset ${offset}: not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')})`,
      {
        file,
        offset,
      },
    );
  }
}

/**
 * The 0-based offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all are well formed.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80; // E0 80..9F would be overlong
      if (b === 0xed) max = 0x9f; // ED A0..BF would be a surrogate
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80; // F0 80..8F overlong
      if (b === 0xf4) max = 0x8f; // F4 90.. is above U+10FFFF
    } else {
      return i;
    }
    // The first continuation byte has the narrowed range; the others are 80..BF.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (c < low || c > high) return i;
    }
    i += need + 1;
  }
  return -1;
}

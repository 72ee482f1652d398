/**
 * Walking a JSON text as bytes without parsing it: where a string, a value or an object's member ends.
 * Only to find places in a large document (a release record's items); what the places hold is parsed
 * by JSON.parse or a strict reader of its own.
 */
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from '../core/json-chars.js';

export { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, OPEN_ARRAY, OPEN_OBJECT, QUOTE };

export const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export function skipSpace(bytes: Buffer, at: number): number {
  while (at < bytes.length && isSpace(bytes[at])) at++;
  return at;
}

/** The position after the string that starts at `at` (a quote), or -1 when it does not end. */
export function skipString(bytes: Buffer, at: number): number {
  for (let p = at + 1; p < bytes.length; p++) {
    const b = bytes[p];
    if (b === BACKSLASH) p++;
    else if (b === QUOTE) return p + 1;
  }
  return -1;
}

/**
 * The position after the JSON value that starts at `at`, or -1 when it is cut off. Only to find where a
 * value ends: its syntax is JSON.parse's to judge (everything outside the items goes through it).
 */
export function skipValue(bytes: Buffer, at: number): number {
  const first = bytes[at];
  if (first === QUOTE) return skipString(bytes, at);
  if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) {
    // A number, true, false or null: up to the next delimiter.
    let p = at;
    while (p < bytes.length && !isSpace(bytes[p]) && ![COMMA, CLOSE_ARRAY, CLOSE_OBJECT].includes(bytes[p])) p++;
    return p === at ? -1 : p;
  }
  let depth = 0;
  for (let p = at; p < bytes.length; ) {
    const b = bytes[p];
    if (b === QUOTE) {
      p = skipString(bytes, p);
      if (p === -1) return -1;
      continue;
    }
    if (b === OPEN_ARRAY || b === OPEN_OBJECT) depth++;
    else if ((b === CLOSE_ARRAY || b === CLOSE_OBJECT) && --depth === 0) return p + 1;
    p++;
  }
  return -1;
}

/**
 * The members of the object at `at`: `visit(key, valueAt)` returns where the value ends when it read it,
 * or undefined to have it skipped. Returns the position after the object, or -1 when it cannot be walked
 * (the text is then given to JSON.parse whole, which names the syntax error).
 */
export function walkObject(
  bytes: Buffer,
  at: number,
  visit: (key: string, valueAt: number) => number | undefined,
): number {
  let p = skipSpace(bytes, at + 1);
  if (bytes[p] === CLOSE_OBJECT) return p + 1;
  for (;;) {
    if (bytes[p] !== QUOTE) return -1;
    const keyEnd = skipString(bytes, p);
    if (keyEnd === -1) return -1;
    let key: string;
    try {
      key = JSON.parse(bytes.toString('utf8', p, keyEnd)) as string;
    } catch {
      return -1;
    }
    p = skipSpace(bytes, keyEnd);
    if (bytes[p] !== COLON) return -1;
    const valueAt = skipSpace(bytes, p + 1);
    const end = visit(key, valueAt) ?? skipValue(bytes, valueAt);
    if (end === -1) return -1;
    p = skipSpace(bytes, end);
    if (bytes[p] === CLOSE_OBJECT) return p + 1;
    if (bytes[p] !== COMMA) return -1;
    p = skipSpace(bytes, p + 1);
  }
}

/** "line L, column C" of a byte offset, for a message (only on the error path: it counts the newlines before it). */
export function lineAndColumn(bytes: Buffer, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let p = bytes.indexOf(0x0a); p !== -1 && p < offset; p = bytes.indexOf(0x0a, p + 1)) {
    line++;
    lineStart = p + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

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

/**
 * A label file as the tool writes it is already its canonical JSON (canonicalJson: keys sorted, 2-space
 * indent, trailing newline), so its manifest hash is the hash of its text and its JSONL line is that
 * text without the layout whitespace. Proving that a text is canonical costs one scan of it; building
 * the canonical texts from the parsed value again (canonicalTexts) cost a first release more than the
 * JSON parse of every file. Anything this scan is not sure of returns null, and the caller builds the
 * texts from the value as before: a wrong "canonical" here would pin a hash no export can reproduce.
 */

/**
 * The canonical one-line JSON (canonicalLine) of `value` when `text` is exactly canonicalJson(value),
 * else null. `value` must be JSON.parse(text): the scan relies on the text being valid JSON.
 */
export function lineOfCanonicalText(text: string, value: unknown): string | null {
  // A lone surrogate would be written as an escape by JSON.stringify (strict UTF-8 never decodes to one).
  if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) return null; // ES2024, in Node 20
  const keys = sortedKeyCount(value);
  if (keys < 0) return null;
  const scan = scanLayout(text);
  if (!scan || scan.keys !== keys) return null; // fewer keys in the value: the text repeats one
  return scan.line;
}

/**
 * Whether every object in `value` (JSON.parse's output) has its keys in canonicalJson's order, so that
 * JSON.stringify(value) is canonicalLine(value) without sorting a copy. An array-index key makes it
 * false (see sortedKeyCount): the caller then sorts, as before.
 */
export function keysInCanonicalOrder(value: unknown): boolean {
  return sortedKeyCount(value) >= 0;
}

/**
 * The number of object keys in `value`, or -1 unless every object's keys are in sorted order (by code
 * unit, as canonicalJson sorts them). An object with an array-index key ("0", "12") is -1 too: the
 * engine lists those first whatever the text's order, so the value's order would not be the text's.
 */
function sortedKeyCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const inner = sortedKeyCount(value[k]);
      if (inner < 0) return -1;
      count += inner;
    }
    return count;
  }
  const keys = Object.keys(value);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if ((k > 0 && !(keys[k - 1] < key)) || isIndexLike(key)) return -1;
    const inner = sortedKeyCount((value as Record<string, unknown>)[key]);
    if (inner < 0) return -1;
    count += inner + 1;
  }
  return count;
}

function isIndexLike(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d*)$/.test(key);
}

const NEWLINE = 10;
const SPACE = 32;

/**
 * Walks a JSON text checking that its layout is canonicalJson's (a newline and two spaces a level
 * before every member and closing bracket of a non-empty container, ": " after a key, a final newline,
 * no other whitespace) and that every string and number is written as JSON.stringify writes it; returns
 * the text without the layout whitespace and the number of keys, or null.
 */
function scanLayout(text: string): { line: string; keys: number } | null {
  const n = text.length;
  const open: boolean[] = []; // per open container: is it an object
  let line = '';
  let from = 0; // start of the text not yet copied to `line`
  let keys = 0;
  let i = 0;
  for (;;) {
    // A value starts at i: a member of the innermost open container, or the top-level value.
    if (open.length > 0 && open[open.length - 1]) {
      const end = stringEnd(text, i);
      if (end < 0 || text.charCodeAt(end) !== COLON || text.charCodeAt(end + 1) !== SPACE) return null;
      keys++;
      line += text.slice(from, end + 1);
      i = from = end + 2;
    }
    const c = text.charCodeAt(i);
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (text.charCodeAt(i + 1) === (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) i += 2;
      else {
        open.push(c === OPEN_OBJECT);
        const end = indentEnd(text, i + 1, open.length);
        if (end < 0) return null;
        line += text.slice(from, i + 1);
        i = from = end;
        continue;
      }
    } else {
      i = c === QUOTE ? stringEnd(text, i) : scalarEnd(text, i);
      if (i < 0) return null;
    }
    // After a value: a comma and the next member, or the closing brackets of the containers it ends.
    for (;;) {
      if (open.length === 0) {
        if (i !== n - 1 || text.charCodeAt(i) !== NEWLINE) return null;
        return { line: line + text.slice(from, i), keys };
      }
      const comma = text.charCodeAt(i) === COMMA;
      const at = comma ? i + 1 : i;
      if (!comma && !open.pop()) {
        // closing an array
        const end = indentEnd(text, at, open.length);
        if (end < 0 || text.charCodeAt(end) !== CLOSE_ARRAY) return null;
        line += text.slice(from, at);
        from = end;
        i = end + 1;
        continue;
      }
      const end = indentEnd(text, at, open.length);
      if (end < 0) return null;
      line += text.slice(from, at);
      i = from = end;
      if (comma) break;
      if (text.charCodeAt(i) !== CLOSE_OBJECT) return null;
      i++;
    }
  }
}

// "\n" and two spaces a level, for every depth a label can have (deeper texts are not canonical here).
const INDENTS = Array.from({ length: 65 }, (_, depth) => '\n' + '  '.repeat(depth));

/** The index after the layout whitespace "\n" + 2×depth spaces at i, or -1 when the text has other. */
function indentEnd(text: string, i: number, depth: number): number {
  if (depth >= INDENTS.length || !text.startsWith(INDENTS[depth], i)) return -1;
  const end = i + 1 + 2 * depth;
  return text.charCodeAt(end) === SPACE ? -1 : end;
}

/**
 * The index after the string token at i when it is written as JSON.stringify writes its value (escapes
 * only for a quote, a backslash and control characters, in their short forms where they have one,
 * else \u00xx in lowercase), else -1.
 */
function stringEnd(text: string, i: number): number {
  if (text.charCodeAt(i) !== QUOTE) return -1;
  let at = i + 1;
  let quote = -1;
  let slash = -1;
  for (;;) {
    // Each search runs again only once the scan has passed what it found.
    if (quote < at) quote = text.indexOf('"', at);
    if (quote < 0) return -1;
    if (slash < at) slash = text.indexOf('\\', at);
    if (slash < 0 || slash > quote) return quote + 1;
    // An escape before the quote (which may be the one it escapes): check it and go on after it.
    const e = text.charCodeAt(slash + 1);
    if (e === QUOTE || e === BACKSLASH || SHORT_ESCAPES.has(e)) at = slash + 2;
    else if (e === 117 /* u */ && isControlEscape(text.slice(slash + 2, slash + 6))) at = slash + 6;
    else return -1;
  }
}

// b f n r t: the control characters JSON.stringify writes in short form.
const SHORT_ESCAPES = new Set([98, 102, 110, 114, 116]);
const SHORT_ESCAPED = new Set([8, 9, 10, 12, 13]);

function isControlEscape(hex: string): boolean {
  if (!/^00[01][0-9a-f]$/.test(hex)) return false;
  return !SHORT_ESCAPED.has(Number.parseInt(hex, 16));
}

/** The index after the number or literal at i when it is written as JSON.stringify writes it, else -1. */
function scalarEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 116 /* t */) return text.startsWith('true', i) ? i + 4 : -1;
  if (c === 102 /* f */) return text.startsWith('false', i) ? i + 5 : -1;
  if (c === 110 /* n */) return text.startsWith('null', i) ? i + 4 : -1;
  let end = i;
  let plain = true; // digits only (after a minus sign): an integer, written as it is when short
  for (; end < text.length; end++) {
    const d = text.charCodeAt(end);
    if (d >= 48 && d <= 57) continue;
    if (d === 43 || d === 45 || d === 46 || d === 101 || d === 69) plain &&= d === 45 && end === i;
    else break;
  }
  const digits = end - i - (c === 45 ? 1 : 0);
  if (digits < 1) return -1;
  const first = text.charCodeAt(c === 45 ? i + 1 : i);
  // An integer of up to 15 digits without a leading zero is its own shortest form ("-0" is not: it is 0).
  if (plain && digits <= 15 && (first !== 48 || (digits === 1 && c !== 45))) return end;
  const token = text.slice(i, end);
  return String(Number(token)) === token ? end : -1;
}

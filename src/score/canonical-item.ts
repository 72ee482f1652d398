import { CLOSE_OBJECT, COMMA, OPEN_OBJECT } from '../core/json-chars.js';
import type { Answer } from '../label/types.js';
import type { ScoringItem } from './items.js';

/**
 * The scoring item of a label file whose bytes are its canonical JSON (`JSON.stringify(sorted, null, 2)`
 * plus a newline: a released file whose hash matched its manifest item), without parsing the whole
 * label: the note and the explanation, most of a label's bytes, are never parsed. In that form no raw
 * newline occurs inside a string (JSON.stringify escapes it), and only the label's own keys sit at an
 * indent of exactly two spaces, so each top-level member is a line `\n  "key": ` up to the next one; the
 * five members scoring needs are cut out and read alone. Anything else in the file shape gives
 * undefined, and the caller parses the whole label as before.
 *
 * The bytes are searched as one latin1 string (each byte one character, so positions are byte offsets):
 * V8's own string search, where each Buffer.indexOf is a call into C++ costing more than the search.
 * A member whose bytes are all ASCII is that string's slice; any other is decoded from the bytes as UTF-8.
 *
 * Only for bytes known to be canonical: on arbitrary text a broken note would go unnoticed here.
 */
export function canonicalScoringItem(
  bytes: Uint8Array,
  cache: CanonicalItemCache = new CanonicalItemCache(),
): ScoringItem | undefined {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 4 || buffer[0] !== OPEN_OBJECT || buffer[1] !== NEWLINE) return undefined;
  const end = buffer.length - 2;
  const closes = buffer[end] === CLOSE_OBJECT && buffer[end - 1] === NEWLINE && buffer[end + 1] === NEWLINE;
  if (!closes) return undefined;
  const text = buffer.toString('latin1');
  // Canonical keys are sorted: answer, calculator and id come in that order from the start (past the
  // entities and the explanation); source and split are among the last members, so they are looked for
  // from the end (not past the note). Each member line occurs once, so either way finds the same one.
  const answer = memberSpan(text, ANSWER, 1, end, false);
  const calculator = answer && memberSpan(text, CALCULATOR, answer.to, end, false);
  const id = calculator && memberSpan(text, ID, calculator.to, end, false);
  const split = id && memberSpan(text, SPLIT, id.to, end, true);
  const source = split && memberSpan(text, SOURCE, id.to, split.from, true);
  if (!source) return undefined;
  const json = (span: Span) => JSON.parse(spanText(buffer, text, span)) as unknown;
  try {
    const calculatorValue = cache.parsedSpan(buffer, text, calculator) as {
      id: number;
      name: string;
      category: string;
    } | null;
    const row = sourceRow(text, source) ?? (json(source) as { row: number } | null);
    const idValue = json(id) as string;
    // Which calculator, and which split, an item has repeats over a whole release: one copy of each.
    const splitValue = cache.parsedSpan(buffer, text, split) as string;
    const answerValue = json(answer) as Answer;
    if (!isObject(calculatorValue)) return undefined;
    if (typeof row !== 'number' && !isObject(row)) return undefined;
    const { id: calculatorId, name: calculatorName, category } = calculatorValue;
    return {
      id: idValue,
      split: splitValue,
      row: typeof row === 'number' ? row : row.row,
      calculatorId,
      calculatorName,
      category,
      answer: answerValue,
    };
  } catch {
    // Not the canonical shape after all: the caller's full parse reports what is wrong, as it always has.
    return undefined;
  }
}

/** A member's value: [from, to) of the bytes (and of their latin1 string). */
interface Span {
  from: number;
  to: number;
}

/**
 * The value of the top-level member `key` (its `"key": ` text) names: from past `\n  "key": ` to the
 * next member line or the closing brace (its comma left out), looked for in [from, to) forwards or from
 * the end. The key's text is searched for without the line's start, which is checked at each hit: a
 * pattern starting with a newline is several times slower in V8's search over this text.
 */
function memberSpan(text: string, key: string, from: number, to: number, fromEnd: boolean): Span | undefined {
  let member = fromEnd ? text.lastIndexOf(key, to - key.length) : text.indexOf(key, from);
  while (member !== -1 && !startsLine(text, member)) {
    member = fromEnd ? text.lastIndexOf(key, member - 1) : text.indexOf(key, member + 1);
  }
  if (member === -1 || member - LINE_START.length < from || member + key.length > to) return undefined;
  const start = member + key.length;
  let next = text.indexOf(MEMBER, start);
  if (next === -1 || next > to - 1) next = to - 1;
  return { from: start, to: text.charCodeAt(next - 1) === COMMA ? next - 1 : next };
}

/** Whether the text at `at` starts a top-level member line (a newline and two spaces before it). */
function startsLine(text: string, at: number): boolean {
  return text.charCodeAt(at - 1) === SPACE && text.charCodeAt(at - 2) === SPACE && text.charCodeAt(at - 3) === NEWLINE;
}

/**
 * source.row read from the source member's line `\n    "row": <digits>` (four spaces: a member of
 * source itself; deeper members have more) when its digits are plain: no sign, fraction, exponent or
 * leading zero, at most 15 (JSON.parse gives the same number). Anything else, or no such line:
 * undefined, and the caller parses the source member.
 */
function sourceRow(text: string, source: Span): number | undefined {
  if (text.charCodeAt(source.from) !== OPEN_OBJECT || text.charCodeAt(source.from + 1) !== NEWLINE) return undefined;
  const member = text.indexOf(ROW, source.from);
  if (member === -1 || member >= source.to) return undefined;
  const start = member + ROW.length;
  let at = start;
  while (at < source.to && isDigit(text.charCodeAt(at))) at++;
  const digits = at - start;
  if (digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(start) === ZERO)) return undefined;
  const next = text.charCodeAt(at);
  if (next !== NEWLINE && !(next === COMMA && text.charCodeAt(at + 1) === NEWLINE)) return undefined;
  return Number(text.slice(start, at));
}

/**
 * The member's JSON text: the latin1 string's slice when its bytes are ASCII (a slice of the label's
 * latin1 string: parse it, do not keep it), else its bytes decoded as UTF-8.
 */
function spanText(buffer: Buffer, text: string, span: Span): string {
  for (let at = span.from; at < span.to; at++) {
    if (text.charCodeAt(at) > 0x7f) return buffer.toString('utf8', span.from, span.to);
  }
  return text.slice(span.from, span.to);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parsed values by their canonical text, shared by the items of one read (calculators and splits repeat). */
export class CanonicalItemCache {
  private readonly values = new Map<string, unknown>();
  private readonly byBytes = new Map<string, unknown>();
  private readonly strings = new Map<string, string>();

  /**
   * The value of a member's JSON text, found by its bytes (read as latin1 a key is its bytes one for one,
   * so equal keys are equal texts). Kept keys are copies, not slices that would keep a label's string.
   */
  parsedSpan(buffer: Buffer, text: string, span: Span): unknown {
    const key = text.slice(span.from, span.to);
    if (this.byBytes.has(key)) return this.byBytes.get(key);
    const value = JSON.parse(spanText(buffer, text, span)) as unknown;
    if (this.byBytes.size < LIMIT) this.byBytes.set(buffer.toString('latin1', span.from, span.to), value);
    return value;
  }

  parsed(text: string): unknown {
    if (this.values.has(text)) return this.values.get(text);
    const value = JSON.parse(text) as unknown;
    // A few dozen calculators and splits: a read of other data is not allowed to grow it without bound.
    if (this.values.size < LIMIT) this.values.set(text, value);
    return value;
  }

  /** The item with its calculator's name, its category and its split replaced by one shared copy of each. */
  shared(item: ScoringItem): ScoringItem {
    item.calculatorName = this.string(item.calculatorName);
    item.category = this.string(item.category);
    item.split = this.string(item.split);
    return item;
  }

  private string<T>(value: T): T {
    if (typeof value !== 'string') return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    if (this.strings.size < LIMIT) this.strings.set(value, value);
    return value;
  }
}

const LIMIT = 4096;

const NEWLINE = 0x0a;
const ZERO = 0x30;
const NINE = 0x39;
/** A top-level member starts a line with two spaces of indent and the key's opening quote. */
const MEMBER = '\n  "';
const SPACE = 0x20;
const LINE_START = '\n  ';
/** `\n  "id": ` can only start the label's own member "id" (a key "id\"x" would read `"id\"x": `). */
const member = (key: string) => `"${key}": `;
const ANSWER = member('answer');
const CALCULATOR = member('calculator');
const ID = member('id');
const SOURCE = member('source');
const SPLIT = member('split');
const ROW = '\n    "row": ';

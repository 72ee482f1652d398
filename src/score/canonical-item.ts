import type { Answer } from '../label/types.js';
import type { ScoringItem } from './items.js';

/**
 * The scoring item of a label file whose bytes are its canonical JSON (`JSON.stringify(sorted, null, 2)`
 * plus a newline: a released file whose hash matched its manifest item), without parsing the whole
 * label: the note and the explanation, most of a label's bytes, are never decoded. In that form no raw
 * newline occurs inside a string (JSON.stringify escapes it), and only the label's own keys sit at an
 * indent of exactly two spaces, so each top-level member is a line `\n  "key": ` up to the next one; the
 * five members scoring needs are parsed with JSON.parse each. Anything else in the file shape gives
 * undefined, and the caller parses the whole label as before.
 *
 * Only for bytes known to be canonical: on arbitrary text a broken note would go unnoticed here.
 */
export function canonicalScoringItem(
  bytes: Uint8Array,
  cache: CanonicalItemCache = new CanonicalItemCache(),
): ScoringItem | undefined {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 4 || buffer[0] !== OPEN || buffer[1] !== NEWLINE) return undefined;
  const end = buffer.lastIndexOf(CLOSE);
  const closes = end === buffer.length - 2 && buffer[end - 1] === NEWLINE && buffer[end + 1] === NEWLINE;
  if (!closes) return undefined;
  const spans: number[] = [];
  // Canonical keys are sorted, so the wanted members come in WANTED's order: one pass over the bytes.
  let at = 1;
  for (const needle of WANTED_MEMBERS) {
    const member = buffer.indexOf(needle, at);
    if (member === -1) return undefined;
    const from = member + needle.length;
    let next = buffer.indexOf(MEMBER, from);
    if (next === -1 || next > end - 1) next = end - 1;
    spans.push(from, buffer[next - 1] === COMMA ? next - 1 : next);
    at = next;
  }
  const text = (key: (typeof WANTED)[number]) => {
    const k = 2 * WANTED.indexOf(key);
    return buffer.toString('utf8', spans[k], spans[k + 1]);
  };
  try {
    const calculator = cache.parsed(text('calculator')) as { id: number; name: string; category: string } | null;
    const source = JSON.parse(text('source')) as { row: number } | null;
    const id = JSON.parse(text('id')) as string;
    // Which calculator, and which split, an item has repeats over a whole release: one copy of each.
    const split = cache.parsed(text('split')) as string;
    const answer = JSON.parse(text('answer')) as Answer;
    if (!isObject(calculator) || !isObject(source)) return undefined;
    const { id: calculatorId, name: calculatorName, category } = calculator;
    return { id, split, row: source.row, calculatorId, calculatorName, category, answer };
  } catch {
    // Not the canonical shape after all: the caller's full parse reports what is wrong, as it always has.
    return undefined;
  }
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parsed values by their canonical text, shared by the items of one read (calculators and splits repeat). */
export class CanonicalItemCache {
  private readonly values = new Map<string, unknown>();
  private readonly strings = new Map<string, string>();

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

const OPEN = 0x7b;
const CLOSE = 0x7d;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
/** A top-level member starts a line with two spaces of indent and the key's opening quote. */
const MEMBER = Buffer.from('\n  "');
const WANTED = ['answer', 'calculator', 'id', 'source', 'split'] as const;
/** `\n  "id": ` can only start the label's own member "id" (a key "id\"x" would read `"id\"x": `). */
const WANTED_MEMBERS = WANTED.map((key) => Buffer.from(`\n  "${key}": `));

import { hasOwn, setOwn } from '../label/own-keys.js';
import type { EntityValue } from '../label/types.js';

/** Where and why a Python literal did not parse; `offset` is 0-based into the literal. */
export class PythonLiteralError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'PythonLiteralError';
  }
}

/**
 * Parses the Python literals MedCalc-Bench writes in "Relevant Entities": dicts, lists, tuples (as
 * arrays), single- or double-quoted strings with Python escapes, ints, floats, True/False/None.
 * A small recursive-descent parser, strict about everything else: no eval, no regex rewriting, so a
 * quote inside a key ("Wells' Criteria") or a non-ASCII key ('FiO₂') cannot be mangled.
 */
export function parsePythonLiteral(source: string): EntityValue {
  const parser = new Parser(source);
  parser.skipSpace();
  const value = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('unexpected text after the literal');
  return value;
}

/**
 * How deep dicts and lists may nest. Real entities nest two or three levels; the limit stops a hostile
 * cell from exhausting the stack here, or in every later step that walks the value (hashing, export).
 */
export const MAX_LITERAL_DEPTH = 64;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  fail(message: string): never {
    throw new PythonLiteralError(message, this.i);
  }

  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  value(): EntityValue {
    const c = this.s[this.i];
    if (c === '{' || c === '[' || c === '(') {
      if (this.depth >= MAX_LITERAL_DEPTH) this.fail(`nested more than ${MAX_LITERAL_DEPTH} levels deep`);
      this.depth++;
      const nested = c === '{' ? this.dict() : c === '[' ? this.sequence('[', ']') : this.sequence('(', ')');
      this.depth--;
      return nested;
    }
    if (c === "'" || c === '"') return this.string();
    if (c === '-' || c === '+' || c === '.' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['True', true],
      ['False', false],
      ['None', null],
    ] as const) {
      if (this.s.startsWith(word, this.i) && !/[A-Za-z0-9_]/.test(this.s[this.i + word.length] ?? '')) {
        this.i += word.length;
        return v;
      }
    }
    if (this.atEnd()) this.fail('unexpected end of literal');
    return this.fail(`unexpected character ${JSON.stringify(c)}`);
  }

  private dict(): Record<string, EntityValue> {
    const out: Record<string, EntityValue> = {};
    this.i++;
    this.skipSpace();
    while (this.s[this.i] !== '}') {
      if (this.atEnd()) this.fail('dict is never closed');
      const keyAt = this.i;
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') {
        this.i = keyAt;
        this.fail('dict keys must be strings or numbers');
      }
      const name = String(key);
      if (hasOwn(out, name)) {
        this.i = keyAt;
        this.fail(`duplicate key ${JSON.stringify(name)}`);
      }
      this.skipSpace();
      if (this.s[this.i] !== ':') this.fail("expected ':' after a dict key");
      this.i++;
      this.skipSpace();
      setOwn(out, name, this.value());
      this.skipSpace();
      if (this.s[this.i] === ',') {
        this.i++;
        this.skipSpace();
      } else if (this.s[this.i] !== '}') this.fail("expected ',' or '}' in dict");
    }
    this.i++;
    return out;
  }

  private sequence(open: string, close: string): EntityValue[] {
    const out: EntityValue[] = [];
    this.i++;
    this.skipSpace();
    while (this.s[this.i] !== close) {
      if (this.atEnd()) this.fail(`${open === '[' ? 'list' : 'tuple'} is never closed`);
      out.push(this.value());
      this.skipSpace();
      if (this.s[this.i] === ',') {
        this.i++;
        this.skipSpace();
      } else if (this.s[this.i] !== close) this.fail(`expected ',' or '${close}'`);
    }
    this.i++;
    return out;
  }

  private string(): string {
    const quote = this.s[this.i];
    const start = this.i;
    this.i++;
    let out = '';
    for (;;) {
      if (this.atEnd()) {
        this.i = start;
        this.fail('string is never closed');
      }
      const c = this.s[this.i];
      if (c === quote) {
        this.i++;
        return out;
      }
      if (c === '\n') this.fail('newline inside a string');
      if (c !== '\\') {
        out += c;
        this.i++;
        continue;
      }
      out += this.escape();
    }
  }

  private escape(): string {
    const e = this.s[this.i + 1];
    const simple: Record<string, string> = {
      '\\': '\\',
      "'": "'",
      '"': '"',
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      '0': '\0',
    };
    if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = this.s.slice(this.i + 2, this.i + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) this.fail(`bad \\${e} escape`);
      const code = parseInt(hex, 16);
      // Python refuses these too ("illegal Unicode character"): there is no such code point.
      if (code > 0x10ffff) this.fail(`\\${e}${hex} is beyond the last Unicode code point U+10FFFF`);
      this.i += 2 + len;
      return String.fromCodePoint(code);
    }
    if (e !== undefined && e in simple) {
      this.i += 2;
      return simple[e];
    }
    if (e === '\n') {
      this.i += 2;
      return '';
    }
    // Python keeps unknown escapes verbatim ('\d' is backslash + d).
    this.i += 1;
    return '\\';
  }

  private number(): number {
    const m = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) this.fail('bad number');
    const text = m[0].replace(/_/g, '');
    this.i += m[0].length;
    const value = Number(text);
    if (!Number.isFinite(value)) this.fail('number out of range');
    return value;
  }
}

/**
 * Writes JSON entities back as a Python literal the way Python's repr does (single quotes unless the
 * string holds one and no double quote; True/False/None), so an exported CSV parses in the harness.
 * Whole numbers come back without ".0": JSON does not keep the int/float distinction.
 */
export function toPythonLiteral(value: EntityValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(toPythonLiteral).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${pythonString(k)}: ${toPythonLiteral(v)}`)
    .join(', ')}}`;
}

function pythonNumber(x: number): string {
  const s = String(x);
  // JS writes 1e+21 and 1e-7; Python's repr writes 1e+21 and 1e-07. Both parse; keep JS's form.
  return s;
}

/** Whether `s` has a character pythonString writes otherwise than as itself, or one that chooses the quote. */
function needsCare(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c === 0x7f || c === 0x5c || c === 0x27 || c === 0x22) return true;
  }
  return false;
}

function pythonString(s: string): string {
  // Most keys and values: single-quoted as they are (what the loop below makes of them, in one step).
  if (!needsCare(s)) return `'${s}'`;
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.codePointAt(0)! < 0x20 || ch.codePointAt(0) === 0x7f)
      out += '\\x' + ch.codePointAt(0)!.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

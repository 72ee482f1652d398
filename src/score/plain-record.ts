import { BACKSLASH, CLOSE_OBJECT, COLON, COMMA, OPEN_OBJECT, QUOTE } from '../core/json-chars.js';
import type { ParsePredictionsOptions, Prediction } from './predictions.js';

const ZERO = 0x30;
const NINE = 0x39;
const PLAIN_KEY_BY_LENGTH: readonly (string | undefined)[] = [
  undefined,
  undefined,
  'id',
  'row',
  undefined,
  'model',
  'answer',
];

/**
 * The prediction of one JSONL line `text[start, end)` of the usual shape, read without JSON.parse (a
 * million of them are most of a scoring run's parse): an object of the members "id", "row", "answer"
 * and "model" only, each once, every string free of escapes and control characters, "row" (when there
 * is no "id") a whole number. Anything else gives undefined, and the line is parsed (and any error
 * reported) by JSON.parse and fromRecord, whose result this equals.
 */
export function plainRecord(
  text: string,
  start: number,
  end: number,
  line: number,
  options: ParsePredictionsOptions,
  last: LastModel = { model: '' },
): Prediction | undefined {
  let id: string | undefined;
  let row: number | string | undefined;
  let answer: string | undefined;
  let model: string | undefined;
  let at = skipSpace(text, start, end);
  if (text.charCodeAt(at) !== OPEN_OBJECT) return undefined;
  for (at++; ; at++) {
    at = skipSpace(text, at, end);
    if (text.charCodeAt(at) !== QUOTE) return undefined;
    const keyEnd = plainStringEnd(text, at + 1, end);
    // The four keys differ in length: the length says which one it must be.
    const key = keyEnd === -1 ? undefined : PLAIN_KEY_BY_LENGTH[keyEnd - at - 1];
    if (key === undefined || !text.startsWith(key, at + 1)) return undefined;
    at = skipSpace(text, keyEnd + 1, end);
    if (text.charCodeAt(at) !== COLON) return undefined;
    at = skipSpace(text, at + 1, end);
    let value: string | number;
    if (text.charCodeAt(at) === QUOTE) {
      const valueEnd = plainStringEnd(text, at + 1, end);
      if (valueEnd === -1) return undefined;
      value = key === 'model' ? modelNamed(text, at + 1, valueEnd, last) : text.slice(at + 1, valueEnd);
      at = valueEnd + 1;
    } else {
      // A whole number: no sign, no leading zero, no fraction or exponent (those go through JSON.parse).
      let digitsEnd = at;
      while (digitsEnd < end && isDigit(text.charCodeAt(digitsEnd))) digitsEnd++;
      const digits = digitsEnd - at;
      if (key !== 'row' || digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(at) === ZERO))
        return undefined;
      value = Number(text.slice(at, digitsEnd));
      at = digitsEnd;
    }
    // A member given twice is JSON.parse's to settle (the last one counts).
    if (key === 'id') {
      if (id !== undefined) return undefined;
      id = value as string;
    } else if (key === 'row') {
      if (row !== undefined) return undefined;
      row = value;
    } else if (key === 'answer') {
      if (answer !== undefined) return undefined;
      answer = value as string;
    } else {
      if (model !== undefined) return undefined;
      model = value as string;
    }
    at = skipSpace(text, at, end);
    const next = text.charCodeAt(at);
    if (next === CLOSE_OBJECT) break;
    if (next !== COMMA) return undefined;
  }
  if (answer === undefined || skipSpace(text, at + 1, end) !== end) return undefined;
  const prediction: Prediction = {
    id: undefined,
    row: undefined,
    answer,
    model: model === undefined || model === '' ? (options.defaultModel ?? 'model') : model,
    line,
  };
  if (id !== undefined && id !== '') prediction.id = id;
  else if (typeof row === 'number') prediction.row = row;
  else return undefined;
  return prediction;
}

/**
 * The model a read saw last: files hold each model's lines together, so a million predictions share a
 * few model strings instead of holding a copy each. One per read (not kept past it).
 */
export interface LastModel {
  model: string;
}

/** text[from, to) as a string: the last model's string when it is the same text. */
function modelNamed(text: string, from: number, to: number, last: LastModel): string {
  if (to - from === last.model.length && text.startsWith(last.model, from)) return last.model;
  last.model = text.slice(from, to);
  return last.model;
}

/** JSON's whitespace within a line. */
function skipSpace(text: string, at: number, end: number): number {
  while (at < end) {
    const c = text.charCodeAt(at);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
    at++;
  }
  return at;
}

/** Where the string starting at `at` (after its quote) ends, or -1 if it has an escape or a control character. */
function plainStringEnd(text: string, at: number, end: number): number {
  for (; at < end; at++) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) return at;
    if (c === BACKSLASH || c < 0x20) return -1;
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

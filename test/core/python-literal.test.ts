import { describe, expect, it } from 'vitest';
import { PythonLiteralError, parsePythonLiteral, toPythonLiteral } from '../../src/core/python-literal.js';

describe('parsePythonLiteral', () => {
  const cases: { description: string; source: string; value: unknown }[] = [
    {
      description: 'dict of quantities',
      source: "{'colour': 'Teal', 'span': [3, 'widgets'], 'mass': [12.0, 'g']}",
      value: { colour: 'Teal', span: [3, 'widgets'], mass: [12, 'g'] },
    },
    {
      description: 'booleans and None',
      source: "{'a': True, 'b': False, 'c': None}",
      value: { a: true, b: false, c: null },
    },
    {
      description: 'misspelt keys and non-ASCII',
      source: "{'Widget Recieved': True, 'CO₂': [7, '%'], 'Größe': [3.0, 'µm']}",
      value: { 'Widget Recieved': true, 'CO₂': [7, '%'], Größe: [3, 'µm'] },
    },
    {
      description: 'double-quoted string holding a quote',
      source: `{"Smith's Rule": 'x'}`,
      value: { "Smith's Rule": 'x' },
    },
    {
      description: 'escapes',
      source: "{'a': 'it\\'s', 'b': 'tab\\there', 'c': '\\x41\\u00e9'}",
      value: { a: "it's", b: 'tab\there', c: 'Aé' },
    },
    {
      description: 'nested list with strings and numbers',
      source: "{'part': ['Bracket A', 3.25, 'mm']}",
      value: { part: ['Bracket A', 3.25, 'mm'] },
    },
    { description: 'tuple becomes a list', source: "('2 apples', '5 pears')", value: ['2 apples', '5 pears'] },
    {
      description: 'negative, exponent, trailing comma',
      source: '[-1.5, 2e3, .5, 1_000,]',
      value: [-1.5, 2000, 0.5, 1000],
    },
    { description: 'empty dict', source: '{}', value: {} },
    { description: 'whitespace everywhere', source: " { 'a' : [ 1 , 2 ] } ", value: { a: [1, 2] } },
  ];
  for (const c of cases) it(c.description, () => expect(parsePythonLiteral(c.source)).toEqual(c.value));

  const bad: { description: string; source: string; at: number }[] = [
    { description: 'unterminated string', source: "{'a': 'b}", at: 6 },
    { description: 'missing colon', source: "{'a' 1}", at: 5 },
    { description: 'bare word', source: "{'a': true}", at: 6 },
    { description: 'unclosed dict', source: "{'a': 1", at: 7 },
    { description: 'trailing garbage', source: "{'a': 1} x", at: 9 },
    { description: 'duplicate key', source: "{'a': 1, 'a': 2}", at: 9 },
    { description: 'list as dict key', source: '{[1]: 2}', at: 1 },
    { description: 'function call (no eval)', source: "{'a': __import__('os')}", at: 6 },
  ];
  for (const c of bad) {
    it(`rejects ${c.description} with its offset`, () => {
      let error: unknown;
      try {
        parsePythonLiteral(c.source);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PythonLiteralError);
      expect((error as PythonLiteralError).offset).toBe(c.at);
    });
  }
});

describe('toPythonLiteral', () => {
  it('writes what Python repr writes, and parses back', () => {
    const value = { colour: 'Teal', 'Widget Recieved': false, q: ["it's", 1.5], n: null, u: 'µm' };
    const text = toPythonLiteral(value);
    expect(text).toBe(`{'colour': 'Teal', 'Widget Recieved': False, 'q': ["it's", 1.5], 'n': None, 'u': 'µm'}`);
    expect(parsePythonLiteral(text)).toEqual(value);
  });
  it('writes every string as the character-by-character repr does (random strings of awkward characters)', () => {
    // The rule before the shortcut for strings that need no care: kept here as the yardstick.
    const reference = (s: string) => {
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
    };
    const alphabet = [
      'a',
      ' ',
      "'",
      '"',
      '\\',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u0080',
      'µ',
      '🩺',
      '\ud800',
      'x',
    ];
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 3000; round++) {
      const s = Array.from(
        { length: Math.floor(random() * 7) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(toPythonLiteral(s), JSON.stringify(s)).toBe(reference(s));
      expect(toPythonLiteral({ [s]: [s] }), JSON.stringify(s)).toBe(`{${reference(s)}: [${reference(s)}]}`);
    }
  });

  it('escapes both quotes and backslashes when needed', () => {
    const s = `a'b"c\\d\ne`;
    expect(parsePythonLiteral(toPythonLiteral(s))).toBe(s);
  });
});

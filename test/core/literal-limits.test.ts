import { describe, expect, it } from 'vitest';
import { MAX_LITERAL_DEPTH, PythonLiteralError, parsePythonLiteral } from '../../src/core/python-literal.js';
import { MAX_JSON_DEPTH, tooDeepPointer } from '../../src/label/depth.js';

describe('Python literal limits', () => {
  it('takes nesting up to the limit and refuses one level more, however deep the input', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parsePythonLiteral(nested(MAX_LITERAL_DEPTH))).toBeInstanceOf(Array);
    for (const depth of [MAX_LITERAL_DEPTH + 1, 10_000, 1_000_000]) {
      expect(() => parsePythonLiteral(nested(depth))).toThrow(
        new PythonLiteralError(`nested more than ${MAX_LITERAL_DEPTH} levels deep`, MAX_LITERAL_DEPTH),
      );
    }
    expect(() => parsePythonLiteral("{'a': " + '('.repeat(100))).toThrow(/nested more than 64 levels deep/);
  });

  it('takes \\U escapes up to U+10FFFF and refuses beyond (Python: "illegal Unicode character")', () => {
    expect(parsePythonLiteral("'\\U0010ffff'")).toBe('\u{10ffff}');
    expect(parsePythonLiteral("'\\U0001F600'")).toBe('😀');
    for (const escaped of ['\\U00110000', '\\Uffffffff']) {
      expect(() => parsePythonLiteral(`'${escaped}'`)).toThrow(
        `${escaped} is beyond the last Unicode code point U+10FFFF at offset 1`,
      );
    }
  });
});

describe('label JSON depth', () => {
  it('names the pointer where a value first nests too deep; a label-shaped value passes', () => {
    expect(tooDeepPointer({ entities: { a: [1, ['cm']] }, answer: { value: 1 } })).toBeUndefined();
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = [deep];
    expect(tooDeepPointer({ entities: { 'a/b~': deep } })).toBe('/entities/a~1b~0' + '/0'.repeat(MAX_JSON_DEPTH - 2));
  });
});

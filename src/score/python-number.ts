// A Python number literal: decimal integers (no leading zeros, "0" and "00" excepted), floats with an
// optional exponent, "_" between digits, and any run of unary signs in front. Python's eval, which the
// harness calls on every numeric answer, rejects "07" as a syntax error, so the harness grades "07"
// wrong; reading it the same way keeps our correctness equal to the harness's.
const DIGITS = '\\d(?:_?\\d)*';
const LITERAL = new RegExp(
  `^\\s*((?:[+-]\\s*)*)((?:${DIGITS})?\\.${DIGITS}(?:[eE][+-]?${DIGITS})?|${DIGITS}\\.?(?:[eE][+-]?${DIGITS})?)\\s*$`,
);
const LEADING_ZERO_INTEGER = /^0+[1-9]/;

/**
 * The number Python's eval makes of `text` when `text` is a number literal (with surrounding
 * whitespace and unary signs), else undefined. Expressions ("2+2"), names ("nan") and other literals
 * (hex, complex) are not read: the harness would evaluate some of them, but scoring does not run code.
 */
export function parsePythonNumber(text: string): number | undefined {
  const plain = plainDecimal(text);
  if (plain !== undefined) return plain;
  const match = LITERAL.exec(text);
  if (!match) return undefined;
  const literal = match[2].replace(/_/g, '');
  if (!/[.eE]/.test(literal) && LEADING_ZERO_INTEGER.test(literal)) return undefined;
  const minus = (match[1].match(/-/g)?.length ?? 0) % 2 === 1;
  const value = Number(literal);
  return minus ? -value : value;
}

/** A Python decimal integer literal as eval reads it ("09" is a syntax error), or undefined. */
export function parsePythonInteger(digits: string): number | undefined {
  if (!/^\d+$/.test(digits) || LEADING_ZERO_INTEGER.test(digits)) return undefined;
  return Number(digits);
}

/**
 * The common case without a regex: "-12.5", "7", ".5", "5." (optional minus, digits, at most one
 * point). Undefined for anything else, including a leading-zero integer, which the full reading judges.
 */
function plainDecimal(text: string): number | undefined {
  const n = text.length;
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let point = false;
  for (let k = start; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else return undefined;
  }
  if (digits === 0 || (!point && digits > 1 && text.charCodeAt(start) === 48)) return undefined;
  return Number(text);
}

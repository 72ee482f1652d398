/**
 * Python's round(x, ndigits) for floats: the exact binary value rounded to `ndigits` decimals, ties to
 * even. MedCalc-Bench's label code and its grader both use it, and it differs from Math.round in two
 * ways: ties go to even (round(2.5) == 2) and a decimal that only looks like a tie (2.675 is stored as
 * 2.67499999…) is not one.
 */
export function pythonRound(x: number, ndigits = 0): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) >= 1e21 || ndigits > 60) return x;
  // toFixed(100) is the exact decimal expansion of the double (ECMA-262 Number.prototype.toFixed).
  const exact = Math.abs(x).toFixed(100);
  const point = exact.indexOf('.');
  const kept = exact.slice(0, point + 1 + ndigits);
  const rest = exact.slice(point + 1 + ndigits);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  let digits = kept.replace('.', '');
  let roundUp = first > 5 || (first === 5 && tail);
  if (first === 5 && !tail) roundUp = (digits.charCodeAt(digits.length - 1) - 48) % 2 === 1;
  if (roundUp) digits = (BigInt(digits) + 1n).toString();
  const magnitude = Number(digits) / 10 ** ndigits;
  return Math.sign(x) * magnitude || 0 * Math.sign(x);
}

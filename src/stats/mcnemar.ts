import { logBinomialDensity } from './binomial-density.js';
import { assertCount } from './validate.js';

export interface McNemarResult {
  /** Discordant pairs where only the first labeling is right (or only the first rater says yes). */
  b: number;
  /** Discordant pairs the other way. */
  c: number;
  /** b + c, the number of discordant pairs the test conditions on. */
  n: number;
  /** Two-sided exact p-value. */
  pValue: number;
}

// p = min(1, 2·P(X ≤ min(b, c))) with X ~ Bin(b + c, ½); the tail is anchored on Loader's (2000)
// log-space density at min(b, c), so nothing overflows or cancels up to n = 1e6 and beyond.
/** Exact McNemar test (McNemar 1947, Psychometrika 12:153–157), as the two-sided conditional binomial test. */
export function exactMcNemar(b: number, c: number): McNemarResult {
  assertCount('b', b, 'exactMcNemar');
  assertCount('c', c, 'exactMcNemar');
  const n = b + c;
  const m = Math.min(b, c);
  // |b − c| ≤ 1 (including b = c = 0): the lower tail holds at least half the mass, so p is exactly 1.
  if (2 * m + 1 >= n) return { b, c, n, pValue: 1 };
  // P(X ≤ m) = f(m)·(1 + r_m + r_m·r_{m−1} + …) with f(x−1)/f(x) = x/(n−x+1) < 1 below the mode,
  // so the terms fall monotonically and the sum stops once they no longer change it.
  let term = 1;
  let sum = 1;
  for (let x = m; x > 0; x--) {
    term *= x / (n - x + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const logTwoTail = Math.LN2 + logBinomialDensity(m, n, 0.5, 0.5) + Math.log(sum);
  return { b, c, n, pValue: Math.min(1, Math.exp(logTwoTail)) };
}

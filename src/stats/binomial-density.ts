/**
 * Binomial probabilities in log space by Loader's saddle-point expansion (C. Loader, "Fast and accurate
 * computation of binomial probabilities", 2000; the algorithm behind R's dbinom). Differencing
 * lgamma(n + 1) − lgamma(k + 1) − lgamma(n − k + 1) loses about log10(n) digits (1e-9 relative at
 * n = 1e6); this form keeps full precision because every term is small or computed as a deviance.
 */

const LN_2PI = 1.8378770664093453; // log(2π)

/** stirlerr(n) for n = 0, 0.5, …, 15: log Γ(n+1) − (n+½)log n + n − ½log(2π), computed with mpmath at 50 digits. */
const STIRLING_ERROR_HALVES = [
  0.0, 0.15342640972002736, 0.08106146679532726, 0.05481412105191765, 0.0413406959554093, 0.03316287351993629,
  0.02767792568499834, 0.023746163656297496, 0.020790672103765093, 0.018488450532673187, 0.016644691189821193,
  0.015134973221917378, 0.013876128823070748, 0.012810465242920227, 0.01189670994589177, 0.011104559758206917,
  0.010411265261972096, 0.009799416126158804, 0.009255462182712733, 0.008768700134139386, 0.00833056343336287,
  0.00793411456431402, 0.007573675487951841, 0.007244554301320383, 0.00694284010720953, 0.006665247032707682,
  0.006408994188004207, 0.006171712263039458, 0.0059513701127588475, 0.0057462165130101155, 0.005554733551962801,
];

const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/** Error of Stirling's formula for log n!: log Γ(n+1) − (n+½)log n + n − ½log(2π). */
export function stirlingError(n: number): number {
  if (n <= 15) {
    const twice = n + n;
    if (Number.isInteger(twice)) return STIRLING_ERROR_HALVES[twice];
    // Off the half-integer grid: step up with stirlerr(n) = stirlerr(n+1) + (n+½)·log1p(1/n) − 1.
    return stirlingError(n + 1) + (n + 0.5) * Math.log1p(1 / n) - 1;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x·log(x/m) + m − x, by a series when x is near m so it does not cancel. */
export function binomialDeviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
  }
  return x * Math.log(x / m) + m - x;
}

// p and q = 1 − p are both passed because whichever is smaller carries the precision (1 − 5e-6 has lost
// ten bits of 5e-6); the larger is only used through n − n·(smaller). −Infinity where the probability is 0.
/** log of the binomial probability C(n, x) p^x q^(n−x) for real 0 ≤ x ≤ n, by Loader's (2000) saddle-point form. */
export function logBinomialDensity(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  const np = p <= q ? n * p : n - n * q;
  const nq = p <= q ? n - np : n * q;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -binomialDeviance(n, nq) - np : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -binomialDeviance(n, np) - nq : n * Math.log(p);
  if (x < 0 || x > n) return -Infinity;
  const lc =
    stirlingError(n) - stirlingError(x) - stirlingError(n - x) - binomialDeviance(x, np) - binomialDeviance(n - x, nq);
  // log(1 − x/n): log1p loses digits once x/n is near 1, where n − x is exact instead.
  const logRemaining = 2 * x <= n ? Math.log1p(-x / n) : Math.log((n - x) / n);
  const lf = LN_2PI + Math.log(x) + logRemaining;
  return lc - 0.5 * lf;
}

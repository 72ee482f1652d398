import { describe, expect, it } from 'vitest';
import { betaQuantile, clopperPearsonInterval, regularizedIncompleteBeta } from '../../src/stats/index.js';
import { expectAbsolute, expectRelative } from './helpers.js';

// Reference: scipy 1.17.1 with `from scipy import stats, special`. The exact interval is
// [stats.beta.ppf(α/2, k, n−k+1), stats.beta.ppf(1−α/2, k+1, n−k)], 0 at k = 0 and 1 at k = n.
// (binomtest(...).proportion_ci(method='exact') is not used: it root-finds with brentq's 2e-12 tolerance.)
const cases: [k: number, n: number, lower: number, upper: number][] = [
  [37, 50, 0.5965523212719342, 0.8536994156034454], // stats.beta.ppf(0.025, 37, 14), stats.beta.ppf(0.975, 38, 13)
  [10, 50, 0.10030223747257107, 0.33718310838348775], // stats.beta.ppf(0.025, 10, 41), stats.beta.ppf(0.975, 11, 40)
  [0, 50, 0, 0.07112173646419764], // 0, stats.beta.ppf(0.975, 1, 50)
  [50, 50, 0.9288782635358024, 1], // stats.beta.ppf(0.025, 50, 1), 1
  [1, 1, 0.025, 1], // stats.beta.ppf(0.025, 1, 1), 1
  [7, 1047, 0.0026921264468682117, 0.01372645053601669], // stats.beta.ppf(0.025, 7, 1041), stats.beta.ppf(0.975, 8, 1040)
  [523, 1047, 0.46879635573274064, 0.5302512257688499], // stats.beta.ppf(0.025, 523, 525), stats.beta.ppf(0.975, 524, 524)
];

describe('clopperPearsonInterval', () => {
  it.each(cases)('%i/%i matches scipy beta quantiles to 1e-9', (k, n, lower, upper) => {
    const r = clopperPearsonInterval(k, n);
    expect(r.estimate).toBe(k / n);
    expectAbsolute(r.lower, lower);
    expectAbsolute(r.upper, upper);
  });

  it('keeps relative precision for a rare event in a million', () => {
    const one = clopperPearsonInterval(1, 1_000_000);
    expectRelative(one.lower, 2.5317807663794178e-8); // stats.beta.ppf(0.025, 1, 1000000)
    expectRelative(one.upper, 5.571630655166939e-6); // stats.beta.ppf(0.975, 2, 999999)
    const three = clopperPearsonInterval(3, 1_000_000);
    expectRelative(three.lower, 6.186725501906401e-7); // stats.beta.ppf(0.025, 3, 999998)
    expectRelative(three.upper, 8.767247788067677e-6); // stats.beta.ppf(0.975, 4, 999997)
  });

  it('agrees with 50-digit mpmath roots to 1e-13 at n = 1e6 (closer than scipy, which is off by ~1e-11 there)', () => {
    // With `import mpmath as mp; mp.mp.dps = 50; n = 10**6`,
    // cdf = lambda k, p: sum(mp.binomial(n, i) * p**i * (1 - p)**(n - i) for i in range(k + 1)),
    // and 200 bisection steps on each equation:
    const one = clopperPearsonInterval(1, 1_000_000);
    expectRelative(one.lower, 2.5317807663794177544e-8, 1e-13); // -mp.expm1(mp.log(mp.mpf(39) / 40) / n)
    expectRelative(one.upper, 5.5716306551722443319e-6, 1e-13); // root of cdf(1, p) - 1/40
    const three = clopperPearsonInterval(3, 1_000_000);
    expectRelative(three.lower, 6.1867255019063986272e-7, 1e-13); // root of 1/40 - (1 - cdf(2, p))
    expectRelative(three.upper, 8.7672477881452235195e-6, 1e-13); // root of cdf(3, p) - 1/40
  });

  it('honours the confidence level', () => {
    const r = clopperPearsonInterval(37, 50, { confidence: 0.9 });
    expectAbsolute(r.lower, 0.6187364440267683); // stats.beta.ppf(0.05, 37, 14)
    expectAbsolute(r.upper, 0.8388254034692106); // stats.beta.ppf(0.95, 38, 13)
  });

  it('contains the Wilson interval for the paper numbers (exact is more conservative)', () => {
    const exact = clopperPearsonInterval(37, 50);
    expect(exact.lower).toBeLessThan(0.6044684273515115);
    expect(exact.upper).toBeGreaterThan(0.8412847250644762);
  });

  it('throws a RangeError for n = 0 and impossible counts', () => {
    expect(() => clopperPearsonInterval(0, 0)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(3, 2)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(1, 2, { confidence: 0 })).toThrow(RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  const values: [x: number, a: number, b: number, expected: number][] = [
    [0.3, 2, 5, 0.5798250000000003], // special.betainc(2, 5, 0.3)
    [0.7, 2, 5, 0.989065], // special.betainc(2, 5, 0.7)
    [0.5, 0.5, 0.5, 0.5000000000000001], // special.betainc(0.5, 0.5, 0.5)
    [0.01, 0.3, 7.5, 0.4976291390471241], // special.betainc(0.3, 7.5, 0.01)
    [0.999, 20, 0.7, 0.9297468583318709], // special.betainc(20, 0.7, 0.999)
    [0.6, 200, 150, 0.8601906604801528], // special.betainc(200, 150, 0.6)
  ];
  it.each(values)('I_%s(%s, %s) matches scipy to 1e-12', (x, a, b, expected) => {
    expectAbsolute(regularizedIncompleteBeta(x, a, b), expected, 1e-12);
  });

  it('stays exact far from the bulk with a huge shape parameter', () => {
    // special.betainc(2, 999999, 5e-06) gives 0.9595726549039508, itself 1.3e-12 off; the closed form for
    // integer a = 2 at 50 digits (mpmath, n = 10**6, x = mp.mpf(5e-6)): 1 - (1-x)**n - n*x*(1-x)**(n-1)
    expectAbsolute(regularizedIncompleteBeta(5e-6, 2, 999999), 0.95957265490262660323, 1e-14);
    // The mirror image at x = 1 − 2^-17 (exact in binary, unlike 1 − 5e-6): with y = mp.mpf(2)**-17,
    // (1-y)**n + n*y*(1-y)**(n-1); special.betainc(999999, 2, 1 - 2**-17) agrees (0.004193403658161374).
    expectAbsolute(regularizedIncompleteBeta(1 - 2 ** -17, 999999, 2), 0.0041934036581613738174, 1e-14);
  });

  it('is 0 and 1 at the ends and rejects bad arguments', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.1, 2, 3)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(RangeError);
  });
});

describe('betaQuantile', () => {
  const quantiles: [p: number, a: number, b: number, expected: number][] = [
    [0.1, 2.5, 3.5, 0.17497634435653012], // stats.beta.ppf(0.1, 2.5, 3.5)
    [0.9, 0.5, 0.5, 0.9755282581475768], // stats.beta.ppf(0.9, 0.5, 0.5)
    [0.5, 200, 150, 0.5715647792739967], // stats.beta.ppf(0.5, 200, 150)
    [1e-8, 3, 4, 0.0007941735408983302], // stats.beta.ppf(1e-08, 3, 4)
  ];
  it.each(quantiles)('Beta⁻¹(%s; %s, %s) matches scipy to 1e-12 relative', (p, a, b, expected) => {
    expectRelative(betaQuantile(p, a, b), expected, 1e-12);
  });

  it('inverts the incomplete beta', () => {
    for (const p of [1e-6, 0.025, 0.5, 0.975]) expectAbsolute(regularizedIncompleteBeta(betaQuantile(p, 7, 3), 7, 3), p, 1e-14);
  });
});

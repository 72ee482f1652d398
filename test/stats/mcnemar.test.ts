import { describe, expect, it } from 'vitest';
import { exactMcNemar } from '../../src/stats/index.js';
import { expectRelative } from './helpers.js';

// Reference: scipy 1.17.1, `min(1, 2 * stats.binom.cdf(min(b, c), b + c, 0.5))`, which equals
// `stats.binomtest(min(b, c), b + c, 0.5).pvalue` for every case here; `from scipy import stats`.
const cases: [b: number, c: number, p: number][] = [
  [33, 7, 4.2277022657799534e-5], // 2 * stats.binom.cdf(7, 40, 0.5)
  [33, 6, 1.429926123819314e-5], // 2 * stats.binom.cdf(6, 39, 0.5)
  [0, 40, 1.8189894035458565e-12], // 2 * stats.binom.cdf(0, 40, 0.5)
  [200, 0, 1.2446030555722283e-60], // 2 * stats.binom.cdf(0, 200, 0.5)
  [100, 70, 0.025844387581341693], // 2 * stats.binom.cdf(70, 170, 0.5)
  [5000, 5300, 0.003215819673645259], // 2 * stats.binom.cdf(5000, 10300, 0.5)
  [499000, 501000, 0.0456082998653896], // 2 * stats.binom.cdf(499000, 1000000, 0.5)
  [499500, 500500, 0.3177946913633297], // 2 * stats.binom.cdf(499500, 1000000, 0.5)
];

describe('exactMcNemar', () => {
  it.each(cases)('b=%i, c=%i matches scipy to 1e-9 relative', (b, c, p) => {
    const r = exactMcNemar(b, c);
    expect(r).toMatchObject({ b, c, n: b + c });
    expectRelative(r.pValue, p);
  });

  it('reproduces the stewardship paper: 33 vs 7 → p ≈ 4.2e-5, 33 vs 6 → p ≈ 1.4e-5', () => {
    expect(exactMcNemar(33, 7).pValue.toExponential(1)).toBe('4.2e-5');
    expect(exactMcNemar(33, 6).pValue.toExponential(1)).toBe('1.4e-5');
  });

  it('is symmetric in b and c', () => {
    expect(exactMcNemar(7, 33).pValue).toBe(exactMcNemar(33, 7).pValue);
  });

  it('gives p = 1 with no discordant pairs or a one-pair imbalance', () => {
    expect(exactMcNemar(0, 0)).toEqual({ b: 0, c: 0, n: 0, pValue: 1 });
    expect(exactMcNemar(5, 5).pValue).toBe(1);
    expect(exactMcNemar(6, 5).pValue).toBe(1); // 2 * stats.binom.cdf(5, 11, 0.5) == 1.0
    expect(exactMcNemar(0, 1).pValue).toBe(1);
  });

  it('is exact for small tables', () => {
    expect(exactMcNemar(0, 5).pValue).toBe(0.0625); // 2 * stats.binom.cdf(0, 5, 0.5) == 0.0625
  });

  it('underflows to 0 rather than failing at n = 1e6', () => {
    expect(exactMcNemar(0, 1_000_000).pValue).toBe(0); // 2 * stats.binom.cdf(0, 1000000, 0.5) == 0.0
  });

  it('rejects negative or fractional counts', () => {
    expect(() => exactMcNemar(-1, 3)).toThrow(RangeError);
    expect(() => exactMcNemar(1.5, 3)).toThrow(RangeError);
  });
});

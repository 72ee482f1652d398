import { describe, expect, it } from 'vitest';
import { newcombePairedDifference } from '../../src/stats/index.js';
import { expectAbsolute } from './helpers.js';

/*
 * Reference: computed by hand in Python from Newcombe (1998), "Improved confidence intervals for the
 * difference between binomial proportions based on paired data", Statist. Med. 17:2635–2650, method 10,
 * with scipy 1.17.1 for the Wilson limits:
 *
 *   from math import sqrt
 *   from scipy import stats
 *   def newcombe10(a, b, c, d, conf=0.95):          # a = both, b = onlyA, c = onlyB, d = neither
 *       n = a + b + c + d
 *       def wilson(k):
 *           r = stats.binomtest(k, n).proportion_ci(conf, 'wilson')
 *           return r.low, r.high
 *       p1, p2 = (a + b) / n, (a + c) / n
 *       l1, u1 = wilson(a + b)
 *       l2, u2 = wilson(a + c)
 *       m = (a + b) * (c + d) * (a + c) * (b + d)
 *       A = a * d - b * c
 *       phi = 0 if m == 0 else ((A - n / 2) if A > n / 2 else (0 if A >= 0 else A)) / sqrt(m)
 *       D = (b - c) / n
 *       return (D,
 *               D - sqrt((p1 - l1)**2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2)**2),
 *               D + sqrt((u1 - p1)**2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2)**2),
 *               phi)
 */
const cases: [
  both: number,
  onlyA: number,
  onlyB: number,
  neither: number,
  expected: [number, number, number, number],
][] = [
  // newcombe10(14, 5, 0, 22): Altman et al., Statistics with Confidence (2000), table 6.2; φ branch A > n/2
  [14, 5, 0, 22, [0.12195121951219512, 0.01148324138303325, 0.22649268435121125, 0.7232755899715071]],
  // newcombe10(36, 12, 2, 0): A < 0, φ = A/√m
  [36, 12, 2, 0, [0.2, 0.0569295840032388, 0.3404276029749408, -0.11470786693528089]],
  // newcombe10(1, 1, 7, 12): 0 ≤ A ≤ n/2, φ = 0
  [1, 1, 7, 12, [-0.2857142857142857, -0.506920226686141, -0.025559124164859837, 0]],
  // newcombe10(8, 29, 2, 11): A just above n/2
  [8, 29, 2, 11, [0.54, 0.35301713242071997, 0.6731300002136943, 0.01139901881468883]],
  // newcombe10(20, 3, 2, 25)
  [20, 3, 2, 25, [0.02, -0.07311265798756901, 0.11219062909330016, 0.7582923707730002]],
  // newcombe10(0, 0, 5, 10): A's margin is empty, so φ = 0 by the zero rule
  [0, 0, 5, 10, [-0.3333333333333333, -0.5828645226148023, -0.06032033430660383, 0]],
  // newcombe10(10, 0, 0, 5): no discordant pairs
  [10, 0, 0, 5, [0, -0.1349478833816899, 0.1349478833816899, 0.85]],
];

describe('newcombePairedDifference (Newcombe 1998, method 10)', () => {
  it.each(cases)(
    'both=%i onlyA=%i onlyB=%i neither=%i matches the hand computation to 1e-9',
    (both, onlyA, onlyB, neither, expected) => {
      const r = newcombePairedDifference({ both, onlyA, onlyB, neither });
      const [estimate, lower, upper, phi] = expected;
      expectAbsolute(r.estimate, estimate);
      expectAbsolute(r.lower, lower);
      expectAbsolute(r.upper, upper);
      expectAbsolute(r.phi, phi);
      expect(r.pA).toBe((both + onlyA) / (both + onlyA + onlyB + neither));
      expect(r.pB).toBe((both + onlyB) / (both + onlyA + onlyB + neither));
    },
  );

  it('honours the confidence level', () => {
    // newcombe10(14, 5, 0, 22, 0.9)
    const r = newcombePairedDifference({ both: 14, onlyA: 5, onlyB: 0, neither: 22 }, { confidence: 0.9 });
    expectAbsolute(r.lower, 0.028759082280254797);
    expectAbsolute(r.upper, 0.21088322028299986);
  });

  it('mirrors when A and B swap', () => {
    const ab = newcombePairedDifference({ both: 8, onlyA: 29, onlyB: 2, neither: 11 });
    const ba = newcombePairedDifference({ both: 8, onlyA: 2, onlyB: 29, neither: 11 });
    expectAbsolute(ba.lower, -ab.upper, 1e-15);
    expectAbsolute(ba.upper, -ab.lower, 1e-15);
  });

  it('throws a RangeError for an empty table or bad counts', () => {
    expect(() => newcombePairedDifference({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toThrow(RangeError);
    expect(() => newcombePairedDifference({ both: 0, onlyA: 0, onlyB: 0, neither: 0 })).toThrow(/n = 0/);
    expect(() => newcombePairedDifference({ both: -1, onlyA: 2, onlyB: 0, neither: 0 })).toThrow(RangeError);
    expect(() => newcombePairedDifference({ both: 1, onlyA: 2.5, onlyB: 0, neither: 0 })).toThrow(RangeError);
  });
});

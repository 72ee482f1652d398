import { describe, expect, it } from 'vitest';
import { cohensKappa } from '../../src/stats/index.js';
import { expectAbsolute } from './helpers.js';

/*
 * Reference: computed by hand in Python (numpy 2.4.6, scipy 1.17.1) from Fleiss, Cohen & Everitt (1969),
 * "Large sample standard errors of kappa and weighted kappa", Psychol. Bull. 72:323–327 — the variance
 * of κ̂ for κ ≠ 0 (used for the interval) and under κ = 0:
 *
 *   import numpy as np
 *   from scipy import stats
 *   def fce(table, conf=0.95):
 *       t = np.asarray(table, float); n = t.sum(); p = t / n
 *       r = p.sum(1); c = p.sum(0)
 *       po = np.trace(p); pe = (r * c).sum(); k = (po - pe) / (1 - pe)
 *       A = sum(p[i, i] * (1 - (r[i] + c[i]) * (1 - k))**2 for i in range(len(t)))
 *       B = (1 - k)**2 * sum(p[i, j] * (c[i] + r[j])**2 for i in range(len(t)) for j in range(len(t)) if i != j)
 *       C = (k - pe * (1 - k))**2
 *       se = np.sqrt((A + B - C) / (n * (1 - pe)**2))
 *       se0 = np.sqrt((pe + pe**2 - (r * c * (r + c)).sum()) / (n * (1 - pe)**2))
 *       z = stats.norm.isf((1 - conf) / 2)
 *       return k, se, se0, k - z * se, k + z * se
 */
const cases: [table: number[][], expected: [number, number, number, number, number]][] = [
  // fce([[75, 1, 4], [5, 4, 1], [0, 0, 10]]): the diagnosis example of Fleiss, Levin & Paik, ch. 18, as counts of 100
  [
    [
      [75, 1, 4],
      [5, 4, 1],
      [0, 0, 10],
    ],
    [0.676470588235294, 0.08770295347521254, 0.07618725792346259, 0.5045759580860855, 0.8483652183845026],
  ],
  // fce([[20, 5], [10, 15]])
  [
    [
      [20, 5],
      [10, 15],
    ],
    [0.3999999999999999, 0.12699606293110033, 0.13856406460551016, 0.15109229047666106, 0.6489077095233388],
  ],
  // fce([[22, 2, 0], [3, 9, 1], [1, 2, 10]])
  [
    [
      [22, 2, 0],
      [3, 9, 1],
      [1, 2, 10],
    ],
    [0.7122762148337597, 0.08555616179589842, 0.10169239854133123, 0.544589219058317, 0.8799632106092024],
  ],
  // fce([[10, 0], [0, 7]]): perfect agreement, so the non-null SE is 0
  [
    [
      [10, 0],
      [0, 7],
    ],
    [1, 0, 0.24253562503633294, 1, 1],
  ],
];

describe('cohensKappa', () => {
  it.each(cases)('table %j matches the hand computation to 1e-9', (table, expected) => {
    const r = cohensKappa({ table });
    const [kappa, se, seNull, lower, upper] = expected;
    expectAbsolute(r.kappa, kappa);
    expectAbsolute(r.se, se);
    expectAbsolute(r.seNull, seNull);
    expectAbsolute(r.lower, lower);
    expectAbsolute(r.upper, upper);
  });

  it('reports the agreements and the table it used', () => {
    const r = cohensKappa({
      table: [
        [20, 5],
        [10, 15],
      ],
    });
    expect(r).toMatchObject({
      n: 50,
      categories: [0, 1],
      table: [
        [20, 5],
        [10, 15],
      ],
    });
    expectAbsolute(r.observedAgreement, 0.7, 1e-15);
    expectAbsolute(r.expectedAgreement, 0.5, 1e-15); // (25·30 + 25·20) / 50²
  });

  it('honours the confidence level', () => {
    // fce([[20, 5], [10, 15]], 0.9)
    const r = cohensKappa(
      {
        table: [
          [20, 5],
          [10, 15],
        ],
      },
      { confidence: 0.9 },
    );
    expectAbsolute(r.lower, 0.19111006527922203);
    expectAbsolute(r.upper, 0.6088899347207778);
  });

  it('builds the same table from pairs of ratings', () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, () => ['agree', 'agree'] as [string, string]),
      ...Array.from({ length: 5 }, () => ['agree', 'N/A'] as [string, string]),
      ...Array.from({ length: 10 }, () => ['N/A', 'agree'] as [string, string]),
      ...Array.from({ length: 15 }, () => ['N/A', 'N/A'] as [string, string]),
    ];
    const fromPairs = cohensKappa({ pairs });
    const fromTable = cohensKappa({
      table: [
        [20, 5],
        [10, 15],
      ],
    });
    expect(fromPairs.categories).toEqual(['agree', 'N/A']);
    expect(fromPairs.table).toEqual([
      [20, 5],
      [10, 15],
    ]);
    expect(fromPairs.kappa).toBe(fromTable.kappa);
    expect(fromPairs.se).toBe(fromTable.se);
  });

  it('follows a given category order, and unused categories change nothing', () => {
    const pairs: [number, number][] = [
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 2],
      [1, 1],
      [2, 1],
    ];
    const ordered = cohensKappa({ pairs, categories: [2, 1, 3] });
    expect(ordered.categories).toEqual([2, 1, 3]);
    expect(ordered.table).toEqual([
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 0],
    ]);
    expectAbsolute(ordered.kappa, cohensKappa({ pairs }).kappa, 1e-15);
  });

  it('returns NaN when both raters used one and the same category throughout', () => {
    const r = cohensKappa({
      pairs: [
        ['x', 'x'],
        ['x', 'x'],
      ],
    });
    expect(r.kappa).toBeNaN();
    expect(r.se).toBeNaN();
    expect(r.observedAgreement).toBe(1);
  });

  it('throws a RangeError on misuse', () => {
    expect(() => cohensKappa({ table: [] })).toThrow(RangeError);
    expect(() => cohensKappa({ table: [[1, 2]] })).toThrow(/square/);
    expect(() =>
      cohensKappa({
        table: [
          [0, 0],
          [0, 0],
        ],
      }),
    ).toThrow(/n = 0/);
    expect(() =>
      cohensKappa({
        table: [
          [1, -2],
          [0, 3],
        ],
      }),
    ).toThrow(RangeError);
    expect(() => cohensKappa({ pairs: [] })).toThrow(/n = 0/);
    expect(() => cohensKappa({ pairs: [['a', 'b']], categories: ['a'] })).toThrow(/not among the given categories/);
    expect(() => cohensKappa({ pairs: [['a', 'a']], categories: ['a', 'a'] })).toThrow(/listed twice/);
  });
});

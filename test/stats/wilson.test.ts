import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/index.js';
import { expectAbsolute } from './helpers.js';

// Reference: scipy 1.17.1, `stats.binomtest(k, n).proportion_ci(confidence_level=c, method='wilson')`
// (score interval without continuity correction), with `from scipy import stats`.
const cases: [k: number, n: number, confidence: number, lower: number, upper: number][] = [
  [37, 50, 0.95, 0.6044684273515115, 0.8412847250644762], // binomtest(37, 50).proportion_ci(0.95, 'wilson')
  [10, 50, 0.95, 0.11243750015776106, 0.33037105932225413], // binomtest(10, 50).proportion_ci(0.95, 'wilson')
  [11, 50, 0.95, 0.12753915970214416, 0.3524154958125367], // binomtest(11, 50).proportion_ci(0.95, 'wilson')
  [7, 1047, 0.95, 0.003242300064184016, 0.013735959283060133], // binomtest(7, 1047).proportion_ci(0.95, 'wilson')
  [523, 1047, 0.95, 0.46929341459934854, 0.5297549670650729], // binomtest(523, 1047).proportion_ci(0.95, 'wilson')
  [37, 50, 0.9, 0.6275387029219314, 0.8278213679006591], // binomtest(37, 50).proportion_ci(0.9, 'wilson')
  [37, 50, 0.99, 0.5591399215864181, 0.8646270743891205], // binomtest(37, 50).proportion_ci(0.99, 'wilson')
  [0, 50, 0.95, 0, 0.07134759913335872], // binomtest(0, 50).proportion_ci(0.95, 'wilson')
  [50, 50, 0.95, 0.9286524008666412, 1], // binomtest(50, 50).proportion_ci(0.95, 'wilson')
  [0, 1, 0.95, 0, 0.7934506856227626], // binomtest(0, 1).proportion_ci(0.95, 'wilson')
  [1, 1, 0.95, 0.20654931437723745, 1], // binomtest(1, 1).proportion_ci(0.95, 'wilson')
];

describe('wilsonInterval', () => {
  it.each(cases)('%i/%i at %s matches scipy to 1e-9', (k, n, confidence, lower, upper) => {
    const r = wilsonInterval(k, n, { confidence });
    expect(r.estimate).toBe(k / n);
    expectAbsolute(r.lower, lower);
    expectAbsolute(r.upper, upper);
  });

  it('reproduces the stewardship paper: 74% (60–84%) recomputed, 20% (11–33%) original', () => {
    const recomputed = wilsonInterval(37, 50);
    expect([recomputed.lower, recomputed.upper].map((x) => x.toFixed(4))).toEqual(['0.6045', '0.8413']);
    const original = wilsonInterval(10, 50);
    expect([original.lower, original.upper].map((x) => x.toFixed(4))).toEqual(['0.1124', '0.3304']);
    const eleven = wilsonInterval(11, 50);
    expect([eleven.lower, eleven.upper].map((x) => x.toFixed(3))).toEqual(['0.128', '0.352']);
  });

  it('defaults to 95%', () => {
    expect(wilsonInterval(37, 50)).toEqual(wilsonInterval(37, 50, { confidence: 0.95 }));
  });

  it('pins the bound at 0 when k = 0 and at 1 when k = n', () => {
    expect(wilsonInterval(0, 7).lower).toBe(0);
    expect(wilsonInterval(7, 7).upper).toBe(1);
  });

  it('throws a RangeError for n = 0 and other impossible counts', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(/n must be at least 1/);
    expect(() => wilsonInterval(6, 5)).toThrow(/must not exceed n/);
    expect(() => wilsonInterval(-1, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 5, { confidence: 1 })).toThrow(RangeError);
  });
});

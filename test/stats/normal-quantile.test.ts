import { describe, expect, it } from 'vitest';
import { normalQuantile, zForConfidence, Z_95, Z_975, Z_995 } from '../../src/stats/index.js';
import { expectRelative } from './helpers.js';

// Reference: scipy 1.17.1, `stats.norm.ppf(p)` (cephes ndtri), with `from scipy import stats`.
const cases: [p: number, z: number, python: string][] = [
  [1e-300, -37.0470962993612, 'stats.norm.ppf(1e-300)'],
  [1e-20, -9.262340089798409, 'stats.norm.ppf(1e-20)'],
  [1e-10, -6.361340902404056, 'stats.norm.ppf(1e-10)'],
  [0.001, -3.090232306167813, 'stats.norm.ppf(0.001)'],
  [0.025, -1.9599639845400545, 'stats.norm.ppf(0.025)'],
  [0.1, -1.2815515655446004, 'stats.norm.ppf(0.1)'],
  [0.3, -0.5244005127080409, 'stats.norm.ppf(0.3)'],
  [0.7, 0.5244005127080407, 'stats.norm.ppf(0.7)'],
  [0.975, 1.959963984540054, 'stats.norm.ppf(0.975)'],
  [0.999, 3.090232306167813, 'stats.norm.ppf(0.999)'],
  [1 - 1e-10, 6.361340889697422, 'stats.norm.ppf(1 - 1e-10)'],
];

describe('normalQuantile (Wichura AS 241)', () => {
  it.each(cases)('Φ⁻¹(%s) matches scipy to 1e-14 relative', (p, z) => {
    expectRelative(normalQuantile(p), z, 1e-14);
  });

  it('is exactly 0 at the median and infinite at the ends', () => {
    expect(normalQuantile(0.5)).toBe(0); // stats.norm.ppf(0.5) == 0.0
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('is antisymmetric about ½', () => {
    for (const p of [2 ** -40, 2 ** -10, 0.125, 0.375])
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
  });

  it('rejects probabilities outside [0, 1]', () => {
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});

describe('critical values', () => {
  it('match scipy exactly as constants', () => {
    expect(Z_975).toBe(1.959963984540054); // stats.norm.ppf(0.975)
    expect(Z_95).toBe(1.6448536269514722); // stats.norm.ppf(0.95)
    expect(Z_995).toBe(2.5758293035489004); // stats.norm.ppf(0.995)
  });

  it('zForConfidence agrees with them to the last bits', () => {
    expectRelative(zForConfidence(0.95), Z_975, 1e-15);
    expectRelative(zForConfidence(0.9), Z_95, 1e-15);
    expectRelative(zForConfidence(0.99), Z_995, 1e-15);
  });

  it('rejects confidence outside (0, 1)', () => {
    for (const c of [0, 1, 95, -0.5]) expect(() => zForConfidence(c)).toThrow(RangeError);
  });
});

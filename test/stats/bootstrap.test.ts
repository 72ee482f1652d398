import { describe, expect, it } from 'vitest';
import { mulberry32, percentileBootstrap, sortedQuantile } from '../../src/stats/index.js';
import { expectAbsolute } from './helpers.js';

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('mulberry32', () => {
  it('reproduces the C reference stream', () => {
    // Tommy Ettinger's C (public domain), compiled with gcc and printed for the first five outputs:
    //   uint32_t z = (*state += 0x6D2B79F5UL); z = (z ^ (z >> 15)) * (z | 1UL);
    //   z ^= z + (z ^ (z >> 7)) * (z | 61UL); return z ^ (z >> 14);
    const expected: Record<number, number[]> = {
      0: [1144304738, 1416247, 958946056, 627933444, 2007157716],
      42: [2581720956, 1925393290, 3661312704, 2876485805, 750819978],
      20251223: [2805603162, 1979274759, 1819856186, 3451858361, 666163874],
      4294967295: [3850105811, 813802916, 3073704848, 4054706436, 3630262831],
    };
    for (const [seed, stream] of Object.entries(expected)) {
      const generator = mulberry32(Number(seed));
      expect(stream.map(() => generator.nextUint32())).toEqual(stream);
    }
  });

  it('draws indices in range and roughly evenly', () => {
    const generator = mulberry32(7);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[generator.nextIndex(7)] += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500); // ~5 SD
  });

  it('rejects seeds that are not 32-bit unsigned integers', () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN]) expect(() => mulberry32(seed)).toThrow(RangeError);
  });
});

describe('sortedQuantile (type 7)', () => {
  it('matches numpy.percentile', () => {
    const sorted = [1, 2, 3, 4, 5, 10];
    // [np.percentile([5.0, 1.0, 4.0, 2.0, 3.0, 10.0], q) for q in (2.5, 25, 50, 97.5, 100)]
    const expected = [1.125, 2.25, 3.5, 9.375, 10];
    [0.025, 0.25, 0.5, 0.975, 1].forEach((p, i) => expectAbsolute(sortedQuantile(sorted, p), expected[i], 1e-12));
  });
});

describe('percentileBootstrap', () => {
  const data = [3.1, 4.7, 2.2, 9.8, 5.5, 6.0, 1.4, 7.7, 4.4, 5.1, 8.3, 2.9];

  it('matches an independent Python re-implementation of the same resampling', () => {
    // Python 3.11 + numpy 2.4.6, written separately from the TypeScript:
    //   import numpy as np
    //   M = 0xFFFFFFFF
    //   def mulberry32(seed):
    //       state = seed
    //       def nxt():
    //           nonlocal state
    //           state = (state + 0x6D2B79F5) & M
    //           z = ((state ^ (state >> 15)) * (state | 1)) & M
    //           z ^= (z + (((z ^ (z >> 7)) * (z | 61)) & M)) & M
    //           return (z ^ (z >> 14)) & M
    //       return nxt
    //   def index(nxt, n):
    //       limit = 2**32 - (2**32 % n); x = nxt()
    //       while x >= limit: x = nxt()
    //       return x % n
    //   nxt = mulberry32(20251223); mean = lambda s: sum(s) / len(s)
    //   reps = [mean([data[index(nxt, len(data))] for _ in data]) for _ in range(2000)]
    //   mean(data), np.percentile(reps, 2.5), np.percentile(reps, 97.5)
    const r = percentileBootstrap({ data, statistic: mean, iterations: 2000, seed: 20251223 });
    expectAbsolute(r.estimate, 5.091666666666667);
    expectAbsolute(r.lower, 3.7497916666666664);
    expectAbsolute(r.upper, 6.466666666666668);
    expect(r).toMatchObject({ confidence: 0.95, iterations: 2000, seed: 20251223, nonFinite: 0 });
  });

  it('gives the same interval for the same seed and a different one for another seed', () => {
    const a = percentileBootstrap({ data, statistic: mean, iterations: 500, seed: 1 });
    const b = percentileBootstrap({ data, statistic: mean, iterations: 500, seed: 1 });
    const c = percentileBootstrap({ data, statistic: mean, iterations: 500, seed: 2 });
    expect(b).toEqual(a);
    expect([c.lower, c.upper]).not.toEqual([a.lower, a.upper]);
  });

  it('resamples pairs together when given pairs', () => {
    const pairs = data.map((_, i) => [i, i + 1] as const);
    const r = percentileBootstrap({ data: pairs, statistic: (s) => mean(s.map(([x, y]) => y - x)), iterations: 200, seed: 3 });
    expect([r.estimate, r.lower, r.upper]).toEqual([1, 1, 1]);
  });

  it('counts and leaves out resamples with a non-finite statistic', () => {
    const r = percentileBootstrap({
      data: [0, 1],
      statistic: (s) => (s.every((x) => x === s[0]) ? Number.NaN : mean(s)),
      iterations: 1000,
      seed: 5,
    });
    expect(r.nonFinite).toBeGreaterThan(0);
    expect(r.lower).toBe(0.5);
    expect(r.upper).toBe(0.5);
  });

  it('throws a RangeError on misuse', () => {
    expect(() => percentileBootstrap({ data: [], statistic: mean, seed: 1 })).toThrow(/empty/);
    expect(() => percentileBootstrap({ data, statistic: mean, seed: 1, iterations: 0 })).toThrow(RangeError);
    expect(() => percentileBootstrap({ data, statistic: mean, seed: -3 })).toThrow(RangeError);
    expect(() => percentileBootstrap({ data, statistic: mean, seed: 1, confidence: 1.2 })).toThrow(RangeError);
  });
});

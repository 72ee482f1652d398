import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/stats/index.js';

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

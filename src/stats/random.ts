/** A seeded source of 32-bit integers and unbiased indices. */
export interface SeededGenerator {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n), by rejection so no index is favoured. */
  nextIndex(n: number): number;
  /** Uniform in [0, 1): the next uint32 / 2^32 (for fixtures and simulations, not for resampling indices). */
  uniform(): number;
}

const TWO_32 = 2 ** 32;

// Period 2^32 is ample for bootstrap resampling, and the C reference is five lines, so a seed's stream
// can be checked outside JavaScript (the tests do).
/** mulberry32, Tommy Ettinger's public-domain 32-bit generator (2017), seeded with a uint32. */
export function mulberry32(seed: number): SeededGenerator {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_32) {
    throw new RangeError(`mulberry32: seed must be an integer in [0, 2^32), got ${String(seed)}`);
  }
  let state = seed | 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
  const nextIndex = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) {
      throw new RangeError(`nextIndex: n must be an integer in [1, 2^32], got ${String(n)}`);
    }
    // Reject the top sliver of the 32-bit range that would make x % n favour small indices.
    const limit = TWO_32 - (TWO_32 % n);
    let x = nextUint32();
    while (x >= limit) x = nextUint32();
    return x % n;
  };
  return { nextUint32, nextIndex, uniform: () => nextUint32() / TWO_32 };
}

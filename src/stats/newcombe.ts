import type { ConfidenceOptions, Interval } from './types.js';
import { assertCount, confidenceOf } from './validate.js';
import { wilsonInterval } from './wilson.js';

/** A paired 2×2 table: how many items each of two labelings (A and B) got right. */
export interface PairedCounts {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface PairedDifference extends Interval {
  /** Marginal proportion for A, (both + onlyA)/n. */
  pA: number;
  /** Marginal proportion for B, (both + onlyB)/n. */
  pB: number;
  /** The correlation estimate the interval used (Newcombe's corrected φ, 0 when a margin is empty). */
  phi: number;
}

// Newcombe's φ for method 10 (Statist. Med. 1998;17:2635–2650): with cross = both·neither − onlyA·onlyB,
// φ = (cross − n/2)/√margins when cross > n/2, 0 when 0 ≤ cross ≤ n/2, cross/√margins when cross < 0,
// and 0 when any margin is empty (the product of margins is 0, so the plain φ is 0/0).
function correctedPhi({ both, onlyA, onlyB, neither }: PairedCounts, n: number): number {
  const margins = (both + onlyA) * (onlyB + neither) * (both + onlyB) * (onlyA + neither);
  if (margins === 0) return 0;
  const cross = both * neither - onlyA * onlyB;
  if (cross > n / 2) return (cross - n / 2) / Math.sqrt(margins);
  if (cross >= 0) return 0;
  return cross / Math.sqrt(margins);
}

// Square-and-add: the Wilson limits of each margin, combined with the corrected φ for the pairing.
/** pA − pB for paired proportions with Newcombe's (1998, Statist. Med. 17:2635–2650) method 10 interval. */
export function newcombePairedDifference(counts: PairedCounts, options: ConfidenceOptions = {}): PairedDifference {
  const caller = 'newcombePairedDifference';
  for (const key of ['both', 'onlyA', 'onlyB', 'neither'] as const) assertCount(key, counts[key], caller);
  const n = counts.both + counts.onlyA + counts.onlyB + counts.neither;
  if (n === 0) throw new RangeError(`${caller}: the table is empty (n = 0)`);
  const confidence = confidenceOf(options, caller);
  const a = wilsonInterval(counts.both + counts.onlyA, n, { confidence });
  const b = wilsonInterval(counts.both + counts.onlyB, n, { confidence });
  const pA = a.estimate;
  const pB = b.estimate;
  const phi = correctedPhi(counts, n);
  const dl1 = pA - a.lower;
  const du1 = a.upper - pA;
  const dl2 = pB - b.lower;
  const du2 = b.upper - pB;
  const estimate = (counts.onlyA - counts.onlyB) / n;
  return {
    estimate,
    lower: estimate - Math.sqrt(dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2),
    upper: estimate + Math.sqrt(du1 * du1 - 2 * phi * du1 * dl2 + dl2 * dl2),
    pA,
    pB,
    phi,
  };
}

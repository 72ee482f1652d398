import { zForConfidence } from './normal-quantile.js';
import type { ConfidenceOptions, Interval } from './types.js';
import { assertProportion, confidenceOf } from './validate.js';

/**
 * Wilson score interval for k/n without continuity correction (Wilson 1927, JASA 22:209–212; Newcombe 1998 method 3).
 */
export function wilsonInterval(k: number, n: number, options: ConfidenceOptions = {}): Interval {
  assertProportion(k, n, 'wilsonInterval');
  const z = zForConfidence(confidenceOf(options, 'wilsonInterval'));
  const z2 = z * z;
  const centre = (k + z2 / 2) / (n + z2);
  const halfWidth = (z * Math.sqrt((k * (n - k)) / n + z2 / 4)) / (n + z2);
  return {
    estimate: k / n,
    // At k = 0 (or k = n) the bound is 0 (or 1) in exact arithmetic; say so instead of returning ±1e-17.
    lower: k === 0 ? 0 : centre - halfWidth,
    upper: k === n ? 1 : centre + halfWidth,
  };
}

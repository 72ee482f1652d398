import { betaQuantile } from './incomplete-beta.js';
import type { ConfidenceOptions, Interval } from './types.js';
import { assertProportion, confidenceOf } from './validate.js';

/** Exact (Clopper–Pearson 1934, Biometrika 26:404–413) interval for k/n from beta quantiles. */
export function clopperPearsonInterval(k: number, n: number, options: ConfidenceOptions = {}): Interval {
  assertProportion(k, n, 'clopperPearsonInterval');
  const alpha = 1 - confidenceOf(options, 'clopperPearsonInterval');
  return {
    estimate: k / n,
    lower: k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1),
    upper: k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k),
  };
}

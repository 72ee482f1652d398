import { mulberry32 } from './random.js';
import type { Interval } from './types.js';
import { confidenceOf } from './validate.js';

export interface BootstrapOptions<T> {
  /** The items resampled with replacement; for paired data pass one item per pair. */
  data: readonly T[];
  /** The statistic of a sample; it must not keep the array it is given. */
  statistic: (sample: readonly T[]) => number;
  /** Number of resamples; 10,000 unless given. */
  iterations?: number;
  /** Seed for mulberry32, an integer in [0, 2^32). Required, so every reported interval can be reproduced. */
  seed: number;
  confidence?: number;
}

export interface BootstrapResult extends Interval {
  confidence: number;
  iterations: number;
  seed: number;
  /** Resamples whose statistic was NaN or infinite; they are left out of the percentiles. */
  nonFinite: number;
}

/** Quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan type 7, numpy's default). */
export function sortedQuantile(sorted: readonly number[], probability: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * probability;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

/** Percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13) with a seeded mulberry32 resampler. */
export function percentileBootstrap<T>(options: BootstrapOptions<T>): BootstrapResult {
  const caller = 'percentileBootstrap';
  const { data, statistic, seed } = options;
  const iterations = options.iterations ?? 10_000;
  const confidence = confidenceOf(options, caller);
  if (data.length === 0) throw new RangeError(`${caller}: data is empty`);
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new RangeError(`${caller}: iterations must be a positive integer, got ${String(iterations)}`);
  }
  const generator = mulberry32(seed);
  const replicates: number[] = [];
  let nonFinite = 0;
  const sample: T[] = new Array<T>(data.length);
  for (let r = 0; r < iterations; r++) {
    for (let i = 0; i < data.length; i++) sample[i] = data[generator.nextIndex(data.length)];
    const value = statistic(sample);
    if (Number.isFinite(value)) replicates.push(value);
    else nonFinite++;
  }
  replicates.sort((x, y) => x - y);
  const alpha = 1 - confidence;
  return {
    estimate: statistic(data),
    lower: sortedQuantile(replicates, alpha / 2),
    upper: sortedQuantile(replicates, 1 - alpha / 2),
    confidence,
    iterations,
    seed,
    nonFinite,
  };
}

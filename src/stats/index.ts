// Statistics for label audits and releases: pure functions of counts and samples.
export type { ConfidenceOptions, Interval } from './types.js';
export { normalQuantile, zForConfidence, Z_95, Z_975, Z_995 } from './normal-quantile.js';
export { wilsonInterval } from './wilson.js';
export { newcombePairedDifference, type PairedCounts, type PairedDifference } from './newcombe.js';
export { exactMcNemar, type McNemarResult } from './mcnemar.js';
export { cohensKappa, type Category, type KappaInput, type KappaResult } from './kappa.js';
export { mulberry32, type SeededGenerator } from './random.js';

/** A point estimate with a two-sided confidence interval. */
export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

export interface ConfidenceOptions {
  /** Two-sided confidence level in (0, 1); 0.95 unless given. */
  confidence?: number;
}

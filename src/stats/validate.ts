// Argument checks shared by the statistics. Bad arguments are misuse, not data findings, so they throw.

export function assertCount(name: string, value: number, caller: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${caller}: ${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/** Checks k and n of a binomial proportion; n = 0 has no proportion to estimate. */
export function assertProportion(k: number, n: number, caller: string): void {
  assertCount('k', k, caller);
  assertCount('n', n, caller);
  if (n === 0) throw new RangeError(`${caller}: n must be at least 1 (a proportion of 0 items is undefined)`);
  if (k > n) throw new RangeError(`${caller}: k (${k}) must not exceed n (${n})`);
}

export function confidenceOf(options: { confidence?: number } | undefined, caller: string): number {
  const confidence = options?.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${caller}: confidence must be strictly between 0 and 1, got ${String(confidence)}`);
  }
  return confidence;
}

import { expect } from 'vitest';

/** |actual − expected| ≤ tolerance; for quantities of order 1 (proportions, bounds, κ). */
export function expectAbsolute(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** |actual − expected| ≤ tolerance·|expected|; for p-values and tail quantiles far below 1. */
export function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

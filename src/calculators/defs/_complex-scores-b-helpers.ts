/** Shared pieces of Glasgow-Blatchford, Charlson and Caprini: scored items. */
import type { Inputs } from '../inputs.js';

/** Records one scored item in the trace and returns its points (0 when absent). */
export function scoreItem(inputs: Inputs, what: string, present: boolean, points: number): number {
  return inputs.step(`${what}: ${present ? `+${points}` : '0'}`, { present }, present ? points : 0);
}

/** Shared pieces of Glasgow-Blatchford, Charlson and Caprini: keys under several spellings and scored items. */
import type { Inputs } from '../inputs.js';

/** The first of several spellings of one entity that is present (later uploads renamed some keys). */
export function presentKey(inputs: Inputs, keys: readonly string[]): string | undefined {
  return keys.find((k) => inputs.has(k));
}

/** A yes/no risk factor under any of its spellings; absent is false, as in MedCalc-Bench. */
export function flagAny(inputs: Inputs, keys: readonly string[]): boolean {
  const key = presentKey(inputs, keys);
  return key === undefined ? false : inputs.flag(key);
}

/** Records one scored item in the trace and returns its points (0 when absent). */
export function scoreItem(inputs: Inputs, what: string, present: boolean, points: number): number {
  return inputs.step(`${what}: ${present ? `+${points}` : '0'}`, { present }, present ? points : 0);
}

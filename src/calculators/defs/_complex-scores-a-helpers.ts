/**
 * Shared pieces of APACHE II, SOFA and PSI: banded point lookup, alias keys, FiO₂ and drug-dose units,
 * and Python truthiness, as the v1.0 code tested its flags. (Its rounding, temperature test and
 * unit-conversion chain are in inputs.ts and v1-units.ts.)
 */
import type { EntityValue } from '../../label/types.js';
import type { Inputs } from '../inputs.js';

/** A band: a value at or above `from` (and below the previous band's `from`) scores `points`. */
export type Band = readonly [from: number, points: number];

/**
 * Points of the first band whose lower limit the value reaches; bands go from the highest limit down, and
 * `below` is scored under the last one. Each printed range "a–b" is read as [a, next range's a), so a value
 * between two printed ranges (109.5 between "70–109" and "110–129") falls in the lower range.
 */
export function banded(value: number, bands: readonly Band[], below: number): number {
  const v = tidy(value);
  for (const [from, points] of bands) if (v >= from) return points;
  return below;
}

/**
 * A converted value without binary float noise (12 significant digits), so that 101.3 °F compares as
 * 38.5 °C and 90 / 0.3 as 300 at a band limit.
 */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** FiO₂ as a fraction: the data writes [57.0, '%']; a bare value ≤ 1 is already a fraction. */
export function fio2Fraction(inputs: Inputs, key: string): number | undefined {
  const v = inputs.raw(key);
  const value = typeof v === 'number' ? v : Array.isArray(v) && typeof v[0] === 'number' ? v[0] : undefined;
  const unit = Array.isArray(v) && typeof v[1] === 'string' ? v[1].trim() : '';
  if (value === undefined) {
    inputs.missing.push(key);
    return undefined;
  }
  if (unit === '%' || value > 1) return value / 100;
  return value;
}

/** A vasopressor dose in mcg/kg/min (the data also writes 'mc/kg/min'); 0 when the drug is not given. */
export function doseMcgKgMin(inputs: Inputs, key: string): number {
  const q = inputs.quantity(key, false);
  if (!q) return 0;
  const unit = q[1].trim().toLowerCase().replace('μ', 'µ');
  if (/^(mcg|mc|µg|ug)\/kg\/min$/.test(unit)) return q[0];
  inputs.missing.push(`${key} (unit '${q[1]}' not convertible to mcg/kg/min)`);
  return 0;
}

/** Python truthiness of an entity value, as the v1.0 code tested flags (a non-empty string is true). */
export function pyTruthy(v: EntityValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

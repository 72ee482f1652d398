/**
 * Shared pieces of APACHE II, SOFA and PSI: banded point lookup, alias keys, FiO₂ and drug-dose units,
 * and the v1.0 label code's own arithmetic (its rounding, temperature test and unit-conversion chain),
 * which the `medcalc-v1.0` convention must reproduce step by step.
 */
import type { EntityValue } from '../../label/types.js';
import { type Inputs, roundV1 } from '../inputs.js';

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

/** The first of several spellings of a key that the entities carry, else the first spelling. */
export function pickKey(inputs: Inputs, keys: readonly string[]): string {
  return keys.find((k) => inputs.has(k)) ?? keys[0];
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

/**
 * The v1.0 temperature conversion: only the exact unit 'degrees celsius' is Celsius; anything else,
 * including the data's own 'degrees celsisus', is taken as Fahrenheit and converted (then rounded).
 */
export function v1TemperatureC(value: number, unit: string): number {
  if (unit === 'degrees celsius') return value;
  return roundV1(((value - 32) * 5) / 9);
}

const V1_MOL_PER: Record<string, number> = { mmol: 0.001, µmol: 1e-6, mol: 1 };

/**
 * The v1.0 concentration conversion to mg/dL, rounding at every step as the original did: mmol (or µmol)
 * → mol → g (× molar mass) → mg → per dL. mEq/L of a monovalent ion equals mmol/L. Returns undefined for
 * a unit the chain did not handle.
 */
export function v1ToMgPerDl(value: number, unit: string, molarMass: number): number | undefined {
  const [mass, volume] = unit.split('/');
  if (volume !== 'L' && volume !== 'dL') return undefined;
  let mg: number;
  if (mass === 'mg') mg = value;
  else if (mass === 'g') mg = roundV1(value * 1000);
  else if (mass in V1_MOL_PER || mass === 'mEq') {
    const mol = roundV1(value * (mass === 'mEq' ? 0.001 : V1_MOL_PER[mass]));
    const grams = roundV1(mol * molarMass);
    mg = roundV1(grams * 1000);
  } else return undefined;
  return volume === 'dL' ? mg : roundV1(mg / 10);
}

/**
 * A monovalent electrolyte (sodium, potassium) in mmol/L. mEq/L and mmol/L are the same number for a
 * monovalent ion, so they are taken as given: the general converter's round trip through mg/dL leaves
 * float noise (110 mEq/L → 109.99999999999999) that could cross a band limit.
 */
export function monovalentMmolPerL(inputs: Inputs, key: string, analyte: 'sodium' | 'potassium', required = true): number | undefined {
  const q = inputs.quantity(key, false);
  if (q && /^(meq|mmol)\/l$/i.test(q[1].trim())) return q[0];
  return inputs.concentration(key, 'mmol/L', analyte, required);
}

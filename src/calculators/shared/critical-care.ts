/** Critical-care inputs of APACHE II and SOFA: FiO₂ as a fraction, vasopressor doses. */
import type { Inputs } from './inputs.js';

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

import type { Inputs } from '../inputs.js';
import { pythonRound } from '../../numeric/python-round.js';

/**
 * The v1.0 label code's `round_number`: above 0.001 Python's round(x, 3), otherwise 3 significant
 * figures. Uses Python's rounding (exact binary value, ties to even) because the chained unit
 * conversions below round at every step and a single flipped digit moves a score band.
 */
export function roundV1Python(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (x > 0.001) return pythonRound(x, 3);
  return pythonRound(x, 2 - Math.floor(Math.log10(Math.abs(x))));
}

const GRAMS: Record<string, number> = { kg: 1000, g: 1, mg: 0.001, 'µg': 1e-6 };
const MOLES: Record<string, number> = { mol: 1, mmol: 0.001, 'µmol': 1e-6, pmol: 1e-9 };
const LITRES: Record<string, number> = { L: 1, dL: 0.1, mL: 0.001, 'µL': 1e-6 };

/** One prefix change inside moles or inside grams, rounded as the v1.0 code did (factor, then product). */
function v1Rescale(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const table = from in MOLES && to in MOLES ? MOLES : from in GRAMS && to in GRAMS ? GRAMS : undefined;
  if (!table) return undefined;
  const factor = roundV1Python(table[from] / table[to]);
  return roundV1Python(value * factor);
}

/** Mass part of a v1.0 conversion: g ↔ mol passes through whole grams and whole moles, rounding each. */
function v1Mass(value: number, from: string, to: string, molarMass: number): number | undefined {
  if (from === to) return value;
  if ((from in MOLES && to in MOLES) || (from in GRAMS && to in GRAMS)) return v1Rescale(value, from, to);
  if (from in MOLES && to in GRAMS) {
    const mol = v1Rescale(value, from, 'mol');
    return mol === undefined ? undefined : v1Rescale(roundV1Python(mol * molarMass), 'g', to);
  }
  if (from in GRAMS && to in MOLES) {
    const grams = v1Rescale(value, from, 'g');
    return grams === undefined ? undefined : v1Rescale(roundV1Python(grams / molarMass), 'mol', to);
  }
  return undefined;
}

/**
 * A concentration converted the way the v1.0 label code did it (its `conversion_explanation`): mass
 * first (via grams and moles), then volume, rounding every intermediate to 3 decimals. 22 mmol/L of BUN
 * becomes 0.022 mol → 0.618 g → 618 mg → 61.8 mg/dL rather than 61.78. Returns undefined for units the
 * v1.0 code could not convert either.
 */
export function v1ConvertConcentration(value: number, unit: string, target: string, molarMass: number): number | undefined {
  const norm = (u: string) => u.trim().replace('μ', 'µ');
  const [fromMass, fromVol] = norm(unit).split('/');
  const [toMass, toVol] = norm(target).split('/');
  if (!fromVol || !toVol || !(fromVol in LITRES) || !(toVol in LITRES)) return undefined;
  if (fromMass === toMass && fromVol === toVol) return value;
  const mass = v1Mass(value, fromMass, toMass, molarMass);
  if (mass === undefined) return undefined;
  const volumeFactor = fromVol === toVol ? 1 : roundV1Python(LITRES[fromVol] / LITRES[toVol]);
  return roundV1Python(mass / volumeFactor);
}

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

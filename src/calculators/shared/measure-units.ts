/**
 * Conversions of body measures, vital signs, counts, intervals and drug masses (the data's own spellings
 * included). Like lab-units.ts, every function throws UnitError for a unit it does not know.
 */
import type { Inputs } from './inputs.js';
import { normalizeUnit, UnitError } from './lab-units.js';
import { roundV1 } from './v1-quirks.js';

const KG: Record<string, number> = { kg: 1, g: 0.001, lb: 0.45359237, lbs: 0.45359237, oz: 0.028349523125, mg: 1e-6 };

export function convertWeight(value: number, unit: string, target: 'kg' | 'lbs' | 'g'): number {
  const f = KG[normalizeUnit(unit)];
  const t = KG[target];
  if (f === undefined) throw new UnitError('weight', unit, target);
  return (value * f) / t;
}

const CM: Record<string, number> = {
  cm: 1,
  m: 100,
  mm: 0.1,
  in: 2.54,
  inch: 2.54,
  inches: 2.54,
  ft: 30.48,
  feet: 30.48,
};

export function convertLength(value: number, unit: string, target: 'cm' | 'm' | 'in'): number {
  const f = CM[normalizeUnit(unit)];
  if (f === undefined) throw new UnitError('length', unit, target);
  return (value * f) / CM[target];
}

export function convertTemperature(value: number, unit: string, target: 'celsius' | 'fahrenheit'): number {
  const u = normalizeUnit(unit);
  const isF = /fah?re?i?n?h?e?i?t|°f|^f$/.test(u);
  const isC = /cel[cs]i?s?i?u?s|°c|^c$|centigrade/.test(u);
  if (!isF && !isC) throw new UnitError('temperature', unit, target);
  const c = isF ? ((value - 32) * 5) / 9 : value;
  return target === 'celsius' ? c : (c * 9) / 5 + 32;
}

const YEARS: Record<string, number> = {
  years: 1,
  year: 1,
  months: 1 / 12,
  month: 1 / 12,
  weeks: 7 / 365.25,
  week: 7 / 365.25,
  days: 1 / 365.25,
  day: 1 / 365.25,
};

/** Age in years; months become fractional years (the calculators floor where a reference counts whole years). */
export function convertAge(value: number, unit: string): number {
  const f = YEARS[normalizeUnit(unit)];
  if (f === undefined) throw new UnitError('age', unit, 'years');
  return value * f;
}

/**
 * A cell count per µL (= per mm³). The data gives counts "per µL", "per L" (×10⁹/L written out) or
 * "m^3", which in MedCalc-Bench means mm³ (WBC [14700.0, 'm^3'] is 14,700/mm³, not per cubic metre).
 * Some "L" values are mis-scaled upstream (platelets [13700.0, 'L']); plausibility is the caller's call.
 */
export function convertCount(value: number, unit: string): number {
  const u = normalizeUnit(unit);
  if (u === 'µl' || u === 'mm^3' || u === 'mm3' || u === '/µl' || u === 'cells/µl') return value;
  if (u === 'l' || u === '/l') return value / 1e6;
  if (u === 'm^3' || u === 'm3') return value;
  if (u === 'ml') return value / 1000;
  throw new UnitError('count', unit, 'µL');
}

/** Pressures: the data writes mm hg, mm Hg, mmhg; kPa appears in some notes. */
export function convertPressure(value: number, unit: string): number {
  const u = normalizeUnit(unit).replace(/\s/g, '');
  if (u === 'mmhg' || u === 'torr') return value;
  if (u === 'kpa') return value * 7.50062;
  throw new UnitError('pressure', unit, 'mm Hg');
}

/** Rates per minute: 'beats per minute', 'bpm', 'breaths per minute', '/min'. */
export function convertRate(value: number, unit: string): number {
  const u = normalizeUnit(unit);
  if (/per minute|^bpm$|\/min$|^breaths\/min$/.test(u)) return value;
  throw new UnitError('rate', unit, 'per minute');
}

/** Time intervals in milliseconds ('msec', 'ms', 's'). */
export function convertInterval(value: number, unit: string): number {
  const u = normalizeUnit(unit);
  if (u === 'msec' || u === 'ms' || u === 'milliseconds') return value;
  if (u === 's' || u === 'sec' || u === 'seconds') return value * 1000;
  throw new UnitError('interval', unit, 'msec');
}

const DRUG_GRAMS: Record<string, number> = { kg: 1000, g: 1, mg: 0.001, µg: 1e-6, mcg: 1e-6, ug: 1e-6 };

function drugMassUnit(unit: string): string {
  return unit.trim().toLowerCase().replace('μ', 'µ');
}

/**
 * A drug mass in mg or µg. Under `medcalc-v1.0` as its unit converter did: the same unit passes through,
 * any other is multiplied by a rounded factor and rounded. An unknown unit is recorded as unusable.
 */
export function convertDrugMass(
  inputs: Inputs,
  key: string,
  value: number,
  unit: string,
  target: 'mg' | 'µg',
): number | undefined {
  const from = DRUG_GRAMS[drugMassUnit(unit)];
  if (from === undefined) {
    inputs.missing.push(`${key} (unit '${unit}' not convertible to ${target})`);
    return undefined;
  }
  if (drugMassUnit(unit) === target) return value;
  const factor = from / DRUG_GRAMS[target];
  if (inputs.isV1)
    return inputs.step(
      `${key}: ${value} ${unit} × ${roundV1(factor)} ${target}/${unit}, rounded as v1.0 did`,
      { value, unit },
      roundV1(value * roundV1(factor)),
    );
  return inputs.step(`${key}: ${value} ${unit} → ${target}`, { value, unit }, value * factor);
}

/**
 * The habits of the code that made the MedCalc-Bench v1.0 labels, reproduced for the `medcalc-v1.0`
 * convention: its rounding, its unit conversions (`unit_converter_new`, `convert_temperature`, the
 * weight, height and age helpers) and its Python truthiness. Each quirk cites the upstream file and
 * lines it reproduces, in ncbi-nlp/MedCalc-Bench at commit f557a04eed9dd1182f7045ca60c3e066e5eb19af
 * (2024-11-22, the last commit before the 2025 "updated calculators", whose rounding is 5 decimals).
 * docs/conformance.md says which of these could be re-run against the labels and which are inferred.
 *
 * The v1.0 converter rounded (roundV1: 3 decimals, or 3 significant figures) every factor and every
 * product: a concentration went mass unit first (µmol → mol → g → mg, or mEq → mmol by valence), then
 * volume unit. Molar values lose most of their digits on the way (2.3 mmol/L calcium → 0.002 mol →
 * 8.0 mg/dL), and the labels carry those losses, so a reproduction must round exactly where it did.
 */
import type { EntityValue } from '../../label/types.js';
import { pythonRound } from '../../numeric/python-round.js';
import type { CalcResult } from '../types.js';
import type { Inputs } from './inputs.js';

/** The upstream commit every v1.0 citation in the calculators refers to (ncbi-nlp/MedCalc-Bench, 2024-11-22). */
export const V1_SOURCE_COMMIT = 'f557a04eed9dd1182f7045ca60c3e066e5eb19af';

/**
 * The v1.0 label code's rounding (rounding.py:3-11, `round_number`): values above 0.001 (signed, so every negative
 * result takes the other
 * branch, as the original did) to 3 decimals, others to 3 significant figures, both with Python's
 * round() (ties to even on the exact binary value). Applied under `medcalc-v1.0`, also to conversions.
 */
export function roundV1(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (x > 0.001) return roundTo3Decimals(x);
  const decimals = -Math.floor(Math.log10(Math.abs(x))) + 2;
  return decimals >= 0 ? pythonRound(x, decimals) : Number(x.toPrecision(3));
}

/**
 * Python's round(x, 3). Away from a tie, x · 1000 is off the exact product by at most half an ulp, which
 * cannot move it across the nearest .5, so Math.round gives Python's integer and the division by 1000
 * gives the same double as Python's (the one nearest to that decimal). Near a tie, or for magnitudes
 * where an ulp reaches the margin, the exact decimal expansion decides (pythonRound). The audit rounds
 * hundreds of thousands of intermediates, and pythonRound's exact expansion is the slow part.
 */
function roundTo3Decimals(x: number): number {
  const scaled = x * 1000;
  if (Math.abs(scaled) < 1e12 && Math.abs((scaled % 1) - 0.5) > 1e-6) return Math.round(scaled) / 1000;
  return pythonRound(x, 3);
}

/** Rounds as the v1.0 code rounded every intermediate under `medcalc-v1.0`; the identity under `reference`. */
export function roundIfV1(inputs: Inputs, x: number): number {
  return inputs.isV1 ? roundV1(x) : x;
}

/**
 * A decimal result: unrounded under `reference`; rounded as the v1.0 code did, as a step of its own, under
 * `medcalc-v1.0`.
 */
export function decimalResult(inputs: Inputs, value: number): CalcResult {
  if (!inputs.isV1) return inputs.result('decimal', value);
  return inputs.result('decimal', inputs.step('rounded as v1.0 did (3 decimals)', { value }, roundV1(value)));
}

/**
 * Whole years as the v1.0 `age_conversion` computed them (age_conversion.py:1-20): a unit containing
 * "year" as given, "months" as ⌊months / 12⌋, "weeks" as ⌊weeks / 52⌋, "days" as 0. Undefined for any
 * other unit (the original returned None there).
 */
export function v1AgeYears(value: number, unit: string): number | undefined {
  if (unit.includes('year')) return value;
  if (unit.includes('month')) return Math.floor(value / 12);
  if (unit.includes('week')) return Math.floor(value / 52);
  if (unit.includes('day')) return 0;
  return undefined;
}

/**
 * A weight in kg as the v1.0 `weight_conversion_explanation` returned it (weight_conversion.py:3-15):
 * 'lbs' × 0.453592 rounded, 'g' ÷ 1000 unrounded, anything else taken as kg as it stands.
 */
export function v1WeightKg(value: number, unit: string): { kg: number; how?: string } {
  if (unit === 'lbs')
    return { kg: roundV1(value * 0.453592), how: `${value} lbs × 0.453592 kg/lb, rounded as v1.0 did` };
  if (unit === 'g') return { kg: value / 1000, how: `${value} g ÷ 1000` };
  return { kg: value };
}

/**
 * The v1.0 height conversions (height_conversion.py:3-80): each target unit multiplies by its own
 * (sometimes inexact: 0.393701 in/cm) factor and rounds the result, except when the unit is already the
 * target.
 */
export const V1_HEIGHT_FACTORS: Readonly<Record<'m' | 'cm' | 'in', Readonly<Record<string, number>>>> = {
  m: { m: 1, cm: 0.01, ft: 0.3048, in: 0.0254 },
  cm: { m: 100, cm: 1, ft: 30.48, in: 2.54 },
  in: { m: 39.3701, cm: 0.393701, ft: 12, in: 1 },
};

/** Python truthiness of an entity value, as the v1.0 code tested flags (a non-empty string is true). */
export function pyTruthy(v: EntityValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** The molar mass and valence one v1.0 calculator passed to its converter (null where it passed None). */
export interface V1Analyte {
  molarMass: number | null;
  valence: number | null;
}

/**
 * What the v1.0 calculators passed for each analyte. Some differ from units.ts (MOLAR_MASS), and some
 * differ between calculators; each such case is its own entry, so the defect is named where it is used.
 */
export const V1_ANALYTE = {
  sodium: { molarMass: 22.99, valence: 1 },
  chloride: { molarMass: 35.45, valence: 1 },
  bicarbonate: { molarMass: 61.02, valence: 1 },
  creatinine: { molarMass: 113.12, valence: null },
  glucose: { molarMass: 180.16, valence: null },
  bun: { molarMass: 28.02, valence: null },
  /** Glasgow-Blatchford passed 28.08 for BUN. */
  bunGlasgowBlatchford: { molarMass: 28.08, valence: null },
  calcium: { molarMass: 40.08, valence: 2 },
  albumin: { molarMass: 66_500, valence: null },
  bilirubin: { molarMass: 584.66, valence: null },
  /** Child-Pugh passed 548.66 for bilirubin (the digits of 584.66 swapped). */
  bilirubinChildPugh: { molarMass: 548.66, valence: null },
  hemoglobin: { molarMass: 64_500, valence: null },
  /** LDL passed 386.654 for total and HDL cholesterol; Framingham passed 386.65. */
  cholesterol: { molarMass: 386.654, valence: null },
  cholesterolFramingham: { molarMass: 386.65, valence: null },
  /** LDL passed 861.338 for triglycerides (885.7 is triolein's). */
  triglycerides: { molarMass: 861.338, valence: null },
  /** MELD Na (bilirubin) and the albumin-corrected gaps (albumin) passed no molar mass: only g ↔ g converts. */
  none: { molarMass: null, valence: null },
} as const satisfies Record<string, V1Analyte>;

// The converter's own tables (unit_converter_new.py:3-13 and 35-47; 'pmol' was 1e-9 there, no data row uses it).
const MOLES: Record<string, number> = { mol: 1, mmol: 0.001, µmol: 0.000001, pmol: 0.000000001 };
const GRAMS: Record<string, number> = { kg: 1000, g: 1, mg: 0.001, µg: 0.000001 };
/** Litres per volume unit, as the v1.0 converters had them ('m^3' is a cubic metre there). */
const V1_LITRES: Readonly<Record<string, number>> = {
  L: 1,
  dL: 0.1,
  mL: 0.001,
  µL: 0.000001,
  'mm^3': 0.000001,
  'cm^3': 0.001,
  'm^3': 1000,
};

class Unconvertible extends Error {}

function factor(table: Record<string, number>, unit: string): number {
  const f = table[unit];
  if (f === undefined) throw new Unconvertible(unit);
  return f;
}

/** A prefix change inside moles or inside grams: the factor rounded, then the product. */
function rescale(value: number, from: string, to: string): number {
  if (from === to) return value;
  const table = from.includes('mol') && to.includes('mol') ? MOLES : GRAMS;
  return roundV1(value * roundV1(factor(table, from) / factor(table, to)));
}

function molarMassOf(a: V1Analyte): number {
  if (a.molarMass === null) throw new Unconvertible('no molar mass');
  return a.molarMass;
}

function v1Valence(a: V1Analyte): number {
  if (a.valence === null) throw new Unconvertible('no valence');
  return a.valence;
}

/** The converter's unit test: a substring, so 'mmol' has 'mol' and 'mg' has 'g' ('mEq' has neither). */
function has(unit: string, part: string): boolean {
  return unit.includes(part);
}

/**
 * The mass step (mol, g or mEq), through whole moles and grams, rounding each intermediate
 * (unit_converter_new.py:32-136).
 */
function v1MassStep(value: number, from: string, to: string, a: V1Analyte): number {
  if ((has(from, 'g') && has(to, 'g')) || (has(from, 'mol') && has(to, 'mol'))) return rescale(value, from, to);
  if (has(from, 'mol') && has(to, 'g')) return rescale(roundV1(rescale(value, from, 'mol') * molarMassOf(a)), 'g', to);
  if (has(from, 'g') && has(to, 'mol')) return rescale(roundV1(rescale(value, from, 'g') / molarMassOf(a)), 'mol', to);
  if (has(from, 'mol') && has(to, 'mEq')) return roundV1(rescale(value, from, 'mmol') * v1Valence(a));
  if (has(from, 'mEq') && has(to, 'mol')) return rescale(roundV1(value / v1Valence(a)), 'mmol', to);
  if (has(from, 'mEq') && has(to, 'g'))
    return v1MassStep(rescale(roundV1(value / v1Valence(a)), 'mmol', 'mol'), 'mol', to, a);
  if (has(from, 'g') && has(to, 'mEq')) return roundV1(v1MassStep(value, from, 'mmol', a) * v1Valence(a));
  throw new Unconvertible(`${from} → ${to}`);
}

/**
 * A concentration converted as the v1.0 code did: mass unit, then volume unit, rounding after every
 * step. Undefined for a unit it could not convert either (no molar mass or valence given, unknown unit).
 */
export function v1ConvertConcentration(
  value: number,
  unit: string,
  target: string,
  analyte: V1Analyte,
): number | undefined {
  const from = massPerVolume(unit);
  const to = massPerVolume(target);
  if (!from || !to) return undefined;
  const [fromMass, fromVolume] = from;
  const [toMass, toVolume] = to;
  if (fromMass === toMass && fromVolume === toVolume) return value;
  try {
    const mass = fromMass === toMass ? value : v1MassStep(value, fromMass, toMass, analyte);
    if (fromVolume === toVolume) return roundV1(mass);
    return roundV1(mass / roundV1(factor(V1_LITRES, fromVolume) / factor(V1_LITRES, toVolume)));
  } catch (error) {
    if (error instanceof Unconvertible) return undefined;
    throw error;
  }
}

const parsedUnits = new Map<string, readonly [string, string] | null>();

/** 'mg/dL' as ['mg', 'dL'] (the converter's split), or null when the unit is not mass/volume; memoized. */
function massPerVolume(unit: string): readonly [string, string] | null {
  let parsed = parsedUnits.get(unit);
  if (parsed === undefined) {
    const parts = unit.trim().replace('μ', 'µ').split('/');
    parsed = parts.length === 2 ? [parts[0], parts[1]] : null;
    if (parsedUnits.size < 10_000) parsedUnits.set(unit, parsed);
  }
  return parsed;
}

/**
 * A count per volume unit converted to per `target` (v1.0: rounded factor, rounded product); undefined for an unknown
 * unit.
 */
export function v1ConvertCount(value: number, unit: string, target: string): number | undefined {
  if (unit === target) return value;
  const from = V1_LITRES[unit];
  const to = V1_LITRES[target];
  if (from === undefined || to === undefined) return undefined;
  return roundV1(value * roundV1(to / from));
}

/**
 * v1.0 temperature: only the exact unit 'degrees celsius' is Celsius; anything else is °F, converted and rounded
 * (convert_temperature.py:3-8).
 */
export function v1TemperatureC(value: number, unit: string): number {
  if (unit === 'degrees celsius') return value;
  return roundV1(((value - 32) * 5) / 9);
}

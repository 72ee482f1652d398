/**
 * The unit conversions of the code that made the MedCalc-Bench v1.0 labels (its `unit_converter_new`,
 * `convert_temperature` and count converters), reproduced for the `medcalc-v1.0` convention, and the
 * concentration reader that picks units.ts or this converter by convention.
 *
 * The v1.0 converter rounded (roundV1: 3 decimals, or 3 significant figures) every factor and every
 * product: a concentration went mass unit first (µmol → mol → g → mg, or mEq → mmol by valence), then
 * volume unit. Molar values lose most of their digits on the way (2.3 mmol/L calcium → 0.002 mol →
 * 8.0 mg/dL), and the labels carry those losses, so a reproduction must round exactly where it did.
 */
import { type Inputs, roundV1 } from './inputs.js';
import type { Analyte } from './units.js';

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

// The converter's own tables ('pmol' was 1e-9 there; no data row uses it).
const MOLES: Record<string, number> = { mol: 1, mmol: 0.001, µmol: 0.000001, pmol: 0.000000001 };
const GRAMS: Record<string, number> = { kg: 1000, g: 1, mg: 0.001, µg: 0.000001 };
/** Litres per volume unit, as the v1.0 converters had them ('m^3' is a cubic metre there). */
const V1_LITRES: Readonly<Record<string, number>> = { L: 1, dL: 0.1, mL: 0.001, µL: 0.000001, 'mm^3': 0.000001, 'cm^3': 0.001, 'm^3': 1000 };

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

function valenceOf(a: V1Analyte): number {
  if (a.valence === null) throw new Unconvertible('no valence');
  return a.valence;
}

/** The converter's unit test: a substring, so 'mmol' has 'mol' and 'mg' has 'g' ('mEq' has neither). */
function has(unit: string, part: string): boolean {
  return unit.includes(part);
}

/** The mass step (mol, g or mEq), through whole moles and grams, rounding each intermediate. */
function convertMass(value: number, from: string, to: string, a: V1Analyte): number {
  if ((has(from, 'g') && has(to, 'g')) || (has(from, 'mol') && has(to, 'mol'))) return rescale(value, from, to);
  if (has(from, 'mol') && has(to, 'g')) return rescale(roundV1(rescale(value, from, 'mol') * molarMassOf(a)), 'g', to);
  if (has(from, 'g') && has(to, 'mol')) return rescale(roundV1(rescale(value, from, 'g') / molarMassOf(a)), 'mol', to);
  if (has(from, 'mol') && has(to, 'mEq')) return roundV1(rescale(value, from, 'mmol') * valenceOf(a));
  if (has(from, 'mEq') && has(to, 'mol')) return rescale(roundV1(value / valenceOf(a)), 'mmol', to);
  if (has(from, 'mEq') && has(to, 'g')) return convertMass(rescale(roundV1(value / valenceOf(a)), 'mmol', 'mol'), 'mol', to, a);
  if (has(from, 'g') && has(to, 'mEq')) return roundV1(convertMass(value, from, 'mmol', a) * valenceOf(a));
  throw new Unconvertible(`${from} → ${to}`);
}

/**
 * A concentration converted as the v1.0 code did: mass unit, then volume unit, rounding after every
 * step. Undefined for a unit it could not convert either (no molar mass or valence given, unknown unit).
 */
export function v1ConvertConcentration(value: number, unit: string, target: string, analyte: V1Analyte): number | undefined {
  const from = massPerVolume(unit);
  const to = massPerVolume(target);
  if (!from || !to) return undefined;
  const [fromMass, fromVolume] = from;
  const [toMass, toVolume] = to;
  if (fromMass === toMass && fromVolume === toVolume) return value;
  try {
    const mass = fromMass === toMass ? value : convertMass(value, fromMass, toMass, analyte);
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

/** A count per volume unit converted to per `target` (v1.0: rounded factor, rounded product); undefined for an unknown unit. */
export function v1ConvertCount(value: number, unit: string, target: string): number | undefined {
  if (unit === target) return value;
  const from = V1_LITRES[unit];
  const to = V1_LITRES[target];
  if (from === undefined || to === undefined) return undefined;
  return roundV1(value * roundV1(to / from));
}

/** v1.0 temperature: only the exact unit 'degrees celsius' is Celsius; anything else is °F, converted and rounded. */
export function v1TemperatureC(value: number, unit: string): number {
  if (unit === 'degrees celsius') return value;
  return roundV1(((value - 32) * 5) / 9);
}

/** Rounds as the v1.0 code rounded every intermediate under `medcalc-v1.0`; the identity under `reference`. */
export function v1Round(inputs: Inputs, x: number): number {
  return inputs.isV1 ? roundV1(x) : x;
}

export interface ConcentrationSpec {
  /** For `reference`: the analyte whose molar mass and valence (units.ts) convert mass ↔ molar ↔ mEq. */
  analyte?: Analyte;
  /** For `medcalc-v1.0`: what that calculator's v1.0 code passed to its converter. */
  v1: V1Analyte;
}

/**
 * A concentration in `target` under the inputs' convention: the exact conversion of units.ts under
 * `reference`, the v1.0 step-rounded one under `medcalc-v1.0`. The conversion is a trace step; an absent
 * value or an unconvertible unit is recorded as missing.
 */
export function readConcentration(inputs: Inputs, key: string, target: string, spec: ConcentrationSpec, required = true): number | undefined {
  if (!inputs.isV1) return inputs.concentration(key, target, spec.analyte, required);
  const q = inputs.quantity(key, required);
  if (!q) return undefined;
  const out = v1ConvertConcentration(q[0], q[1], target, spec.v1);
  if (out === undefined) {
    inputs.missing.push(`${key} (unit '${q[1]}' not convertible to ${target} by the v1.0 code)`);
    return undefined;
  }
  if (q[1] !== target) {
    const given = [spec.v1.molarMass !== null && `molar mass ${spec.v1.molarMass}`, spec.v1.valence !== null && `valence ${spec.v1.valence}`].filter(Boolean).join(', ');
    inputs.step(`v1.0: ${key} ${q[0]} ${q[1]} → ${target}, rounded at each step (${given || 'no molar mass'})`, { value: q[0], unit: q[1] }, out);
  }
  return out;
}

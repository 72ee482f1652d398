/**
 * Unit conversions for the quantities MedCalc-Bench entities carry, including the data's own spellings
 * ('degrees fahreinheit', 'degrees celsisus', 'mm hg', 'mc/kg/min'). Every function throws UnitError
 * for a unit it does not know, so a calculator can report the input as unusable instead of guessing.
 * The readers at the end pick these exact conversions under `reference` and the v1.0 code's step-rounded
 * ones (v1-quirks.ts) under `medcalc-v1.0`.
 */
import type { Inputs } from './inputs.js';
import { type V1Analyte, v1ConvertConcentration } from './v1-quirks.js';

export class UnitError extends Error {
  readonly code = 'UNKNOWN_UNIT';
  constructor(
    readonly quantity: string,
    readonly unit: string,
    readonly target: string,
  ) {
    super(`cannot convert ${quantity} from '${unit}' to '${target}'`);
  }
}

/** Molar masses (g/mol) of the analytes the calculators convert between mass and molar concentration. */
export const MOLAR_MASS = {
  creatinine: 113.12,
  /** BUN is reported as urea nitrogen: two nitrogen atoms per urea molecule, 2 × 14.007. */
  bun: 28.014,
  urea: 60.06,
  glucose: 180.16,
  cholesterol: 386.65,
  triglycerides: 885.7,
  calcium: 40.078,
  bilirubin: 584.66,
  sodium: 22.99,
  potassium: 39.098,
  chloride: 35.45,
  bicarbonate: 61.017,
  albumin: 66_500,
  magnesium: 24.305,
  phosphate: 30.974,
  lactate: 90.08,
} as const;

export type Analyte = keyof typeof MOLAR_MASS;

/** Valence for mEq ↔ mmol. */
const VALENCE: Partial<Record<Analyte, number>> = { calcium: 2, magnesium: 2 };

// The data has a few dozen unit spellings; the audit normalizes them millions of times.
const normalized = new Map<string, string>();

/** A unit as the conversions look it up: trimmed, lower case, one space, µ for μ and a leading u. */
export function normalizeUnit(unit: string): string {
  let out = normalized.get(unit);
  if (out === undefined) {
    out = unit
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace('μ', 'µ')
      .replace(/^u(?=[a-z])/, 'µ');
    if (normalized.size < 10_000) normalized.set(unit, out);
  }
  return out;
}

const MASS_PER_DL: Record<string, number> = {
  // factor to mg/dL
  'mg/dl': 1,
  'g/dl': 1000,
  'g/l': 100,
  'mg/l': 0.1,
  'µg/dl': 0.001,
  'mcg/dl': 0.001,
  'µg/ml': 0.1,
  'mcg/ml': 0.1,
  'ng/ml': 0.0001,
  'mg/ml': 100,
};

/** Powers of ten to mmol/L, so a prefix change multiplies or divides by an exact power of ten. */
const MOLAR_EXPONENT: Record<string, number> = {
  'mol/l': 3,
  'mmol/l': 0,
  'µmol/l': -3,
  'umol/l': -3,
  'nmol/l': -6,
};

/**
 * A concentration in `target` (a mass unit like 'mg/dL' or 'g/dL', a molar unit like 'mmol/L' or
 * 'µmol/L', or 'mEq/L'). Mass ↔ molar uses the analyte's molar mass; molar ↔ mEq uses its valence
 * directly, with no mass round trip, so 110 mEq/L sodium is exactly 110 mmol/L.
 */
export function convertConcentration(value: number, unit: string, target: string, analyte?: Analyte): number {
  const from = normalizeUnit(unit);
  const to = normalizeUnit(target);
  if (from === to) return value;
  const out =
    isAmount(from) && isAmount(to)
      ? convertAmount(value, from, to, analyte)
      : convertThroughMass(value, from, to, analyte);
  if (out === undefined) throw new UnitError(analyte ?? 'concentration', unit, target);
  return out;
}

/** An amount-of-substance unit: molar or equivalents. */
function isAmount(unit: string): boolean {
  return unit in MOLAR_EXPONENT || unit === 'meq/l';
}

function valenceOf(analyte?: Analyte): number {
  return analyte ? (VALENCE[analyte] ?? 1) : 1;
}

/** Scales by 10^exponent with one exact operation (10^k is exact; 10^−k is not). */
function timesPowerOfTen(value: number, exponent: number): number {
  return exponent >= 0 ? value * 10 ** exponent : value / 10 ** -exponent;
}

function toMmolPerL(value: number, unit: string, analyte?: Analyte): number | undefined {
  if (unit in MOLAR_EXPONENT) return timesPowerOfTen(value, MOLAR_EXPONENT[unit]);
  // mEq needs the analyte's valence; without an analyte it is unknown.
  if (unit === 'meq/l' && analyte) return value / valenceOf(analyte);
  return undefined;
}

function fromMmolPerL(mmol: number, unit: string, analyte?: Analyte): number | undefined {
  if (unit in MOLAR_EXPONENT) return timesPowerOfTen(mmol, -MOLAR_EXPONENT[unit]);
  if (unit === 'meq/l' && analyte) return mmol * valenceOf(analyte);
  return undefined;
}

/** Molar ↔ molar ↔ mEq: by prefix and valence only, no molar mass. */
function convertAmount(value: number, from: string, to: string, analyte?: Analyte): number | undefined {
  const mmol = toMmolPerL(value, from, analyte);
  return mmol === undefined ? undefined : fromMmolPerL(mmol, to, analyte);
}

/** Anything involving a mass unit: through mg/dL, with the analyte's molar mass for molar units. */
function convertThroughMass(value: number, from: string, to: string, analyte?: Analyte): number | undefined {
  const mg = toMgPerDl(value, from, analyte);
  return mg === undefined ? undefined : fromMgPerDl(mg, to, analyte);
}

function toMgPerDl(value: number, unit: string, analyte?: Analyte): number | undefined {
  if (unit in MASS_PER_DL) return value * MASS_PER_DL[unit];
  const mmol = toMmolPerL(value, unit, analyte);
  if (mmol === undefined || !analyte) return undefined;
  // mmol/L × g/mol = mg/L; ÷ 10 = mg/dL
  return (mmol * MOLAR_MASS[analyte]) / 10;
}

function fromMgPerDl(mg: number, unit: string, analyte?: Analyte): number | undefined {
  if (unit in MASS_PER_DL) return mg / MASS_PER_DL[unit];
  if (!analyte) return undefined;
  return fromMmolPerL((mg * 10) / MOLAR_MASS[analyte], unit, analyte);
}

export interface ConcentrationSpec {
  /** For `reference`: the analyte whose molar mass and valence (MOLAR_MASS above) convert mass ↔ molar ↔ mEq. */
  analyte?: Analyte;
  /** For `medcalc-v1.0`: what that calculator's v1.0 code passed to its converter. */
  v1: V1Analyte;
}

/**
 * A concentration in `target` under the inputs' convention: the exact conversion of units.ts under
 * `reference`, the v1.0 step-rounded one under `medcalc-v1.0`. The conversion is a trace step; an absent
 * value or an unconvertible unit is recorded as missing.
 */
export function readConcentration(
  inputs: Inputs,
  key: string,
  target: string,
  spec: ConcentrationSpec,
  required = true,
): number | undefined {
  if (!inputs.isV1) return inputs.concentration(key, target, spec.analyte, required);
  const q = inputs.quantity(key, required);
  if (!q) return undefined;
  const out = v1ConvertConcentration(q[0], q[1], target, spec.v1);
  if (out === undefined) {
    inputs.missing.push(`${key} (unit '${q[1]}' not convertible to ${target} by the v1.0 code)`);
    return undefined;
  }
  if (q[1] !== target) {
    const given = [
      spec.v1.molarMass !== null && `molar mass ${spec.v1.molarMass}`,
      spec.v1.valence !== null && `valence ${spec.v1.valence}`,
    ]
      .filter(Boolean)
      .join(', ');
    inputs.step(
      `v1.0: ${key} ${q[0]} ${q[1]} → ${target}, rounded at each step (${given || 'no molar mass'})`,
      { value: q[0], unit: q[1] },
      out,
    );
  }
  return out;
}

/** Grams per unit of a drug mass; 'µ' (micro sign), 'μ' (Greek mu) and 'mc' all mean micro. */

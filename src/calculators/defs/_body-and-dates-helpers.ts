/**
 * Shared pieces of the body-and-dates calculators: the v1.0 label code's height, weight and drug-mass
 * conversions, body measures read under either convention, calendar dates in UTC, and the QTc family.
 */
import { defineCalculator, entities, shape } from '../define.js';
import { type Inputs, roundV1 } from '../inputs.js';
import type { CalcResult, CalculatorDefinition } from '../types.js';

// ---------------------------------------------------------------------------------------------------
// v1.0 rounding

/** A decimal result: unrounded under `reference`; rounded as the v1.0 code did, as a step of its own, under `medcalc-v1.0`. */
export function decimalResult(inputs: Inputs, value: number): CalcResult {
  if (!inputs.isV1) return inputs.result('decimal', value);
  return inputs.result('decimal', inputs.step('rounded as v1.0 did (3 decimals)', { value }, roundV1(value)));
}

// ---------------------------------------------------------------------------------------------------
// Body measures

/** Height as [number, unit] or the v1.0 code's feet-and-inches form [5, 'ft', 2.5, 'in']. */
export const heightShape = {
  anyOf: [
    shape.quantity,
    {
      type: 'array',
      prefixItems: [{ type: 'number' }, { const: 'ft' }, { type: 'number' }, { const: 'in' }],
      minItems: 4,
      maxItems: 4,
    },
  ],
} as const;

type HeightUnit = 'm' | 'cm' | 'in';

/** Exact factors to metres for the units the data writes. */
const METRES: Record<string, number> = { m: 1, cm: 0.01, mm: 0.001, in: 0.0254, inch: 0.0254, inches: 0.0254, ft: 0.3048, feet: 0.3048 };

/**
 * The v1.0 code's height conversions: each one multiplies by its own (sometimes inexact: 0.393701 in/cm)
 * factor and rounds the result, except when the unit is already the target.
 */
const V1_HEIGHT: Record<HeightUnit, Record<string, number>> = {
  m: { m: 1, cm: 0.01, ft: 0.3048, in: 0.0254 },
  cm: { m: 100, cm: 1, ft: 30.48, in: 2.54 },
  in: { m: 39.3701, cm: 0.393701, ft: 12, in: 1 },
};

/** The raw height as [value, unit], folding [ft, 'ft', in, 'in'] into inches; records it missing if absent. */
function rawHeight(inputs: Inputs, key: string): [number, string] | undefined {
  const v = inputs.raw(key);
  if (Array.isArray(v) && v.length === 4 && typeof v[0] === 'number' && v[1] === 'ft' && typeof v[2] === 'number' && v[3] === 'in') {
    return inputs.step(`${key}: ${v[0]} ft ${v[2]} in = ${v[0]}·12 + ${v[2]} in`, { feet: v[0], inches: v[2] }, [v[0] * 12 + v[2], 'in']);
  }
  return inputs.quantity(key);
}

function unusable(inputs: Inputs, key: string, why: string): undefined {
  inputs.missing.push(`${key} (${why})`);
  return undefined;
}

/**
 * A height in m, cm or in. Under `reference` with exact factors (1 in = 2.54 cm); under `medcalc-v1.0`
 * with the original code's factors, rounded with round_number, as its labels did.
 */
export function readHeight(inputs: Inputs, target: HeightUnit, key = 'height'): number | undefined {
  const q = rawHeight(inputs, key);
  if (!q) return undefined;
  const [value, rawUnit] = q;
  const unit = rawUnit.trim().toLowerCase();
  if (!(value > 0)) return unusable(inputs, key, 'not a positive length');
  if (inputs.isV1) {
    const factor = V1_HEIGHT[target][unit];
    if (factor === undefined) return unusable(inputs, key, `unit '${rawUnit}' not convertible to ${target}`);
    if (unit === target) return value;
    return inputs.step(`${key}: ${value} ${rawUnit} × ${factor} ${target}/${unit}, rounded as v1.0 did`, { value, unit: rawUnit }, roundV1(value * factor));
  }
  const from = METRES[unit];
  if (from === undefined) return unusable(inputs, key, `unit '${rawUnit}' not convertible to ${target}`);
  if (unit === target) return value;
  return inputs.step(`${key}: ${value} ${rawUnit} → ${target}`, { value, unit: rawUnit }, (value * from) / METRES[target]);
}

/**
 * A weight in kg. Under `medcalc-v1.0`: lbs × 0.453592 rounded, g ÷ 1000 unrounded (the v1.0 code's
 * weight_conversion_explanation returned it so), kg as is.
 */
export function readWeightKg(inputs: Inputs, key = 'weight'): number | undefined {
  if (!inputs.isV1) {
    const kg = inputs.weightKg(key);
    if (kg !== undefined && !(kg > 0)) return unusable(inputs, key, 'not a positive weight');
    return kg;
  }
  const q = inputs.quantity(key);
  if (!q) return undefined;
  const [value, unit] = q;
  if (!(value > 0)) return unusable(inputs, key, 'not a positive weight');
  if (unit === 'kg') return value;
  if (unit === 'lbs' || unit === 'lb') return inputs.step(`${key}: ${value} lbs × 0.453592 kg/lb, rounded as v1.0 did`, { value, unit }, roundV1(value * 0.453592));
  if (unit === 'g') return inputs.step(`${key}: ${value} g ÷ 1000`, { value, unit }, value / 1000);
  return unusable(inputs, key, `unit '${unit}' not convertible to kg`);
}

/**
 * Devine's ideal body weight (Devine BJ, Drug Intell Clin Pharm 1974;8:650): 50 kg (men) or 45.5 kg
 * (women) + 2.3 kg per inch over 5 ft. Used by Ideal Body Weight (10) and Adjusted Body Weight (62).
 * Under `medcalc-v1.0` the result is rounded, as the original code did before reusing it.
 */
export function devineIdealWeightKg(inputs: Inputs): number | undefined {
  const sex = inputs.text('sex');
  const inches = readHeight(inputs, 'in');
  const male = /^\s*male\s*$/i.test(sex ?? '');
  if (sex !== undefined && !male && !/^\s*female\s*$/i.test(sex)) unusable(inputs, 'sex', `'${sex}' is neither Male nor Female`);
  if (inputs.incomplete || sex === undefined || inches === undefined) return undefined;
  const base = male ? 50 : 45.5;
  const ibw = inputs.step(`IBW (Devine) = ${base} kg + 2.3 kg × (height in inches − 60)`, { sex, heightIn: inches }, base + 2.3 * (inches - 60));
  return inputs.isV1 ? inputs.step('IBW rounded as v1.0 did (3 decimals)', { ibw }, roundV1(ibw)) : ibw;
}

// ---------------------------------------------------------------------------------------------------
// Drug masses

/** Grams per unit; 'µ' (micro sign), 'μ' (Greek mu) and 'mc' all mean micro. */
const GRAMS: Record<string, number> = { kg: 1000, g: 1, mg: 0.001, µg: 1e-6, mcg: 1e-6, ug: 1e-6 };

function massUnit(unit: string): string {
  return unit.trim().toLowerCase().replace('μ', 'µ');
}

/**
 * A drug mass in mg or µg. Under `medcalc-v1.0` as its unit converter did: the same unit passes through,
 * any other is multiplied by a rounded factor and rounded.
 */
export function convertMass(inputs: Inputs, key: string, value: number, unit: string, target: 'mg' | 'µg'): number | undefined {
  const from = GRAMS[massUnit(unit)];
  if (from === undefined) return unusable(inputs, key, `unit '${unit}' not convertible to ${target}`);
  if (massUnit(unit) === target) return value;
  const factor = from / GRAMS[target];
  if (inputs.isV1) return inputs.step(`${key}: ${value} ${unit} × ${roundV1(factor)} ${target}/${unit}, rounded as v1.0 did`, { value, unit }, roundV1(value * roundV1(factor)));
  return inputs.step(`${key}: ${value} ${unit} → ${target}`, { value, unit }, value * factor);
}

// ---------------------------------------------------------------------------------------------------
// Calendar dates (UTC, whole days: no local time zone can shift a date)

const DAY_MS = 86_400_000;

/** An 'MM/DD/YYYY' date (one-digit month or day accepted) as whole days since 1970-01-01, or undefined. */
export function parseUsDate(text: string): number | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC rolls 02/30 over into March; a date that does not round-trip does not exist.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

/** Whole days since 1970-01-01 as 'MM/DD/YYYY', zero-padded. */
export function formatUsDate(days: number): string {
  const d = new Date(days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${String(d.getUTCFullYear()).padStart(4, '0')}`;
}

/** A date entity as days since 1970-01-01; an absent or unparsable date is recorded as missing. */
export function readDate(inputs: Inputs, key: string): number | undefined {
  const text = inputs.text(key);
  if (text === undefined) return undefined;
  const days = parseUsDate(text);
  if (days === undefined) return unusable(inputs, key, `'${text}' is not a date MM/DD/YYYY`);
  return days;
}

/** The menstrual cycle length in days; absent means the 28-day cycle Naegele's rule assumes. */
export function readCycleLength(inputs: Inputs): number | undefined {
  const cycle = inputs.number('cycle length', false);
  if (cycle === undefined) return inputs.step('cycle length not given: assume the standard 28 days', undefined, 28);
  if (!Number.isInteger(cycle) || cycle <= 14) return unusable(inputs, 'cycle length', `${cycle} is not a whole number of days above 14`);
  return cycle;
}

export const datesSchema = {
  date: { ...shape.text, pattern: '^\\d{1,2}/\\d{1,2}/\\d{4}$' },
  cycle: { type: 'integer' },
} as const;

// ---------------------------------------------------------------------------------------------------
// QTc family

export interface QtcSpec {
  id: number;
  reference: string;
  /** The formula in words, for the trace. */
  formula: string;
  /** QTc (ms) from QT (ms), RR interval (s) and heart rate (/min). */
  correct(qtMs: number, rrSec: number, heartRate: number): number;
  /** The v1.0 code's variant, given its rounded RR; defaults to `correct` with the rounded RR. */
  v1?(qtMs: number, rrSecRounded: number, heartRate: number): number;
}

/** MedCalc-Bench v1.0 writes 'QT interval'; MedCalc-Bench Verified writes 'QT Interval'. */
const QT_KEYS = ['QT interval', 'QT Interval'] as const;

const qtcSchema = {
  ...entities({ 'Heart Rate or Pulse': shape.quantity, 'QT interval': shape.quantity, 'QT Interval': shape.quantity }, ['Heart Rate or Pulse']),
  // Ajv's strictRequired wants each alternative to declare the key it requires.
  anyOf: QT_KEYS.map((key) => ({ type: 'object', properties: { [key]: shape.quantity }, required: [key] })),
};

/**
 * A QT correction: reads heart rate and QT, derives RR = 60 / HR seconds and applies the formula.
 * Under `medcalc-v1.0` RR is rounded to 3 decimals first and the QTc rounded, as the original code did.
 */
export function defineQtc(spec: QtcSpec): CalculatorDefinition {
  return defineCalculator({
    id: spec.id,
    reference: spec.reference,
    entitySchema: qtcSchema,
    compute(inputs) {
      const qtKey = inputs.firstKey(QT_KEYS);
      // v1.0 used the bare numbers; the reference converts units ('s' → ms) where the data gives them.
      const heartRate = inputs.isV1 ? inputs.number('Heart Rate or Pulse') : inputs.ratePerMin('Heart Rate or Pulse');
      const qt = inputs.isV1 ? inputs.number(qtKey) : inputs.intervalMs(qtKey);
      if (heartRate !== undefined && !(heartRate > 0)) unusable(inputs, 'Heart Rate or Pulse', 'not a positive rate');
      if (qt !== undefined && !(qt > 0)) unusable(inputs, qtKey, 'not a positive interval');
      if (inputs.incomplete || heartRate === undefined || qt === undefined) return inputs.incomputable();
      let rr = inputs.step('RR interval = 60 / heart rate (s)', { heartRate }, 60 / heartRate);
      if (inputs.isV1) rr = inputs.step('RR rounded to 3 decimals, as v1.0 did', { rr }, roundV1(rr));
      const formula = inputs.isV1 ? (spec.v1 ?? spec.correct) : spec.correct;
      return decimalResult(inputs, inputs.step(spec.formula, { qtMs: qt, rrSec: rr, heartRate }, formula(qt, rr, heartRate)));
    },
  });
}

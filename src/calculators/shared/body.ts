/**
 * Body measures under either convention: age, sex, height, weight and Devine's ideal body weight. The
 * v1.0 variants are the upstream helpers' behaviour (v1-quirks.ts cites them); the reference variants
 * convert with exact factors (lab-units.ts).
 */
import { shape } from '../define.js';
import type { Inputs } from './inputs.js';
import { V1_HEIGHT_FACTORS, roundV1, v1AgeYears, v1TemperatureC, v1WeightKg } from './v1-quirks.js';

/** Records why an input that is present cannot be used, and returns undefined for the caller to pass on. */
export function unusable(inputs: Inputs, key: string, why: string): undefined {
  inputs.missing.push(`${key} (${why})`);
  return undefined;
}

export interface AgeOptions {
  /** The entity key (default 'age'). */
  key?: string;
  /**
   * Completed years for a score's age bands (a 74.9-year-old is 74, as the bands "65–74" mean); otherwise
   * fractional years for a formula (an 18-month-old is 1.5). Under `medcalc-v1.0` both are the original's
   * whole years.
   */
  completedYears?: boolean;
}

/** Age in years under the inputs' convention; an absent age or an unknown unit is recorded as missing. */
export function readAgeYears(
  inputs: Inputs,
  { key = 'age', completedYears = false }: AgeOptions = {},
): number | undefined {
  if (inputs.isV1) {
    const q = inputs.quantity(key);
    if (!q) return undefined;
    const [value, unit] = q;
    const years = v1AgeYears(value, unit);
    if (years === undefined) return unusable(inputs, key, `unit '${unit}' not convertible to years`);
    if (!unit.includes('year'))
      inputs.step(
        `v1.0: age in whole years from ${value} ${unit} (months // 12, weeks // 52, days → 0)`,
        { [unit]: value },
        years,
      );
    return years;
  }
  const years = inputs.ageYears(key);
  if (years === undefined || !completedYears) return years;
  return inputs.step('age in completed years', { years }, Math.floor(years));
}

/** Sex as the data writes it; anything but 'Female' / 'Male' is reported missing. */
export function readSex(inputs: Inputs): 'Male' | 'Female' | undefined {
  const sex = inputs.text('sex');
  if (sex === undefined) return undefined;
  if (sex === 'Male' || sex === 'Female') return sex;
  inputs.missing.push(`sex ('${sex}' is neither Male nor Female)`);
  return undefined;
}

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
const METRES: Record<string, number> = {
  m: 1,
  cm: 0.01,
  mm: 0.001,
  in: 0.0254,
  inch: 0.0254,
  inches: 0.0254,
  ft: 0.3048,
  feet: 0.3048,
};

/** The raw height as [value, unit], folding [ft, 'ft', in, 'in'] into inches; records it missing if absent. */
function rawHeight(inputs: Inputs, key: string): [number, string] | undefined {
  const v = inputs.raw(key);
  if (
    Array.isArray(v) &&
    v.length === 4 &&
    typeof v[0] === 'number' &&
    v[1] === 'ft' &&
    typeof v[2] === 'number' &&
    v[3] === 'in'
  ) {
    return inputs.step(`${key}: ${v[0]} ft ${v[2]} in = ${v[0]}·12 + ${v[2]} in`, { feet: v[0], inches: v[2] }, [
      v[0] * 12 + v[2],
      'in',
    ]);
  }
  return inputs.quantity(key);
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
    const factor = V1_HEIGHT_FACTORS[target][unit];
    if (factor === undefined) return unusable(inputs, key, `unit '${rawUnit}' not convertible to ${target}`);
    if (unit === target) return value;
    return inputs.step(
      `${key}: ${value} ${rawUnit} × ${factor} ${target}/${unit}, rounded as v1.0 did`,
      { value, unit: rawUnit },
      roundV1(value * factor),
    );
  }
  const from = METRES[unit];
  if (from === undefined) return unusable(inputs, key, `unit '${rawUnit}' not convertible to ${target}`);
  if (unit === target) return value;
  return inputs.step(
    `${key}: ${value} ${rawUnit} → ${target}`,
    { value, unit: rawUnit },
    (value * from) / METRES[target],
  );
}

/**
 * A weight in kg, which must be positive. Under `medcalc-v1.0` as the original's weight helper converted
 * it (v1WeightKg), under `reference` with exact factors.
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
  const { kg, how } = v1WeightKg(value, unit);
  return how ? inputs.step(`${key}: ${how}`, { value, unit }, kg) : kg;
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
  if (sex !== undefined && !male && !/^\s*female\s*$/i.test(sex))
    unusable(inputs, 'sex', `'${sex}' is neither Male nor Female`);
  if (inputs.incomplete || sex === undefined || inches === undefined) return undefined;
  const base = male ? 50 : 45.5;
  const ibw = inputs.step(
    `IBW (Devine) = ${base} kg + 2.3 kg × (height in inches − 60)`,
    { sex, heightIn: inches },
    base + 2.3 * (inches - 60),
  );
  return inputs.isV1 ? inputs.step('IBW rounded as v1.0 did (3 decimals)', { ibw }, roundV1(ibw)) : ibw;
}

/**
 * Temperature in °C. v1.0 took any unit other than exactly 'degrees celsius' as Fahrenheit and
 * rounded the converted value to 3 decimals.
 */
export function readCelsius(inputs: Inputs, key = 'Temperature'): number | undefined {
  if (!inputs.isV1) return inputs.temperatureC(key);
  const q = inputs.quantity(key);
  if (!q) return undefined;
  if (q[1] === 'degrees celsius') return q[0];
  return inputs.step('v1.0: °C = round((°F − 32) × 5/9, 3)', { value: q[0], unit: q[1] }, v1TemperatureC(q[0], q[1]));
}

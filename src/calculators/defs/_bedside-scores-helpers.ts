/**
 * Shared pieces of the bedside scores: a points tally that writes one trace step per criterion, readers
 * for findings the data spells several ways, and the v1.0 label code's habits that several scores
 * share (whole-year ages from months, its Celsius conversion), reproduced for `medcalc-v1.0`.
 */
import type { Inputs } from '../inputs.js';
import type { CalcResult } from '../types.js';
import { v1TemperatureC } from '../v1-units.js';

/** A running score: every criterion adds its points and records one trace step, met or not. */
export class PointsTally {
  private sum = 0;

  constructor(private readonly inputs: Inputs) {}

  /** Adds `points` (0 when the criterion is not met) and records why. */
  add(criterion: string, points: number, evidence?: Record<string, unknown>): number {
    this.sum += points;
    return this.inputs.step(`${criterion}: ${signed(points)}`, evidence, points);
  }

  /** A yes/no criterion worth `points` when present. */
  finding(criterion: string, present: boolean, points: number, evidence?: Record<string, unknown>): number {
    return this.add(`${criterion} ${present ? 'present' : 'absent'}`, present ? points : 0, evidence);
  }

  /**
   * Scores a value by the first band whose test it passes (bands ordered, the last one catching the
   * rest) and records the band's label: the points table of one criterion.
   */
  band(criterion: string, value: number, bands: readonly Band[], evidence: Record<string, unknown> = {}): number {
    const band = bands.find((b) => b.when(value)) ?? bands[bands.length - 1];
    return this.add(`${criterion} ${band.label}`, band.points, { [criterion]: value, ...evidence });
  }

  /** Records the total as the last step and returns it as the result. */
  finish(score: string, kind: 'integer' | 'decimal'): CalcResult {
    const value = this.inputs.step(`${score} = sum of the points above`, undefined, this.sum);
    return this.inputs.result(kind, value);
  }
}

/** One row of a points table: the band's label, its test, and its points. */
export interface Band {
  label: string;
  when: (value: number) => boolean;
  points: number;
}

function signed(points: number): string {
  return points < 0 ? `−${-points}` : `+${points}`;
}

/**
 * Age for a score's age bands. Reference: completed years (a 74.9-year-old is 74, as the bands
 * "65–74" mean). v1.0: the label code turned months into whole years (months // 12) once at least
 * 12 months, and used a value given in years as it stood.
 */
export function readAge(inputs: Inputs, key = 'age'): number | undefined {
  if (inputs.isV1) {
    const q = inputs.quantity(key);
    if (!q) return undefined;
    const [value, unit] = q;
    if (unit === 'months' && value >= 12) return inputs.step('v1.0: age in whole years = months // 12', { months: value }, Math.floor(value / 12));
    if (unit === 'years') return value;
  }
  const years = inputs.ageYears(key);
  if (years === undefined) return undefined;
  return inputs.step('age in completed years', { years }, Math.floor(years));
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

/**
 * Picks the option a categorical entity names (case- and space-insensitive under the reference
 * convention; exact under v1.0, whose dictionary lookups were exact). An unknown phrase is recorded
 * as missing, naming what was found.
 */
export function readChoice<T>(
  inputs: Inputs,
  key: string,
  options: Record<string, T>,
  { required = true, exact = inputs.isV1 }: { required?: boolean; exact?: boolean } = {},
): { phrase: string; value: T } | undefined {
  const phrase = inputs.text(key, required);
  if (phrase === undefined) return undefined;
  const wanted = exact ? phrase : normalizePhrase(phrase);
  for (const [option, value] of Object.entries(options)) {
    if ((exact ? option : normalizePhrase(option)) === wanted) return { phrase, value };
  }
  inputs.missing.push(`${key} (unrecognized value '${phrase}')`);
  return undefined;
}

function normalizePhrase(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

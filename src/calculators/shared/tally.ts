/**
 * Points tables: a running tally that writes one trace step per criterion, bands with a label and a test
 * (bedside scores), and descending thresholds (APACHE II, SOFA, PSI).
 */
import type { CalcResult } from '../types.js';
import type { Inputs } from './inputs.js';

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
  band(criterion: string, value: number, bands: readonly ScoreBand[], evidence: Record<string, unknown> = {}): number {
    const band = bands.find((b) => b.when(value)) ?? bands[bands.length - 1];
    return this.add(`${criterion} ${band.label}`, band.points, { [criterion]: value, ...evidence });
  }

  /**
   * A scored item written as "what: +points" (or "what: 0"), for scores whose trace lists items rather
   * than criteria met or not.
   */
  item(what: string, present: boolean, points: number): number {
    const scored = scoreItem(this.inputs, what, present, points);
    this.sum += scored;
    return scored;
  }

  /** Adds a computed part of the score recorded as its own step (a banded age, a choice's points). */
  record(what: string, evidence: Record<string, unknown> | undefined, points: number): number {
    this.sum += points;
    return this.inputs.step(what, evidence, points);
  }

  /** The points so far. */
  get total(): number {
    return this.sum;
  }

  /** Records the total as the last step and returns it as the result. */
  finish(score: string, kind: 'integer' | 'decimal'): CalcResult {
    const value = this.inputs.step(`${score} = sum of the points above`, undefined, this.sum);
    return this.inputs.result(kind, value);
  }
}

/**
 * One scored item recorded as "what: +points" (or "what: 0"); for scores that add their parts
 * themselves. `PointsTally.item` is the same step inside a tally.
 */
export function scoreItem(inputs: Inputs, what: string, present: boolean, points: number): number {
  return inputs.step(`${what}: ${present ? `+${points}` : '0'}`, { present }, present ? points : 0);
}

/** One row of a points table: the band's label, its test, and its points. */
export interface ScoreBand {
  label: string;
  when: (value: number) => boolean;
  points: number;
}

function signed(points: number): string {
  return points < 0 ? `−${-points}` : `+${points}`;
}

/** A threshold row: a value at or above `from` (and below the previous row's `from`) scores `points`. */
export type Threshold = readonly [from: number, points: number];

/**
 * Points of the first band whose lower limit the value reaches; bands go from the highest limit down, and
 * `below` is scored under the last one. Each printed range "a–b" is read as [a, next range's a), so a value
 * between two printed ranges (109.5 between "70–109" and "110–129") falls in the lower range.
 */
export function banded(value: number, bands: readonly Threshold[], below: number): number {
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

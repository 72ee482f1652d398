import type { Entities, EntityValue } from '../../label/types.js';
import type { CalcResult, CalcValue, Convention, TraceStep } from '../types.js';
import type { ComputableKind } from '../../label/types.js';
import { type Analyte, UnitError, convertConcentration } from './lab-units.js';
import {
  convertAge,
  convertCount,
  convertInterval,
  convertLength,
  convertPressure,
  convertRate,
  convertTemperature,
  convertWeight,
} from './measure-units.js';

/**
 * Reads a calculator's inputs from MedCalc entities and keeps the trace. A required input that is absent
 * or unusable is recorded in `missing` (the calculator then returns `incomputable()`); an absent boolean
 * is false, as in MedCalc-Bench, where a missing key means "not reported".
 */
export class Inputs {
  readonly missing: string[] = [];
  readonly steps: TraceStep[] = [];

  constructor(
    readonly entities: Entities,
    readonly convention: Convention = 'reference',
  ) {}

  get isV1(): boolean {
    return this.convention === 'medcalc-v1.0';
  }

  has(key: string): boolean {
    const v = this.entities[key];
    return v !== undefined && v !== null;
  }

  /**
   * The first of several spellings of one entity that the entities carry (uploads renamed some keys:
   * 'PaCO₂' / 'PaCO2'), else the first spelling, so a missing input is reported under that name.
   */
  firstKey(keys: readonly string[]): string {
    return keys.find((key) => this.has(key)) ?? keys[0];
  }

  /** The raw entity value, or undefined. */
  raw(key: string): EntityValue | undefined {
    const v = this.entities[key];
    return v === null ? undefined : v;
  }

  /** A present-or-absent finding; absent is false. */
  flag(key: string): boolean {
    const v = this.entities[key];
    if (typeof v === 'boolean') return v;
    if (v === undefined || v === null) return false;
    if (typeof v === 'string') return /^(true|yes|present)$/i.test(v.trim());
    return Boolean(v);
  }

  /**
   * True when any of the keys is true: one finding under several spellings ('Melena present' /
   * 'Melena Present'), or alternatives that score once (prior PE or prior DVT). Absent keys are false.
   */
  anyFlag(keys: readonly string[]): boolean {
    return keys.some((key) => this.flag(key));
  }

  /** A string entity (sex, GCS phrase, date); records `missing` when required and absent. */
  text(key: string, required = true): string | undefined {
    const v = this.entities[key];
    if (typeof v === 'string') return v;
    if (required) this.missing.push(key);
    return undefined;
  }

  /** A bare number (INR, pH, cycle length) or the number of a [number, unit] pair. */
  number(key: string, required = true): number | undefined {
    const v = this.entities[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (Array.isArray(v) && typeof v[0] === 'number') return v[0];
    if (required) this.missing.push(key);
    return undefined;
  }

  /** The [value, unit] pair of a measured quantity. */
  quantity(key: string, required = true): [number, string] | undefined {
    const v = this.entities[key];
    if (Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[v.length - 1] === 'string') {
      return [v[0], v[v.length - 1] as string];
    }
    if (required) this.missing.push(key);
    return undefined;
  }

  private convert(
    key: string,
    required: boolean,
    fn: (value: number, unit: string) => number,
    target: string,
  ): number | undefined {
    const q = this.quantity(key, required);
    if (!q) return undefined;
    try {
      const out = fn(q[0], q[1]);
      if (q[1] !== target) this.step(`${key}: ${q[0]} ${q[1]} → ${target}`, { value: q[0], unit: q[1] }, out);
      return out;
    } catch (error) {
      if (error instanceof UnitError) {
        this.missing.push(`${key} (unit '${q[1]}' not convertible to ${target})`);
        return undefined;
      }
      throw error;
    }
  }

  concentration(key: string, target: string, analyte?: Analyte, required = true): number | undefined {
    return this.convert(key, required, (v, u) => convertConcentration(v, u, target, analyte), target);
  }
  weightKg(key = 'weight', required = true): number | undefined {
    return this.convert(key, required, (v, u) => convertWeight(v, u, 'kg'), 'kg');
  }
  heightCm(key = 'height', required = true): number | undefined {
    return this.convert(key, required, (v, u) => convertLength(v, u, 'cm'), 'cm');
  }
  ageYears(key = 'age', required = true): number | undefined {
    return this.convert(key, required, convertAge, 'years');
  }
  temperatureC(key = 'Temperature', required = true): number | undefined {
    return this.convert(key, required, (v, u) => convertTemperature(v, u, 'celsius'), 'degrees celsius');
  }
  countPerUl(key: string, required = true): number | undefined {
    return this.convert(key, required, convertCount, 'µL');
  }
  pressureMmHg(key: string, required = true): number | undefined {
    return this.convert(key, required, convertPressure, 'mm Hg');
  }
  ratePerMin(key: string, required = true): number | undefined {
    return this.convert(key, required, convertRate, 'per minute');
  }
  intervalMs(key: string, required = true): number | undefined {
    return this.convert(key, required, convertInterval, 'msec');
  }

  /** Record one step of the trace and return its result, so steps read as assignments. */
  step<T>(what: string, inputs: Record<string, unknown> | undefined, result: T): T {
    this.steps.push(inputs ? { what, inputs, result } : { what, result });
    return result;
  }

  /** True when any required input was missing; check before computing. */
  get incomplete(): boolean {
    return this.missing.length > 0;
  }

  incomputable(): CalcResult {
    return { incomputable: true, missing: [...this.missing], steps: this.steps };
  }

  result(kind: ComputableKind, value: CalcValue): CalcResult {
    return { incomputable: false, kind, value, steps: this.steps };
  }
}

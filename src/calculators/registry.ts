/**
 * The registry: lookups over the calculators listed in defs/index.ts (one line each). Adding a calculator
 * is one new file in defs/, one line in defs/index.ts, its entry in catalog-table.ts, and its test.
 */
import * as calculators from './defs/index.js';
import type { CalculatorDefinition } from './types.js';

// In MedCalc id order, whatever the order of the list.
const ALL: readonly CalculatorDefinition[] = Object.values(calculators).sort((a, b) => a.id - b.id);

const byId = new Map(ALL.map((c) => [c.id, c]));
const byName = new Map(ALL.flatMap((c) => c.names.map((name) => [normalizeName(name), c] as const)));

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Every implemented calculator, by id. */
export function allCalculators(): readonly CalculatorDefinition[] {
  return ALL;
}

/** A calculator by MedCalc id, or by one of its names (case and spacing ignored). */
export function findCalculator(idOrName: number | string): CalculatorDefinition | undefined {
  if (typeof idOrName === 'number') return byId.get(idOrName);
  if (/^\d+$/.test(idOrName.trim())) return byId.get(Number(idOrName));
  return byName.get(normalizeName(idOrName));
}

/** The calculator ids of MedCalc-Bench v1.0: the set the registry must cover (a test checks it). */
export const MEDCALC_V1_IDS: readonly number[] = [
  2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 36,
  38, 39, 40, 43, 44, 45, 46, 48, 49, 51, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69,
];

/** MedCalc-Bench v1.0 calculator ids without an implementation (empty: a test asserts that). */
export function unimplementedCalculatorIds(): number[] {
  return MEDCALC_V1_IDS.filter((id) => !byId.has(id));
}

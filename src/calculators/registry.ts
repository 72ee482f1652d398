import { CATALOG, catalogByName } from './catalog.js';
import { bedsideScores } from './group-bedside-scores.js';
import { bodyAndDates } from './group-body-and-dates.js';
import { complexScores } from './group-complex-scores.js';
import { renalAndLab } from './group-renal-and-lab.js';
import type { CalculatorDefinition } from './types.js';

const ALL: CalculatorDefinition[] = [...renalAndLab, ...bodyAndDates, ...bedsideScores, ...complexScores].sort((a, b) => a.id - b.id);
const byId = new Map(ALL.map((c) => [c.id, c]));

/** Every implemented calculator, by id. */
export function allCalculators(): readonly CalculatorDefinition[] {
  return ALL;
}

/** A calculator by MedCalc id, or by one of its names. */
export function findCalculator(idOrName: number | string): CalculatorDefinition | undefined {
  if (typeof idOrName === 'number') return byId.get(idOrName);
  if (/^\d+$/.test(idOrName.trim())) return byId.get(Number(idOrName));
  const entry = catalogByName(idOrName);
  return entry ? byId.get(entry.id) : undefined;
}

/** Catalog ids without an implementation (empty once all 55 exist; a test asserts that). */
export function unimplementedCalculatorIds(): number[] {
  return CATALOG.filter((c) => !byId.has(c.id)).map((c) => c.id);
}

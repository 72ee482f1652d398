import { parseGestationalAge, totalDays } from '../label/answer.js';
import type { Answer } from '../label/types.js';
import type { PhysicianValue } from './physician-value.js';

/** The rule in words, as release notes print it. */
export const AGREEMENT_RULE =
  'Both N/A agree; exactly one N/A disagrees; a physician value that is a whole number ≤ 20 agrees within ±1; any other number within ±5% of the physician value; gestational ages compare in total days by the same rule, dates exactly.';

/**
 * The stewardship paper's agreement rule between a label and a physician's value: both N/A agree; one
 * N/A disagrees; otherwise within ±1 when the physician value is an integer ≤ 20 (small scores), else
 * within ±5% of the physician value. Gestational ages are compared in total days by the same rule (the
 * paper's files give them as total days); dates must be equal.
 */
export function physicianAgrees(answer: Answer | null | undefined, physician: PhysicianValue): boolean {
  if (!answer) return false;
  if (physician === null || answer.kind === 'incomputable') return physician === null && answer.kind === 'incomputable';
  switch (answer.kind) {
    case 'decimal':
    case 'integer':
      return typeof physician === 'number' && numbersAgree(answer.value, physician);
    case 'date':
      return physician === answer.value;
    case 'gestational-age': {
      const ga = typeof physician === 'string' ? parseGestationalAge(physician) : undefined;
      return ga !== undefined && numbersAgree(totalDays(answer.value), totalDays(ga));
    }
  }
}

function numbersAgree(value: number, physician: number): boolean {
  const gap = Math.abs(value - physician);
  // A hair of slack so that 105 vs 100 is "within 5%" despite binary floating point.
  const slack = 1e-9 * Math.max(1, Math.abs(physician));
  if (Number.isInteger(physician) && physician <= 20) return gap <= 1 + slack;
  return gap <= 0.05 * Math.abs(physician) + slack;
}

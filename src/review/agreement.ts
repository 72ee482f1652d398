import type { Answer } from '../label/types.js';
import { formatWeeksDays, type PhysicianValue } from './physician-value.js';

/**
 * The stewardship paper's agreement rule between a label and a physician's value: both N/A agree; one
 * N/A disagrees; otherwise within ±1 when the physician value is an integer ≤ 20 (small scores), else
 * within ±5% of the physician value. Dates and gestational ages must be equal.
 */
export function physicianAgrees(answer: Answer, physician: PhysicianValue): boolean {
  if (physician === null || answer.kind === 'incomputable') return physician === null && answer.kind === 'incomputable';
  switch (answer.kind) {
    case 'decimal':
    case 'integer': {
      if (typeof physician !== 'number') return false;
      const gap = Math.abs(answer.value - physician);
      // A hair of slack so that 105 vs 100 is "within 5%" despite binary floating point.
      const slack = 1e-9 * Math.max(1, Math.abs(physician));
      if (Number.isInteger(physician) && physician <= 20) return gap <= 1 + slack;
      return gap <= 0.05 * Math.abs(physician) + slack;
    }
    case 'date':
      return physician === answer.value;
    case 'gestational-age':
      return physician === formatWeeksDays(answer.value);
  }
}

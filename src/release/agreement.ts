import { parseDate, totalDays } from '../label/answer.js';
import type { Answer, Label, Signoff } from '../label/types.js';

/**
 * The agreement rule between a label and a physician's value, as the stewardship paper's repository
 * applies it: both N/A agree; exactly one N/A disagrees; otherwise, when the physician's value is a whole
 * number ≤ 20 (a score), within ±1; else within ±5% of the physician's value. Gestational ages compare
 * in total days, dates exactly.
 */
export const AGREEMENT_RULE =
  'Both N/A agree; exactly one N/A disagrees; a physician value that is a whole number ≤ 20 agrees within ±1; any other number within ±5% of the physician value; gestational ages compare in total days, dates exactly.';

export function agreesWithPhysician(answer: Answer | null | undefined, physician: number | string | null): boolean {
  if (!answer) return false;
  if (physician === null || answer.kind === 'incomputable') return physician === null && answer.kind === 'incomputable';
  if (answer.kind === 'date') return typeof physician === 'string' && parseDate(physician) === answer.value;
  const x = answer.kind === 'gestational-age' ? totalDays(answer.value) : answer.value;
  if (typeof physician !== 'number') return false;
  if (Number.isInteger(physician) && physician <= 20) return Math.abs(x - physician) <= 1;
  return Math.abs(x - physician) <= 0.05 * Math.abs(physician);
}

/** Sign-offs that carry a physician's own value (the ground truth the release statistics use), oldest first. */
export function physicianValues(label: Label, physicianRoles: readonly string[]): Signoff[] {
  return label.signoffs
    .filter((s) => physicianRoles.includes(s.role) && s.parsedValue !== undefined)
    .sort((a, b) => a.time.localeCompare(b.time));
}

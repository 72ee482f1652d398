import type { AnswerKind } from '../label/types.js';

/** How an answer is compared with a label: the four rules of the MedCalc-Bench harness. */
export type GradingRule = 'date' | 'gestational-age' | 'integer' | 'decimal';

// The harness picks the rule by calculator id, not by the Output Type column (calculator 69 says
// "integer" but is graded as a (weeks, days) tuple).
const DATE_IDS = new Set([13, 68]);
const GESTATIONAL_AGE_IDS = new Set([69]);
const INTEGER_IDS = new Set([4, 15, 16, 17, 18, 20, 21, 25, 27, 28, 29, 32, 33, 36, 43, 45, 48, 51]);
const DECIMAL_IDS = new Set([
  2, 3, 5, 6, 7, 8, 9, 10, 11, 19, 22, 23, 24, 26, 30, 31, 38, 39, 40, 44, 46, 49, 56, 57, 58, 59, 60, 61, 62, 63, 64,
  65, 66, 67,
]);

/** The rule the harness applies to a calculator id, or undefined for an id it does not know. */
export function harnessRuleFor(calculatorId: number): GradingRule | undefined {
  if (DATE_IDS.has(calculatorId)) return 'date';
  if (GESTATIONAL_AGE_IDS.has(calculatorId)) return 'gestational-age';
  if (INTEGER_IDS.has(calculatorId)) return 'integer';
  if (DECIMAL_IDS.has(calculatorId)) return 'decimal';
  return undefined;
}

/**
 * The rule for an item: the harness's rule for its calculator id when the label's answer kind fits it,
 * otherwise (a calculator the harness does not know, or a label of another shape) the rule of the
 * label's kind. Undefined for an incomputable label, which no rule grades.
 */
export function gradingRuleFor(calculatorId: number, kind: AnswerKind): GradingRule | undefined {
  if (kind === 'incomputable') return undefined;
  const byId = harnessRuleFor(calculatorId);
  if (byId && fits(byId, kind)) return byId;
  return kind;
}

function fits(rule: GradingRule, kind: AnswerKind): boolean {
  if (rule === 'integer' || rule === 'decimal') return kind === 'integer' || kind === 'decimal';
  return rule === kind;
}

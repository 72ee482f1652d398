import { parseGestationalAge, totalDays } from '../label/answer.js';
import type { Answer } from '../label/types.js';
import type { PhysicianValue } from './physician-value.js';

/** The rule in words, as release notes print it. */
export const AGREEMENT_RULE =
  'Both N/A agree; exactly one N/A disagrees. Otherwise an item is ordinal when none of the values it compares ' +
  "(the physician's value and every label version compared with it) is continuous — a number that is not " +
  'integer-like or whose absolute value is above 20 (N/A is not continuous) — and then a label agrees within ±1 ' +
  'of the physician value; else it is continuous and a label agrees within ±5% of the physician value (when that ' +
  'is 0: when |label| ≤ 0.05). Gestational ages compare in total days by the same rule; dates must be equal.';

/** How an item's values are compared: decided once per item from all the values it compares. */
export type ValueType = 'na' | 'ordinal' | 'continuous' | 'exact';

/**
 * The stewardship paper's agreement rule (junzeye/validate-medcalc-labels@b6f0416,
 * scripts/reproduce_phase3_metrics.py: `is_ordinal`, `determine_value_type`, `check_agreement`),
 * re-implemented from its description there. The value type is decided from the physician value and
 * ALL label versions the item compares (in the paper y*, y_orig and y_new), so both labels of an item
 * are judged by one yardstick; deciding it from the physician value alone flips MELD Na test-0341
 * (y* 11, y_orig 10, y_new 22: y_new is above 20, so the item is continuous and 10 is 9% off).
 */
export function valueType(physician: PhysicianValue, compared: readonly (Answer | null | undefined)[]): ValueType {
  if (physician === null) return 'na';
  const p = comparableNumber(physician);
  if (p === undefined) return 'exact';
  const values = [p, ...compared.map((a) => (a ? answerNumber(a) : undefined))];
  return values.some((v) => v !== undefined && isContinuous(v)) ? 'continuous' : 'ordinal';
}

/**
 * Whether `answer` agrees with a physician's value. `compared` are all the label versions the item is
 * compared with (the answer itself is always among them); the type they decide applies to each.
 */
export function physicianAgrees(
  answer: Answer | null | undefined,
  physician: PhysicianValue,
  compared: readonly (Answer | null | undefined)[] = [answer],
): boolean {
  if (!answer) return false;
  if (physician === null || answer.kind === 'incomputable') return physician === null && answer.kind === 'incomputable';
  const type = valueType(physician, compared.includes(answer) ? compared : [...compared, answer]);
  if (answer.kind === 'date' || type === 'exact') return answer.kind === 'date' && physician === answer.value;
  const label = answerNumber(answer);
  const truth = comparableNumber(physician);
  if (label === undefined || truth === undefined) return false;
  return numbersAgree(truth, label, type === 'ordinal' ? 'ordinal' : 'continuous');
}

/** `check_agreement` for two numbers: ±1 for ordinal items; ±5% of the physician value for continuous ones. */
export function numbersAgree(truth: number, label: number, type: 'ordinal' | 'continuous'): boolean {
  if (type === 'ordinal') return Math.abs(truth - label) <= 1;
  if (truth === 0) return Math.abs(label) <= 0.05;
  return Math.abs(truth - label) / Math.abs(truth) <= 0.05;
}

/**
 * `is_ordinal` negated for a number: continuous when |x| > 20 or x is not integer-like, where
 * integer-like is numpy's `isclose(x, round(x), atol=1e-9)` (its default rtol 1e-5 included).
 */
export function isContinuous(x: number): boolean {
  const r = Math.round(x);
  const integerLike = Math.abs(x - r) <= 1e-9 + 1e-5 * Math.abs(r);
  return !(Math.abs(x) <= 20 && integerLike);
}

/**
 * A label's value as the rule compares it: numbers as they are, gestational ages in total days; dates and N/A have
 * none.
 */
function answerNumber(answer: Answer): number | undefined {
  if (answer.kind === 'decimal' || answer.kind === 'integer') return answer.value;
  if (answer.kind === 'gestational-age') return totalDays(answer.value);
  return undefined;
}

function comparableNumber(physician: number | string): number | undefined {
  if (typeof physician === 'number') return physician;
  const ga = parseGestationalAge(physician);
  return ga ? totalDays(ga) : undefined;
}

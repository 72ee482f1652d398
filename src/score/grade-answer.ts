import { isAbstention } from '../label/answer.js';
import type { Answer } from '../label/types.js';
import { gradeDate } from './grade-date.js';
import { gradeDecimal } from './grade-decimal.js';
import { gradeGestationalAge } from './grade-gestational-age.js';
import { gradeInteger } from './grade-integer.js';
import type { Outcome } from './outcome.js';
import { type GradingRule, gradingRuleFor } from './rules.js';

/** What grading needs of a label. */
export interface GradedItem {
  calculatorId: number;
  answer: Answer;
}

/**
 * Grades one answer (already extracted: the harness's "LLM Answer") against a label. Computable
 * labels follow the harness rule of their calculator id, and an abstention on them is wrong, as the
 * harness counts "N/A"; what the harness lacks is an incomputable label, which only an abstention (N/A,
 * unknown, empty…) answers correctly. `undefined` is a missing prediction.
 */
export function gradeAnswer(item: GradedItem, text: string | undefined): Outcome {
  if (text === undefined) return 'missing';
  const abstains = isAbstention(text);
  if (item.answer.kind === 'incomputable') return abstains ? 'abstained-correctly' : 'answered-incomputable';
  if (abstains) return 'abstained';
  return gradeByRule(gradingRuleFor(item.calculatorId, item.answer.kind)!, item.answer, text);
}

/** One computable answer under one harness rule. */
export function gradeByRule(
  rule: GradingRule,
  answer: Exclude<Answer, { kind: 'incomputable' }>,
  text: string,
): Outcome {
  switch (rule) {
    case 'date':
      return answer.kind === 'date' ? gradeDate(answer, text) : 'wrong';
    case 'gestational-age':
      return answer.kind === 'gestational-age' ? gradeGestationalAge(answer, text) : 'wrong';
    case 'integer':
      return answer.kind === 'integer' || answer.kind === 'decimal' ? gradeInteger(answer, text) : 'wrong';
    case 'decimal':
      return answer.kind === 'integer' || answer.kind === 'decimal' ? gradeDecimal(answer, text) : 'wrong';
  }
}

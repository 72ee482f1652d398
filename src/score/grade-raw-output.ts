import { isAbstention } from '../label/answer.js';
import { type GradedItem, gradeByRule } from './grade-answer.js';
import { lastAnswerField } from './extract-answer-field.js';
import { normalizeExtracted } from './harness-normalize.js';
import type { Outcome } from './outcome.js';
import { gradingRuleFor } from './rules.js';

/**
 * Grades a model's raw output (--extract): the last `"answer": …` field is taken as the harness takes
 * it, an abstention there is judged as an abstention, and anything else goes through the harness's
 * post-processing for the item's rule before the rule grades it. No answer field is wrong, even on an
 * incomputable label: a model that failed to answer has not abstained.
 */
export function gradeRawOutput(item: GradedItem, raw: string | undefined): Outcome {
  if (raw === undefined) return 'missing';
  const field = lastAnswerField(raw);
  if (field === undefined) return 'no-answer-field';
  const abstains = isAbstention(field);
  if (item.answer.kind === 'incomputable') return abstains ? 'abstained-correctly' : 'answered-incomputable';
  if (abstains) return 'abstained';
  const rule = gradingRuleFor(item.calculatorId, item.answer.kind)!;
  const answer = normalizeExtracted(rule, field);
  return answer === undefined ? 'unreadable' : gradeByRule(rule, item.answer, answer);
}

import type { Answer } from '../label/types.js';
import type { Outcome } from './outcome.js';
import { parsePythonNumber } from './python-number.js';

type NumericAnswer = Extract<Answer, { kind: 'integer' | 'decimal' }>;

/**
 * The harness's rule for every other calculator: Lower ≤ answer ≤ Upper, both ends included, with the
 * label's own limits (±5% in v1.0; equal to the value when the value is 0).
 */
export function gradeDecimal(label: NumericAnswer, text: string): Outcome {
  const x = parsePythonNumber(text);
  if (x === undefined || Number.isNaN(x)) return 'unreadable';
  return x >= label.lower && x <= label.upper ? 'correct' : 'wrong';
}

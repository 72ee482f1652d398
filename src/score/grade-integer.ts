import type { Answer } from '../label/types.js';
import { pythonRound } from '../numeric/python-round.js';
import type { Outcome } from './outcome.js';
import { parsePythonNumber } from './python-number.js';

type NumericAnswer = Extract<Answer, { kind: 'integer' | 'decimal' }>;

/**
 * The harness's integer rule (scores such as CHA2DS2-VASc, GCS, HAS-BLED): Python's round() of the
 * answer, ties to even (2.5 → 2, 3.5 → 4), must equal the label's value.
 */
export function gradeInteger(label: NumericAnswer, text: string): Outcome {
  const x = parsePythonNumber(text);
  if (x === undefined || !Number.isFinite(x)) return 'unreadable';
  // Whole numbers, most answers, round to themselves; the rest take Python's rounding.
  return (Number.isInteger(x) ? x : pythonRound(x)) === label.value ? 'correct' : 'wrong';
}

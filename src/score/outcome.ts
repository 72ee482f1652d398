/**
 * What became of one item's prediction. Two outcomes are correct; every other one is wrong for a
 * different reason, and the counts of each tell an evaluator where a score went.
 */
export type Outcome =
  /** A computable label, and the answer matches it under the grading rule. */
  | 'correct'
  /** An incomputable label, answered by an abstention (N/A, unknown, empty…). */
  | 'abstained-correctly'
  /** A computable label and a readable answer that does not match it. */
  | 'wrong'
  /** A computable label and an answer the rule cannot read (the harness would raise and count it wrong). */
  | 'unreadable'
  /** A computable label answered by an abstention. */
  | 'abstained'
  /** An incomputable label answered with a value. */
  | 'answered-incomputable'
  /** With --extract: the raw output has no `"answer": …` field (the harness's "Not Found"). */
  | 'no-answer-field'
  /** No prediction for the item at all. */
  | 'missing';

/** Every outcome, in the order reports list them. */
export const OUTCOMES: readonly Outcome[] = [
  'correct',
  'abstained-correctly',
  'wrong',
  'unreadable',
  'abstained',
  'answered-incomputable',
  'no-answer-field',
  'missing',
];

export function isCorrect(outcome: Outcome): boolean {
  return outcome === 'correct' || outcome === 'abstained-correctly';
}

/** Outcomes as small integers, so a million of them fit in a Uint8Array. */
export const OUTCOME_CODE: Readonly<Record<Outcome, number>> = Object.fromEntries(
  OUTCOMES.map((o, i) => [o, i]),
) as Record<Outcome, number>;

export type OutcomeCounts = Record<Outcome, number>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

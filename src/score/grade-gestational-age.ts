import type { Answer } from '../label/types.js';
import type { Outcome } from './outcome.js';
import { parsePythonInteger } from './python-number.js';

// The harness's (weeks, days) pattern, searched anywhere in the text: two runs of digits separated by
// optional "weeks", quote, comma and spaces, the rest optional. It reads "('4 weeks', '2 days')",
// "(4, 2)" and "[4, 2]", but also reads "42" as (4, 2) and "69 days" as (6, 9), and finds nothing in
// "9 weeks and 6 days".
const WEEKS_DAYS = /\(?["']?(\d+)\s*(weeks?)?["']?,?\s*["']?(\d+)\s*(days?)?["']?\s*\)?/;

/**
 * (weeks, days) as the harness reads them from an answer, without normalising (8, 13) to (9, 6);
 * undefined when the pattern finds nothing or a number has a leading zero (Python's eval of the
 * rebuilt tuple "(09, 6)" is a syntax error).
 */
export function parseHarnessWeeksDays(text: string): [number, number] | undefined {
  const match = WEEKS_DAYS.exec(text);
  if (!match) return undefined;
  const weeks = parsePythonInteger(match[1]);
  const days = parsePythonInteger(match[3]);
  return weeks === undefined || days === undefined ? undefined : [weeks, days];
}

/** The harness's gestational-age rule (calculator 69): weeks and days equal, each as written. */
export function gradeGestationalAge(label: Extract<Answer, { kind: 'gestational-age' }>, text: string): Outcome {
  const answer = parseHarnessWeeksDays(text);
  if (!answer) return 'unreadable';
  return answer[0] === label.value[0] && answer[1] === label.value[1] ? 'correct' : 'wrong';
}

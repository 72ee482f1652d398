import type { Answer } from '../label/types.js';
import type { Outcome } from './outcome.js';

// datetime.strptime(text, '%m/%d/%Y') as Python reads it: %m is 1–12 with or without a zero, %d is
// 1–31 with a zero, a space or nothing in front, %Y is exactly four digits, and nothing may come
// before or after (not even a space).
const STRPTIME_MDY = /^(1[0-2]|0[1-9]|[1-9])\/(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])\/(\d{4})$/;

/** A date read as the harness reads one (strptime %m/%d/%Y, a real calendar date), as [month, day, year]. */
export function parseHarnessDate(text: string): [number, number, number] | undefined {
  const match = STRPTIME_MDY.exec(text);
  if (!match) return undefined;
  const [m, d, y] = [Number(match[1]), Number(match[2].trim()), Number(match[3])];
  if (y < 1) return undefined;
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return [m, d, y];
}

/**
 * The harness's date rule (calculators 13 and 68): both dates read with strptime('%m/%d/%Y') and
 * compared as M/D/YYYY, so "3/7/2021" and "03/07/2021" are the same answer; "2021-03-07" is unreadable.
 */
export function gradeDate(label: Extract<Answer, { kind: 'date' }>, text: string): Outcome {
  const answer = parseHarnessDate(text);
  if (!answer) return 'unreadable';
  const truth = parseHarnessDate(label.value);
  if (!truth) return 'wrong';
  return answer[0] === truth[0] && answer[1] === truth[1] && answer[2] === truth[2] ? 'correct' : 'wrong';
}

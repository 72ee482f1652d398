/** Calendar dates for the date calculators: 'MM/DD/YYYY' in UTC, whole days, so no local time zone can shift a date. */
import { shape } from '../define.js';
import type { Inputs } from './inputs.js';

const DAY_MS = 86_400_000;

/** An 'MM/DD/YYYY' date (one-digit month or day accepted) as whole days since 1970-01-01, or undefined. */
export function parseUsDate(text: string): number | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC rolls 02/30 over into March; a date that does not round-trip does not exist.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

/** Whole days since 1970-01-01 as 'MM/DD/YYYY', zero-padded. */
export function formatUsDate(days: number): string {
  const d = new Date(days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${String(d.getUTCFullYear()).padStart(4, '0')}`;
}

/** A date entity as days since 1970-01-01; an absent or unparsable date is recorded as missing. */
export function readDate(inputs: Inputs, key: string): number | undefined {
  const text = inputs.text(key);
  if (text === undefined) return undefined;
  const days = parseUsDate(text);
  if (days === undefined) {
    inputs.missing.push(`${key} ('${text}' is not a date MM/DD/YYYY)`);
    return undefined;
  }
  return days;
}

/** The menstrual cycle length in days; absent means the 28-day cycle Naegele's rule assumes. */
export function readCycleLength(inputs: Inputs): number | undefined {
  const cycle = inputs.number('cycle length', false);
  if (cycle === undefined) return inputs.step('cycle length not given: assume the standard 28 days', undefined, 28);
  if (!Number.isInteger(cycle) || cycle <= 14) {
    inputs.missing.push(`cycle length (${cycle} is not a whole number of days above 14)`);
    return undefined;
  }
  return cycle;
}

export const datesSchema = {
  date: { ...shape.text, pattern: '^\\d{1,2}/\\d{1,2}/\\d{4}$' },
  cycle: { type: 'integer' },
} as const;

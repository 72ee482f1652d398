import type { Answer, ComputableKind, WeeksDays } from './types.js';

/** Why a text did not read as an answer of the expected kind. */
export class AnswerParseError extends Error {
  constructor(
    readonly kind: string,
    readonly text: string,
    reason: string,
  ) {
    super(`"${text}" is not a ${kind} answer: ${reason}`);
    this.name = 'AnswerParseError';
  }
}

const ABSTAIN = /^(n\/?a|not applicable|unknown|none|incomputable|abstain|)$/i;

/** True for the texts that mean "cannot be computed from this note" (N/A, Not applicable, unknown, empty). */
export function isAbstention(text: string): boolean {
  return ABSTAIN.test(text.trim());
}

/**
 * Reads an answer value of `kind` from text in any of the forms the upstream files use:
 * numbers; dates as MM/DD/YYYY, M/D/YYYY or YYYY-MM-DD[ 00:00:00] (XLSX exports); gestational age
 * as "('4 weeks', '2 days')", "[4, 2]", or total days ("30", as the stewardship files write it).
 */
export function parseAnswerValue(kind: ComputableKind, text: string): number | string | WeeksDays {
  const t = text.trim();
  switch (kind) {
    case 'decimal':
    case 'integer': {
      const x = parseNumber(t);
      if (x === undefined) throw new AnswerParseError(kind, text, 'not a number');
      return x;
    }
    case 'date': {
      const d = parseDate(t);
      if (!d) throw new AnswerParseError(kind, text, 'expected MM/DD/YYYY or YYYY-MM-DD');
      return d;
    }
    case 'gestational-age': {
      const ga = parseGestationalAge(t);
      if (!ga) throw new AnswerParseError(kind, text, "expected ('W weeks', 'D days'), [W, D] or total days");
      return ga;
    }
  }
}

/** A plain decimal number (optionally signed, with exponent); nothing else, so "12 mg" is not 12. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}

/** A calendar date as zero-padded MM/DD/YYYY, validated (no February 30th). */
export function parseDate(text: string): string | undefined {
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (match) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00:00(?:\.0+)?)?$/.exec(text);
    if (!match) return undefined;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`;
}

export function parseGestationalAge(text: string): WeeksDays | undefined {
  const tuple = /^\(\s*'(\d+) weeks?'\s*,\s*'(\d+) days?'\s*\)$/.exec(text);
  if (tuple) return normalizeWeeksDays(Number(tuple[1]), Number(tuple[2]));
  const pair = /^\[\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(text);
  if (pair) return normalizeWeeksDays(Number(pair[1]), Number(pair[2]));
  if (/^\d+$/.test(text)) return normalizeWeeksDays(0, Number(text));
  return undefined;
}

function normalizeWeeksDays(weeks: number, days: number): WeeksDays {
  const total = weeks * 7 + days;
  return [Math.floor(total / 7), total % 7];
}

/** "('4 weeks', '2 days')", the MedCalc-Bench spelling of a gestational age. */
export function formatGestationalAge([weeks, days]: WeeksDays): string {
  return `('${weeks} weeks', '${days} days')`;
}

/**
 * The answer with its limits by the MedCalc-Bench rule: decimals get ±5% (lower = min, upper = max of
 * 0.95·x and 1.05·x, so negatives work), every other kind has lower = upper = value.
 */
export function answerWithLimits(kind: ComputableKind, value: number | string | WeeksDays): Answer {
  switch (kind) {
    case 'decimal': {
      const x = value as number;
      const a = limitOf(x, 0.95);
      const b = limitOf(x, 1.05);
      return { kind, value: x, lower: Math.min(a, b), upper: Math.max(a, b) };
    }
    case 'integer':
      return { kind, value: value as number, lower: value as number, upper: value as number };
    case 'date':
      return { kind, value: value as string, lower: value as string, upper: value as string };
    case 'gestational-age': {
      const ga = value as WeeksDays;
      return { kind, value: [...ga], lower: [...ga], upper: [...ga] };
    }
  }
}

/**
 * factor·x as the exact decimal product, the way every v1.0 limit is written (all 627 decimal rows:
 * 25.017 → 23.76615, 26.26785): x has d decimals, so the product has at most d + 2, and rounding the
 * binary product there removes float noise (8.549999999999999 → 8.55) without changing its value.
 */
function limitOf(x: number, factor: 0.95 | 1.05): number {
  const decimals = decimalPlaces(x) + 2;
  return decimals > 15 ? x * factor : Number((x * factor).toFixed(decimals));
}

/** Decimal places of a number's shortest round-trip spelling (1.5e-7 → 8). */
function decimalPlaces(x: number): number {
  const [mantissa, exponent = '0'] = Math.abs(x).toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** The answer value as MedCalc-Bench writes it in a CSV cell. */
export function formatAnswerValue(answer: Answer): string {
  switch (answer.kind) {
    case 'incomputable':
      return 'N/A';
    case 'gestational-age':
      return formatGestationalAge(answer.value);
    default:
      return String(answer.value);
  }
}

/** Total days of a (weeks, days) pair. */
export function totalDays([weeks, days]: WeeksDays): number {
  return weeks * 7 + days;
}

/**
 * Whether a value falls within an answer's tolerance: decimals inside [lower, upper], integers equal,
 * dates equal, gestational ages equal in weeks and days, incomputable only with incomputable.
 */
export function withinTolerance(answer: Answer, value: number | string | WeeksDays | null): boolean {
  if (answer.kind === 'incomputable' || value === null) return answer.kind === 'incomputable' && value === null;
  switch (answer.kind) {
    case 'decimal':
      return typeof value === 'number' && value >= answer.lower && value <= answer.upper;
    case 'integer':
      return typeof value === 'number' && value === answer.value;
    case 'date':
      return value === answer.value;
    case 'gestational-age':
      return Array.isArray(value) && value[0] === answer.value[0] && value[1] === answer.value[1];
  }
}

/** Relative deviation |x − label| / |label| for numeric answers (Infinity when the label is 0 and x is not). */
export function relativeDeviation(label: number, value: number): number {
  if (label === value) return 0;
  if (label === 0) return Infinity;
  return Math.abs(value - label) / Math.abs(label);
}

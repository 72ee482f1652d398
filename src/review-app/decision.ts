import { inputError } from '../errors/index.js';
import { formatAnswerValue, parseDate } from '../label/answer.js';
import type { ComputableKind, Label, Signoff } from '../label/types.js';

/** Why an item cannot be computed: the three reasons the stewardship physicians gave. */
export const INCOMPUTABLE_REASONS = {
  'information-missing': 'information missing from the note',
  'several-values': 'several values over time',
  'not-applicable': 'not applicable to this patient',
} as const;
export type IncomputableReason = keyof typeof INCOMPUTABLE_REASONS;

export type ReviewAction = 'approve' | 'keep-previous' | 'correct' | 'incomputable';

/** A value typed by the calculator's kind; never free text. */
export type StructuredValue = { number: string } | { date: string } | { weeks: number; days: number };

/** What the page submits: a structured decision about the content it showed. */
export interface DecisionInput {
  id: string;
  contentHash: string;
  action: ReviewAction;
  value?: StructuredValue;
  reason?: IncomputableReason;
  category?: string;
  note?: string;
}

/** The sign-off a decision becomes (the same request `steward signoff` makes). */
export interface SignoffRequestText {
  decision: Signoff['decision'];
  value?: string;
  note?: string;
}

const ACTIONS: readonly ReviewAction[] = ['approve', 'keep-previous', 'correct', 'incomputable'];
const MAX_NOTE = 2000;

/** Reads the page's JSON strictly: unknown fields, wrong types or a value of the wrong kind are refused. */
export function readDecisionInput(body: unknown): DecisionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('/', 'a decision is a JSON object');
  const o = body as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!['id', 'contentHash', 'action', 'value', 'reason', 'category', 'note'].includes(key))
      throw bad(`/${key}`, 'unknown field');
  if (typeof o.id !== 'string' || o.id === '') throw bad('/id', 'the label id is missing');
  if (typeof o.contentHash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(o.contentHash))
    throw bad('/contentHash', 'the content hash the page showed is missing');
  if (!ACTIONS.includes(o.action as ReviewAction))
    throw bad('/action', `the action must be one of ${ACTIONS.join(', ')}`);
  const out: DecisionInput = { id: o.id, contentHash: o.contentHash, action: o.action as ReviewAction };
  if (o.value !== undefined) out.value = readStructuredValue(o.value);
  if (o.reason !== undefined) {
    if (typeof o.reason !== 'string' || !(o.reason in INCOMPUTABLE_REASONS))
      throw bad('/reason', `the reason must be one of ${Object.keys(INCOMPUTABLE_REASONS).join(', ')}`);
    out.reason = o.reason as IncomputableReason;
  }
  if (o.category !== undefined) {
    if (typeof o.category !== 'string') throw bad('/category', 'the error category is an id from the taxonomy');
    out.category = o.category;
  }
  if (o.note !== undefined) {
    if (typeof o.note !== 'string' || o.note.length > MAX_NOTE)
      throw bad('/note', `the note is text of at most ${MAX_NOTE} characters`);
    if (o.note.trim() !== '') out.note = o.note.trim();
  }
  if (out.action === 'correct' && !out.value) throw bad('/value', 'a corrected value is needed');
  if (out.action === 'incomputable' && !out.reason) throw bad('/reason', 'say why the item is incomputable');
  return out;
}

function readStructuredValue(v: unknown): StructuredValue {
  if (typeof v !== 'object' || v === null) throw bad('/value', 'the value is { number }, { date } or { weeks, days }');
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort().join(',');
  if (keys === 'number' && typeof o.number === 'string') return { number: o.number };
  if (keys === 'date' && typeof o.date === 'string') return { date: o.date };
  if (keys === 'days,weeks' && typeof o.weeks === 'number' && typeof o.days === 'number')
    return { weeks: o.weeks, days: o.days };
  throw bad('/value', 'the value is { number: "…" }, { date: "YYYY-MM-DD" } or { weeks, days }');
}

/** The value's text as a sign-off records it, checked against the calculator's kind. */
export function valueText(kind: ComputableKind, value: StructuredValue): string {
  if ('number' in value) {
    if (kind !== 'decimal' && kind !== 'integer')
      throw bad('/value', `this calculator answers with a ${kind}, not a number`);
    if (!/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(value.number.trim()))
      throw bad('/value/number', `"${value.number}" is not a number`);
    const n = Number(value.number);
    if (kind === 'integer' && !Number.isInteger(n))
      throw bad('/value/number', `${value.number} is not a whole number; this calculator's answers are integers`);
    return String(n);
  }
  if ('date' in value) {
    if (kind !== 'date') throw bad('/value', `this calculator answers with a ${kind}, not a date`);
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? parseDate(value.date) : undefined;
    if (!date) throw bad('/value/date', `"${value.date}" is not a calendar date (YYYY-MM-DD)`);
    return date;
  }
  if (kind !== 'gestational-age') throw bad('/value', `this calculator answers with a ${kind}, not weeks and days`);
  const { weeks, days } = value;
  if (!Number.isInteger(weeks) || weeks < 0 || weeks > 45 || !Number.isInteger(days) || days < 0 || days > 6)
    throw bad('/value', 'weeks are 0–45 and days 0–6, whole numbers');
  return `[${weeks}, ${days}]`;
}

/**
 * The sign-off a decision stands for. approve: the proposal as it stands; keep the previous answer: a
 * rejection of the relabel that records the previous answer as the physician's value; a corrected
 * value or an incomputable item: an amendment. The error category and the incomputable reason go in
 * the note in a fixed form ("error category: …; incomputable: …"), so they are signed with it.
 */
export function signoffRequest(
  label: Label,
  kind: ComputableKind,
  input: DecisionInput,
  categories: ReadonlySet<string>,
): SignoffRequestText {
  if (input.category !== undefined && !categories.has(input.category))
    throw bad('/category', `"${input.category}" is not in the error taxonomy (${[...categories].join(', ')})`);
  const parts: string[] = [];
  if (input.category) parts.push(`error category: ${input.category}`);
  if (input.action === 'incomputable') parts.push(`incomputable: ${INCOMPUTABLE_REASONS[input.reason!]}`);
  if (input.note) parts.push(input.note);
  const note = parts.length > 0 ? parts.join('; ') : undefined;
  const withNote = (r: SignoffRequestText): SignoffRequestText => (note ? { ...r, note } : r);
  switch (input.action) {
    case 'approve':
      return withNote({ decision: 'approve', value: formatAnswerValue(label.answer) });
    case 'keep-previous':
      if (!label.revision) throw bad('/action', `${label.id} has no previous answer to keep (no relabel)`);
      return withNote({ decision: 'reject', value: formatAnswerValue(label.revision.previous) });
    case 'correct':
      return withNote({ decision: 'amend', value: valueText(kind, input.value!) });
    case 'incomputable':
      return withNote({ decision: 'amend', value: 'N/A' });
  }
}

function bad(pointer: string, message: string) {
  return inputError('BAD_DECISION', `decision ${pointer}: ${message}`, { pointer });
}

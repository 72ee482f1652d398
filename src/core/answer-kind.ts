import { catalogById } from '../calculators/catalog.js';
import { inputError } from '../errors/index.js';
import { AnswerParseError, answerWithLimits, isAbstention, parseAnswerValue } from '../label/answer.js';
import type { Answer, ComputableKind, Label, WeeksDays } from '../label/types.js';

/** The kind a label's answers have when computable: by calculator id, as the grader decides it. */
export function answerKindOf(label: Label): ComputableKind {
  const entry = catalogById(label.calculator.id);
  if (entry) return entry.kind;
  if (label.answer.kind !== 'incomputable') return label.answer.kind;
  throw inputError(
    'UNKNOWN_CALCULATOR',
    `label ${label.id}: unknown calculator id ${label.calculator.id}, so the kind of its answers is unknown`,
    { id: label.id },
  );
}

export type ProposedValue = number | string | WeeksDays | null;

/**
 * A proposed value read strictly for a calculator of `kind`: "N/A" and its spellings mean incomputable
 * (null); numbers must be plain numbers (whole numbers for integer calculators); dates and gestational
 * ages in any form the upstream files use. Throws AnswerParseError naming what was expected.
 */
export function readProposedValue(kind: ComputableKind, text: string | number): ProposedValue {
  if (typeof text === 'number') text = String(text);
  if (text.trim() === '') throw new AnswerParseError(kind, text, 'empty');
  if (isAbstention(text)) return null;
  const value = parseAnswerValue(kind, text);
  if (kind === 'integer' && !Number.isInteger(value)) throw new AnswerParseError(kind, text, 'not a whole number');
  return value;
}

/** The answer a value stands for: incomputable for null, else the value with the kind's limits. */
export function answerOf(kind: ComputableKind, value: ProposedValue): Answer {
  return value === null ? { kind: 'incomputable', value: null } : answerWithLimits(kind, value);
}

/** The same answer (kind and value; limits follow from them). */
export function sameAnswer(a: Answer, b: Answer): boolean {
  return a.kind === b.kind && JSON.stringify(a.value) === JSON.stringify(b.value);
}

import { isAbstention, parseDate, parseGestationalAge, parseNumber } from '../label/answer.js';
import type { ComputableKind, WeeksDays } from '../label/types.js';

/** A physician value as a sign-off stores it: a number, MM/DD/YYYY, "[w,d]" for a gestational age, or null (N/A). */
export type PhysicianValue = number | string | null;

/** A unit after a number: letters first ("ml/hr", "mg/dL", "%", "µmol/L"), never a second number ("7-8"). */
const WITH_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-zµμ°%][A-Za-z0-9µμ°%/^²³·. -]*)$/;

/**
 * Reads a physician's free-text value for a calculator of `kind`: "N/A", "Not applicable" → null; a
 * number, or a number with a unit ("78.1 ml/hr" → 78.1); a date in any form the upstream files use;
 * a gestational age as "('4 weeks', '2 days')", "[4, 2]" or total days → "[4,2]". Undefined when the
 * text is none of these ("Multiple", "7-8"): the caller keeps the raw text and reports it.
 */
export function parsePhysicianValue(kind: ComputableKind, text: string): PhysicianValue | undefined {
  const t = text.trim();
  if (t !== '' && isAbstention(t)) return null;
  switch (kind) {
    case 'decimal':
    case 'integer': {
      const plain = parseNumber(t);
      if (plain !== undefined) return plain;
      const m = WITH_UNIT.exec(t);
      return m ? Number(m[1]) : undefined;
    }
    case 'date':
      return parseDate(t);
    case 'gestational-age': {
      const ga = parseGestationalAge(t);
      return ga ? formatWeeksDays(ga) : undefined;
    }
  }
}

/** "[4,2]": how a gestational age is kept in a sign-off's parsedValue. */
export function formatWeeksDays([weeks, days]: WeeksDays): string {
  return `[${weeks},${days}]`;
}

/** The answer value a parsed physician value stands for (a gestational age back to its pair). */
export function answerValueOf(kind: ComputableKind, value: number | string): number | string | WeeksDays {
  if (kind === 'gestational-age' && typeof value === 'string') return parseGestationalAge(value) ?? [0, 0];
  return value;
}

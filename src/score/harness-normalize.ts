import { parseHarnessWeeksDays } from './grade-gestational-age.js';
import { parsePythonNumber } from './python-number.js';
import type { GradingRule } from './rules.js';

const LEADING_DATE = /^(0?[1-9]|1[0-2])\/(0?[1-9]|[12][0-9]|3[01])\/(\d{4})/;
const OUT_OF = /(\d+) out of/;
const NUMBER_LIST = /-?\d+(, ?-?\d+)+/;
const NUMBERS = /-?\d+(?:\.\d+)?/g;
const EGFR_UNIT = /(-?\d+(?:\.\d+)?)\s*mL\/min\/1.73/;
const PERCENTS = /(-?\d+(?:\.\d+)?)%/g;
const EXPRESSION = /str\((.*)\)/;

/**
 * What the harness makes of an extracted answer field before grading it, by rule; undefined where
 * the harness gives "N/A" (graded wrong). The harness's quirks are kept on purpose, since they decide
 * its correctness: an integer answer is the number before "out of", else the count of a comma list,
 * else the last number in the text; a decimal answer is the number before "mL/min/1.73", else the last
 * percentage divided by 100, else the last number; a date must open the text. One branch is left out:
 * the harness evaluates a `str(...)` Python expression, and scoring does not run code, so such an
 * answer is unreadable here.
 */
export function normalizeExtracted(rule: GradingRule, field: string): string | undefined {
  switch (rule) {
    case 'date': {
      const m = LEADING_DATE.exec(field);
      return m ? `${m[1].padStart(2, '0')}/${m[2].padStart(2, '0')}/${m[3]}` : undefined;
    }
    case 'gestational-age': {
      const ga = parseHarnessWeeksDays(field.replace(/\[/g, '(').replace(/\]/g, ')').replace(/['"]/g, ''));
      return ga ? `(${ga[0]}, ${ga[1]})` : undefined;
    }
    case 'integer': {
      const outOf = OUT_OF.exec(field);
      if (outOf) return outOf[1];
      const list = NUMBER_LIST.exec(field);
      if (list) return String(list[0].split(',').length);
      return lastMatch(field, NUMBERS);
    }
    case 'decimal': {
      if (EXPRESSION.test(field)) return undefined;
      const egfr = EGFR_UNIT.exec(field);
      if (egfr) return numberText(egfr[1]);
      const percent = lastMatch(field, PERCENTS, 1);
      if (percent !== undefined) {
        const x = parsePythonNumber(percent);
        return x === undefined ? undefined : String(x / 100);
      }
      const last = lastMatch(field, NUMBERS);
      return last === undefined ? undefined : numberText(last);
    }
  }
}

function lastMatch(text: string, pattern: RegExp, group = 0): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(pattern)) last = m[group];
  return last;
}

/** The harness evals a matched number; a literal Python refuses ("07") ends its extraction with an error. */
function numberText(literal: string): string | undefined {
  return parsePythonNumber(literal) === undefined ? undefined : literal;
}

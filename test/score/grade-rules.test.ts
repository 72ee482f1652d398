import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/label/types.js';
import { gradeAnswer } from '../../src/score/grade-answer.js';
import { parseHarnessDate } from '../../src/score/grade-date.js';
import { parseHarnessWeeksDays } from '../../src/score/grade-gestational-age.js';
import type { Outcome } from '../../src/score/outcome.js';
import { parsePythonNumber } from '../../src/score/python-number.js';
import { gradingRuleFor } from '../../src/score/rules.js';

const int = (value: number): Answer => ({ kind: 'integer', value, lower: value, upper: value });
const dec = (value: number, lower: number, upper: number): Answer => ({ kind: 'decimal', value, lower, upper });
const date = (value: string): Answer => ({ kind: 'date', value, lower: value, upper: value });
const ga = (weeks: number, days: number): Answer => ({
  kind: 'gestational-age',
  value: [weeks, days],
  lower: [weeks, days],
  upper: [weeks, days],
});
const NA: Answer = { kind: 'incomputable', value: null };

interface Case {
  description: string;
  calculatorId: number;
  label: Answer;
  answer: string | undefined;
  outcome: Outcome;
}

// Data-driven: each row is one branch of the harness's rules (or of what scoring adds to them).
const cases: Case[] = [
  // integer calculators: Python's round(), ties to even, must equal the label
  {
    description: 'integer: 2.5 rounds to 2 (half to even)',
    calculatorId: 4,
    label: int(2),
    answer: '2.5',
    outcome: 'correct',
  },
  { description: 'integer: 2.5 is not 3', calculatorId: 4, label: int(3), answer: '2.5', outcome: 'wrong' },
  {
    description: 'integer: 3.5 rounds to 4 (half to even)',
    calculatorId: 4,
    label: int(4),
    answer: '3.5',
    outcome: 'correct',
  },
  { description: 'integer: 0.5 rounds to 0', calculatorId: 21, label: int(0), answer: '0.5', outcome: 'correct' },
  { description: 'integer: -2.5 rounds to -2', calculatorId: 28, label: int(-2), answer: '-2.5', outcome: 'correct' },
  {
    description: 'integer: 2.5000001 rounds to 3',
    calculatorId: 4,
    label: int(3),
    answer: '2.5000001',
    outcome: 'correct',
  },
  { description: 'integer: 7.0 is 7', calculatorId: 21, label: int(7), answer: '7.0', outcome: 'correct' },
  {
    description: 'integer: surrounding spaces are fine for eval',
    calculatorId: 21,
    label: int(7),
    answer: ' 7 ',
    outcome: 'correct',
  },
  {
    description: 'integer: unary signs as Python reads them',
    calculatorId: 28,
    label: int(-3),
    answer: '- 3',
    outcome: 'correct',
  },
  { description: 'integer: an exponent', calculatorId: 28, label: int(10), answer: '1e1', outcome: 'correct' },
  {
    description: 'integer: "07" is a Python syntax error, so the harness counts it wrong',
    calculatorId: 21,
    label: int(7),
    answer: '07',
    outcome: 'unreadable',
  },
  { description: 'integer: "0" is a valid literal', calculatorId: 21, label: int(0), answer: '0', outcome: 'correct' },
  {
    description: 'integer: text around the number is not read without --extract',
    calculatorId: 4,
    label: int(3),
    answer: '3 points',
    outcome: 'unreadable',
  },
  {
    description: 'integer: expressions are not evaluated',
    calculatorId: 4,
    label: int(4),
    answer: '2+2',
    outcome: 'unreadable',
  },
  {
    description: 'integer: nan is a name, not a number',
    calculatorId: 4,
    label: int(4),
    answer: 'nan',
    outcome: 'unreadable',
  },
  {
    description: 'integer: overflow to infinity cannot be rounded',
    calculatorId: 4,
    label: int(4),
    answer: '1e999',
    outcome: 'unreadable',
  },

  // decimal calculators: Lower ≤ answer ≤ Upper, inclusive
  {
    description: 'decimal: inside the limits',
    calculatorId: 2,
    label: dec(25.238, 23.976, 26.5),
    answer: '25',
    outcome: 'correct',
  },
  {
    description: 'decimal: exactly the lower limit',
    calculatorId: 2,
    label: dec(25.238, 23.976, 26.5),
    answer: '23.976',
    outcome: 'correct',
  },
  {
    description: 'decimal: exactly the upper limit',
    calculatorId: 2,
    label: dec(25.238, 23.976, 26.5),
    answer: '26.5',
    outcome: 'correct',
  },
  {
    description: 'decimal: just below the lower limit',
    calculatorId: 2,
    label: dec(25.238, 23.976, 26.5),
    answer: '23.9759',
    outcome: 'wrong',
  },
  {
    description: 'decimal: just above the upper limit',
    calculatorId: 2,
    label: dec(25.238, 23.976, 26.5),
    answer: '26.5001',
    outcome: 'wrong',
  },
  {
    description: 'decimal: a leading-zero float is a valid Python literal',
    calculatorId: 2,
    label: dec(7.5, 7, 8),
    answer: '07.5',
    outcome: 'correct',
  },
  {
    description: 'decimal: negative label, inside [-5.25, -4.75]',
    calculatorId: 64,
    label: dec(-5, -5.25, -4.75),
    answer: '-5.1',
    outcome: 'correct',
  },
  {
    description: 'decimal: negative label, lower limit included',
    calculatorId: 64,
    label: dec(-5, -5.25, -4.75),
    answer: '-5.25',
    outcome: 'correct',
  },
  {
    description: 'decimal: negative label, just outside',
    calculatorId: 64,
    label: dec(-5, -5.25, -4.75),
    answer: '-4.7',
    outcome: 'wrong',
  },
  {
    description: 'decimal: negative label, positive answer',
    calculatorId: 64,
    label: dec(-5, -5.25, -4.75),
    answer: '5',
    outcome: 'wrong',
  },
  {
    description: 'decimal: limits equal to 0, answer 0',
    calculatorId: 46,
    label: dec(0, 0, 0),
    answer: '0',
    outcome: 'correct',
  },
  {
    description: 'decimal: limits equal to 0, answer 0.0',
    calculatorId: 46,
    label: dec(0, 0, 0),
    answer: '0.0',
    outcome: 'correct',
  },
  {
    description: 'decimal: limits equal to 0, answer -0',
    calculatorId: 46,
    label: dec(0, 0, 0),
    answer: '-0',
    outcome: 'correct',
  },
  {
    description: 'decimal: limits equal to 0, answer 0.001',
    calculatorId: 46,
    label: dec(0, 0, 0),
    answer: '0.001',
    outcome: 'wrong',
  },
  {
    description: 'decimal: limits equal to 0, answer -1e-9',
    calculatorId: 46,
    label: dec(0, 0, 0),
    answer: '-1e-9',
    outcome: 'wrong',
  },
  {
    description: 'decimal: a unit is not read without --extract',
    calculatorId: 2,
    label: dec(25.238, 23.976, 26.5),
    answer: '25 mL/min',
    outcome: 'unreadable',
  },

  // dates (13, 68): strptime('%m/%d/%Y'), compared as M/D/YYYY
  {
    description: 'date: zero-padded',
    calculatorId: 13,
    label: date('03/07/2021'),
    answer: '03/07/2021',
    outcome: 'correct',
  },
  {
    description: 'date: without zero padding',
    calculatorId: 13,
    label: date('03/07/2021'),
    answer: '3/7/2021',
    outcome: 'correct',
  },
  {
    description: 'date: month padded, day not',
    calculatorId: 68,
    label: date('03/07/2021'),
    answer: '03/7/2021',
    outcome: 'correct',
  },
  {
    description: 'date: day padded with a space (strptime %d allows it)',
    calculatorId: 68,
    label: date('03/07/2021'),
    answer: '3/ 7/2021',
    outcome: 'correct',
  },
  {
    description: 'date: another day',
    calculatorId: 13,
    label: date('03/07/2021'),
    answer: '3/8/2021',
    outcome: 'wrong',
  },
  {
    description: 'date: ISO form is not %m/%d/%Y',
    calculatorId: 13,
    label: date('03/07/2021'),
    answer: '2021-03-07',
    outcome: 'unreadable',
  },
  {
    description: 'date: two-digit year',
    calculatorId: 13,
    label: date('03/07/2021'),
    answer: '03/07/21',
    outcome: 'unreadable',
  },
  {
    description: 'date: no such day',
    calculatorId: 13,
    label: date('03/01/2021'),
    answer: '02/29/2021',
    outcome: 'unreadable',
  },
  {
    description: 'date: month 13',
    calculatorId: 13,
    label: date('01/03/2021'),
    answer: '13/01/2021',
    outcome: 'unreadable',
  },
  {
    description: 'date: a leading space fails strptime',
    calculatorId: 13,
    label: date('03/07/2021'),
    answer: ' 03/07/2021',
    outcome: 'unreadable',
  },

  // gestational age (69): the harness's tuple pattern, weeks and days compared as written
  {
    description: "age: the v1.0 spelling ('9 weeks', '6 days')",
    calculatorId: 69,
    label: ga(9, 6),
    answer: "('9 weeks', '6 days')",
    outcome: 'correct',
  },
  { description: 'age: (9, 6)', calculatorId: 69, label: ga(9, 6), answer: '(9, 6)', outcome: 'correct' },
  { description: 'age: [9, 6]', calculatorId: 69, label: ga(9, 6), answer: '[9, 6]', outcome: 'correct' },
  {
    description: 'age: singular units',
    calculatorId: 69,
    label: ga(1, 1),
    answer: "('1 week', '1 day')",
    outcome: 'correct',
  },
  {
    description: 'age: 9 weeks, 6 days',
    calculatorId: 69,
    label: ga(9, 6),
    answer: '9 weeks, 6 days',
    outcome: 'correct',
  },
  {
    description: 'age: 0 weeks',
    calculatorId: 69,
    label: ga(0, 6),
    answer: "('0 weeks', '6 days')",
    outcome: 'correct',
  },
  { description: 'age: other days', calculatorId: 69, label: ga(9, 6), answer: '(9, 5)', outcome: 'wrong' },
  {
    description: 'age: (8, 13) is not normalised to (9, 6)',
    calculatorId: 69,
    label: ga(9, 6),
    answer: '(8, 13)',
    outcome: 'wrong',
  },
  {
    description: 'age: the pattern reads "96" as (9, 6)',
    calculatorId: 69,
    label: ga(9, 6),
    answer: '96',
    outcome: 'correct',
  },
  {
    description: 'age: total days "69" read as (6, 9)',
    calculatorId: 69,
    label: ga(9, 6),
    answer: '69',
    outcome: 'wrong',
  },
  {
    description: 'age: "9 weeks and 6 days" has no match',
    calculatorId: 69,
    label: ga(9, 6),
    answer: '9 weeks and 6 days',
    outcome: 'unreadable',
  },
  {
    description: 'age: one number has no match',
    calculatorId: 69,
    label: ga(9, 6),
    answer: '9',
    outcome: 'unreadable',
  },
  {
    description: 'age: "(09, 6)" is a Python syntax error',
    calculatorId: 69,
    label: ga(9, 6),
    answer: '(09, 6)',
    outcome: 'unreadable',
  },

  // abstentions and incomputable labels (what the harness lacks)
  {
    description: 'abstention on a computable label: N/A',
    calculatorId: 2,
    label: dec(25.238, 23.976, 26.5),
    answer: 'N/A',
    outcome: 'abstained',
  },
  {
    description: 'abstention on a computable label: unknown',
    calculatorId: 13,
    label: date('03/07/2021'),
    answer: 'unknown',
    outcome: 'abstained',
  },
  {
    description: 'abstention on a computable label: empty',
    calculatorId: 4,
    label: int(3),
    answer: '',
    outcome: 'abstained',
  },
  { description: 'incomputable label, N/A', calculatorId: 2, label: NA, answer: 'N/A', outcome: 'abstained-correctly' },
  {
    description: 'incomputable label, unknown',
    calculatorId: 69,
    label: NA,
    answer: 'unknown',
    outcome: 'abstained-correctly',
  },
  { description: 'incomputable label, empty', calculatorId: 4, label: NA, answer: '', outcome: 'abstained-correctly' },
  {
    description: 'incomputable label, Not applicable',
    calculatorId: 13,
    label: NA,
    answer: 'Not applicable',
    outcome: 'abstained-correctly',
  },
  {
    description: 'incomputable label, a number',
    calculatorId: 2,
    label: NA,
    answer: '25.2',
    outcome: 'answered-incomputable',
  },
  {
    description: 'incomputable label, zero',
    calculatorId: 4,
    label: NA,
    answer: '0',
    outcome: 'answered-incomputable',
  },
  {
    description: 'incomputable label, the harness\'s "Not Found" is not an abstention',
    calculatorId: 4,
    label: NA,
    answer: 'Not Found',
    outcome: 'answered-incomputable',
  },
  { description: 'no prediction', calculatorId: 4, label: int(3), answer: undefined, outcome: 'missing' },
  {
    description: 'no prediction on an incomputable label',
    calculatorId: 4,
    label: NA,
    answer: undefined,
    outcome: 'missing',
  },

  // the rule is chosen by calculator id, falling back to the label's kind
  {
    description: 'an unknown calculator with a decimal label uses the limits',
    calculatorId: 999,
    label: dec(10, 9.5, 10.5),
    answer: '9.6',
    outcome: 'correct',
  },
  {
    description: 'an unknown calculator with an integer label rounds',
    calculatorId: 999,
    label: int(2),
    answer: '2.5',
    outcome: 'correct',
  },
  {
    description: 'an integer calculator rounds even a decimal-kind label',
    calculatorId: 4,
    label: dec(2, 2, 2),
    answer: '2.4',
    outcome: 'correct',
  },
  {
    description: 'a decimal calculator uses limits even for an integer-kind label',
    calculatorId: 2,
    label: dec(20, 19, 21),
    answer: '20.6',
    outcome: 'correct',
  },
];

describe('gradeAnswer: every grading branch', () => {
  for (const c of cases) {
    it(`${c.description}: ${JSON.stringify(c.answer)} → ${c.outcome}`, () => {
      expect(gradeAnswer({ calculatorId: c.calculatorId, answer: c.label }, c.answer)).toBe(c.outcome);
    });
  }
});

describe('the readers behind the rules', () => {
  it('parsePythonNumber reads Python number literals only', () => {
    expect(parsePythonNumber('1_000')).toBe(1000);
    expect(parsePythonNumber('.5')).toBe(0.5);
    expect(parsePythonNumber('5.')).toBe(5);
    expect(parsePythonNumber('--3')).toBe(3);
    expect(parsePythonNumber('+-3')).toBe(-3);
    expect(parsePythonNumber('00')).toBe(0);
    expect(parsePythonNumber('07e1')).toBe(70);
    for (const bad of ['07', '-07', '0_7', '1__0', '_1', '0x10', '3j', '', '.', 'e5', '1e', '1,000', 'Infinity']) {
      expect(parsePythonNumber(bad), bad).toBeUndefined();
    }
  });

  it('parseHarnessDate follows strptime %m/%d/%Y', () => {
    expect(parseHarnessDate('2/29/2024')).toEqual([2, 29, 2024]);
    expect(parseHarnessDate('2/29/2023')).toBeUndefined();
    expect(parseHarnessDate('12/31/0001')).toEqual([12, 31, 1]);
    expect(parseHarnessDate('01/01/0000')).toBeUndefined();
    expect(parseHarnessDate('00/10/2020')).toBeUndefined();
    expect(parseHarnessDate('1/1/2020 ')).toBeUndefined();
  });

  it("parseHarnessWeeksDays is the harness's tuple pattern, searched anywhere", () => {
    expect(parseHarnessWeeksDays("('4 weeks', '2 days')")).toEqual([4, 2]);
    expect(parseHarnessWeeksDays('"4 weeks", "2 days"')).toEqual([4, 2]);
    expect(parseHarnessWeeksDays('The answer is (4, 2).')).toEqual([4, 2]);
    expect(parseHarnessWeeksDays('4weeks2days')).toEqual([4, 2]);
    expect(parseHarnessWeeksDays('123')).toEqual([12, 3]);
    expect(parseHarnessWeeksDays('4 weeks and 2 days')).toBeUndefined();
    expect(parseHarnessWeeksDays('(00, 2)')).toEqual([0, 2]);
  });

  it('gradingRuleFor: by id, then by kind; incomputable has no rule', () => {
    expect(gradingRuleFor(69, 'gestational-age')).toBe('gestational-age');
    expect(gradingRuleFor(13, 'date')).toBe('date');
    expect(gradingRuleFor(4, 'integer')).toBe('integer');
    expect(gradingRuleFor(2, 'decimal')).toBe('decimal');
    expect(gradingRuleFor(4, 'decimal')).toBe('integer');
    expect(gradingRuleFor(13, 'decimal')).toBe('decimal');
    expect(gradingRuleFor(999, 'date')).toBe('date');
    expect(gradingRuleFor(2, 'incomputable')).toBeUndefined();
  });
});

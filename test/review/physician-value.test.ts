import { describe, expect, it } from 'vitest';
import { answerWithLimits } from '../../src/label/answer.js';
import type { Answer, ComputableKind } from '../../src/label/types.js';
import { physicianAgrees } from '../../src/review/agreement.js';
import { parsePhysicianValue } from '../../src/review/physician-value.js';

describe('parsePhysicianValue: free-text physician labels', () => {
  const cases: { kind: ComputableKind; text: string; value: number | string | null | undefined }[] = [
    { kind: 'decimal', text: '9', value: 9 },
    { kind: 'decimal', text: '-0.31', value: -0.31 },
    { kind: 'decimal', text: '78.1 ml/hr', value: 78.1 },
    { kind: 'decimal', text: '6.3 mL/min/1.73 m²', value: 6.3 },
    { kind: 'decimal', text: '12%', value: 12 },
    { kind: 'integer', text: ' 14 ', value: 14 },
    { kind: 'integer', text: 'N/A', value: null },
    { kind: 'integer', text: 'Not applicable', value: null },
    { kind: 'decimal', text: 'n/a', value: null },
    { kind: 'decimal', text: 'Multiple', value: undefined },
    { kind: 'integer', text: '7-8', value: undefined },
    { kind: 'decimal', text: '', value: undefined },
    { kind: 'date', text: '2006-03-21 00:00:00', value: '03/21/2006' },
    { kind: 'date', text: '3/21/2006', value: '03/21/2006' },
    { kind: 'date', text: '2006-02-30', value: undefined },
    { kind: 'gestational-age', text: '6', value: '[0,6]' },
    { kind: 'gestational-age', text: '99', value: '[14,1]' },
    { kind: 'gestational-age', text: "('4 weeks', '2 days')", value: '[4,2]' },
    { kind: 'gestational-age', text: '[4, 2]', value: '[4,2]' },
  ];
  for (const c of cases) {
    it(`${c.kind} ${JSON.stringify(c.text)} → ${JSON.stringify(c.value)}`, () => {
      expect(parsePhysicianValue(c.kind, c.text)).toEqual(c.value);
    });
  }
});

describe("physicianAgrees: the paper's agreement rule", () => {
  const dec = (x: number) => answerWithLimits('decimal', x);
  const int = (x: number) => answerWithLimits('integer', x);
  const na: Answer = { kind: 'incomputable', value: null };
  // Pairs taken from the 50 physician-labelled items (label, physician value).
  const cases: { label: Answer; physician: number | string | null; agree: boolean; why: string }[] = [
    { label: na, physician: null, agree: true, why: 'both N/A' },
    { label: dec(3.58), physician: null, agree: false, why: 'physician N/A, label a number' },
    { label: na, physician: 6.3, agree: false, why: 'label N/A, physician a number' },
    { label: int(8), physician: 7, agree: true, why: 'integer ≤ 20: within ±1' },
    { label: int(1), physician: 0, agree: true, why: 'integer ≤ 20: within ±1 of 0' },
    { label: int(27), physician: 20, agree: false, why: '7 away from a small score' },
    { label: dec(10.02), physician: 10, agree: true, why: '±1 for 10' },
    { label: dec(130.56), physician: 131, agree: true, why: '131 > 20: within 5% of 131' },
    { label: dec(293.3), physician: 309, agree: false, why: 'more than 5% below 309' },
    { label: dec(19.79), physician: 9, agree: false, why: 'way off' },
    { label: int(15), physician: 14, agree: true, why: '±1' },
    { label: dec(105), physician: 100, agree: true, why: 'exactly 5%, despite floating point' },
    { label: dec(72), physician: 169.2, agree: false, why: 'LDL far off' },
    { label: answerWithLimits('date', '03/21/2006'), physician: '03/21/2006', agree: true, why: 'same date' },
    {
      label: answerWithLimits('gestational-age', [4, 2]),
      physician: '[4,2]',
      agree: true,
      why: 'same gestational age',
    },
    {
      label: answerWithLimits('gestational-age', [4, 2]),
      physician: '[4,3]',
      agree: true,
      why: 'a day off at 31 days: within 5% of the total days, as the paper compares them',
    },
    {
      label: answerWithLimits('gestational-age', [2, 0]),
      physician: '[2,2]',
      agree: false,
      why: 'two days off at 16 days: a whole number ≤ 20 gets ±1',
    },
  ];
  for (const c of cases) {
    it(`${c.why}`, () => expect(physicianAgrees(c.label, c.physician)).toBe(c.agree));
  }
});

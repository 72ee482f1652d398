import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/label/types.js';
import { lastAnswerField } from '../../src/score/extract-answer-field.js';
import { gradeRawOutput } from '../../src/score/grade-raw-output.js';
import { normalizeExtracted } from '../../src/score/harness-normalize.js';

describe('lastAnswerField: the harness\'s "answer": pattern', () => {
  const cases: { description: string; raw: string; field: string | undefined }[] = [
    {
      description: 'a one-line JSON dict',
      raw: '{"step_by_step_thinking": "CrCl = ...", "answer": "25.2"}',
      field: '25.2',
    },
    { description: 'a bare number', raw: '{"answer": 4}', field: '4' },
    { description: 'Answer with a capital', raw: '{"Answer": "4"}', field: '4' },
    { description: 'the last of several fields', raw: '{"answer": "1"} then {"answer": "2"}', field: '2' },
    { description: 'any key ending in answer', raw: '{"final_answer": "7"}', field: '7' },
    { description: 'quotes stripped after spaces', raw: '{"answer":   "  5 "  }', field: '  5 ' },
    { description: 'stops at the first }', raw: '{"answer": "{3} points"}', field: '{3' },
    {
      description: 'pitfall: a pretty-printed dict (the } on its own line) is not found',
      raw: '{\n  "answer": "5"\n}',
      field: undefined,
    },
    { description: 'pitfall: a Python dict with single quotes is not found', raw: "{'answer': '5'}", field: undefined },
    { description: 'no field', raw: 'The score is 5.', field: undefined },
    {
      description: 'an echoed placeholder',
      raw: '{"answer": "str(short_and_direct_answer_of_the_question)"}',
      field: undefined,
    },
    { description: 'an echoed X.XX', raw: '{"answer": X.XX}', field: undefined },
  ];
  for (const c of cases) {
    it(c.description, () => expect(lastAnswerField(c.raw)).toBe(c.field));
  }
});

describe("normalizeExtracted: the harness's post-processing by rule", () => {
  it('integer: "out of", comma lists, then the last number', () => {
    expect(normalizeExtracted('integer', '3 out of 5')).toBe('3');
    expect(normalizeExtracted('integer', '1, 2, 3')).toBe('3');
    expect(normalizeExtracted('integer', 'Score 4 (range 0-7)')).toBe('-7');
    expect(normalizeExtracted('integer', 'about 2.5')).toBe('2.5');
    expect(normalizeExtracted('integer', 'none')).toBeUndefined();
  });
  it('decimal: mL/min/1.73, then the last percentage / 100, then the last number; no code is run', () => {
    expect(normalizeExtracted('decimal', '8.1 mL/min/1.73 m²')).toBe('8.1');
    expect(normalizeExtracted('decimal', 'FENa is 53.1%')).toBe('0.531');
    expect(normalizeExtracted('decimal', '25.2 mL/min')).toBe('25.2');
    expect(normalizeExtracted('decimal', 'weight 70 kg, BMI 22.9')).toBe('22.9');
    expect(normalizeExtracted('decimal', 'str(round(70 / 1.75 ** 2, 1))')).toBeUndefined();
    expect(normalizeExtracted('decimal', 'value 07')).toBeUndefined();
  });
  it('date: must open the text; padded to MM/DD/YYYY', () => {
    expect(normalizeExtracted('date', '3/7/2021 (40 weeks)')).toBe('03/07/2021');
    expect(normalizeExtracted('date', 'Due date: 03/07/2021')).toBeUndefined();
  });
  it('gestational age: brackets and quotes removed, then the tuple pattern', () => {
    expect(normalizeExtracted('gestational-age', "['9 weeks', '6 days']")).toBe('(9, 6)');
    expect(normalizeExtracted('gestational-age', '9 weeks and 6 days')).toBeUndefined();
  });
});

describe('gradeRawOutput (--extract)', () => {
  const fena: Answer = { kind: 'decimal', value: 1.5, lower: 1.425, upper: 1.575 };
  const score: Answer = { kind: 'integer', value: 3, lower: 3, upper: 3 };
  const na: Answer = { kind: 'incomputable', value: null };
  it('grades the extracted, post-processed answer', () => {
    expect(
      gradeRawOutput({ calculatorId: 4, answer: score }, '{"step_by_step_thinking": "...", "answer": "3 points"}'),
    ).toBe('correct');
    expect(gradeRawOutput({ calculatorId: 4, answer: score }, '{"answer": "2.5"}')).toBe('wrong');
  });
  it('pitfall: a FENa answered in percent is divided by 100 and graded wrong', () => {
    expect(gradeRawOutput({ calculatorId: 40, answer: fena }, '{"answer": "1.5%"}')).toBe('wrong');
    expect(gradeRawOutput({ calculatorId: 40, answer: fena }, '{"answer": "1.5"}')).toBe('correct');
  });
  it('abstentions are judged before post-processing; no field is never an abstention', () => {
    expect(gradeRawOutput({ calculatorId: 4, answer: na }, '{"answer": "N/A"}')).toBe('abstained-correctly');
    expect(gradeRawOutput({ calculatorId: 4, answer: score }, '{"answer": "N/A"}')).toBe('abstained');
    expect(gradeRawOutput({ calculatorId: 4, answer: na }, 'I cannot tell.')).toBe('no-answer-field');
    expect(gradeRawOutput({ calculatorId: 4, answer: na }, '{"answer": "cannot be determined"}')).toBe(
      'answered-incomputable',
    );
    expect(gradeRawOutput({ calculatorId: 4, answer: score }, '{"answer": "cannot be determined"}')).toBe('unreadable');
    expect(gradeRawOutput({ calculatorId: 4, answer: score }, undefined)).toBe('missing');
  });
});

import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/errors.js';
import { writeCsv } from '../../src/core/csv.js';
import { parsePredictions } from '../../src/score/predictions.js';

const file = 'preds.jsonl';

describe('parsePredictions', () => {
  it('reads JSONL with id or row, answers as strings, numbers or null, and models', () => {
    const text = [
      '{"id": "test-0001", "answer": "25.2", "model": "a"}',
      '',
      '{"row": 2, "answer": 4, "model": "b"}',
      '{"row": "3", "answer": null}',
    ].join('\n');
    expect(parsePredictions(text, { file, defaultModel: 'preds' })).toEqual([
      { id: 'test-0001', answer: '25.2', model: 'a', line: 1 },
      { row: 2, answer: '4', model: 'b', line: 3 },
      { row: 3, answer: '', model: 'preds', line: 4 },
    ]);
  });

  it("reads the harness's output JSONL (Row Number, LLM Answer) and ignores its other fields", () => {
    const text = '\ufeff{"Row Number": 7, "Calculator ID": "4", "LLM Answer": "3", "Result": "Correct"}\n';
    expect(parsePredictions(text, { file })).toEqual([{ row: 7, answer: '3', model: 'model', line: 1 }]);
  });

  it("reads the harness's output CSV, multi-line cells included", () => {
    const text = writeCsv(
      ['Row Number', 'LLM Answer', 'LLM Explanation'],
      [
        ['1', '03/07/2021', 'line one\nline two'],
        ['2', "('9 weeks', '6 days')", 'x'],
      ],
    );
    expect(parsePredictions(text, { file: 'out.csv' })).toEqual([
      { row: 1, answer: '03/07/2021', model: 'model', line: 2 },
      { row: 2, answer: "('9 weeks', '6 days')", model: 'model', line: 4 },
    ]);
  });

  it('reads a JSON array', () => {
    expect(parsePredictions('[{"id": "a", "answer": "1"}]', { file })).toEqual([
      { id: 'a', answer: '1', model: 'model', line: 1 },
    ]);
  });

  it('an empty file has no predictions', () => {
    expect(parsePredictions('\n  \n', { file })).toEqual([]);
  });

  it('names the line of a bad record', () => {
    const cases: [string, string, RegExp][] = [
      [
        '{"id": "a", "answer": "1"}\n{"id": "b", "answer": ',
        'PREDICTIONS_BAD_JSON',
        /preds\.jsonl: line 2: invalid JSON/,
      ],
      ['{"id": "a"}', 'PREDICTIONS_NO_ANSWER', /line 1: no "answer"/],
      ['{"answer": "1"}', 'PREDICTIONS_NO_ITEM', /line 1: no item/],
      ['{"row": "x1", "answer": "1"}', 'PREDICTIONS_BAD_ROW', /"row" must be a whole number/],
      ['{"id": 5, "answer": "1"}', 'PREDICTIONS_BAD_ID', /"id" must be a string/],
      ['{"id": "a", "answer": [1]}', 'PREDICTIONS_BAD_ANSWER', /"answer" must be a string, a number or null/],
      ['{"id": "a", "answer": "1", "model": 3}', 'PREDICTIONS_BAD_MODEL', /"model" must be a string/],
      ['[1]', 'PREDICTIONS_BAD_RECORD', /line 1: expected an object/],
    ];
    for (const [text, code, message] of cases) {
      const error = errorOf(() => parsePredictions(text, { file }));
      expect(error.code, text).toBe(code);
      expect(error.message, text).toMatch(message);
      expect(error.kind).toBe('input');
    }
  });

  it('a CSV without an item or answer column is refused', () => {
    const error = errorOf(() => parsePredictions('Row Number,Answer text\n1,2\n', { file: 'out.csv' }));
    expect(error.code).toBe('CSV_MISSING_COLUMN');
    expect(error.message).toMatch(/LLM Answer/);
  });
});

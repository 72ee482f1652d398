import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/errors.js';
import { writeCsv } from '../../src/core/csv.js';
import { parsePredictions, parsePredictionsInTurns } from '../../src/score/predictions.js';
import { mulberry32 } from '../../src/stats/random.js';

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

describe('parsePredictions of JSONL records read without JSON.parse', () => {
  /** Lines near the usual shape, and every way of leaving it that JSON allows or refuses. */
  function randomLine(next: () => number): string {
    const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)];
    const value = () =>
      pick([
        '"test-0001"',
        '""',
        '"a\\"b"',
        '"\\u0069d"',
        '"tab\there"',
        '"é ☃ \u2028"',
        '7',
        '0',
        '007',
        '-3',
        '2.5',
        '1e3',
        '12345678901234567890',
        'null',
        'true',
        '"3"',
        '{}',
        '[]',
      ]);
    const space = () => pick(['', '', ' ', '\t', '\r']);
    const keys = ['id', 'row', 'answer', 'model', 'Row Number', 'LLM Answer', '__proto__', 'other', '\\u0069d'];
    const members = Array.from({ length: Math.floor(next() * 5) }, () => {
      const key = pick(keys);
      const plainValue =
        key === 'row' ? pick(['7', '0', '123456', '007', '1.5']) : pick(['"test-0001"', '"25.2"', '"m"']);
      return `${space()}"${key}"${space()}:${space()}${next() < 0.7 ? plainValue : value()}${space()}`;
    });
    const body = `${space()}{${members.join(',')}}${space()}`;
    return next() < 0.05 ? body.slice(0, Math.floor(next() * body.length)) : body;
  }

  it('gives what JSON.parse and the record rules give, for every line', () => {
    const next = mulberry32(5).uniform;
    const outcome = (text: string) => {
      try {
        return { predictions: parsePredictions(text, { file, defaultModel: 'dm' }) };
      } catch (error) {
        return { code: (error as { code?: string }).code, message: (error as Error).message };
      }
    };
    let plain = 0;
    for (let trial = 0; trial < 5000; trial++) {
      const line = randomLine(next);
      let parsed = true;
      try {
        JSON.parse(line);
      } catch {
        parsed = false;
      }
      const got = outcome(`${line}\n`);
      if (!parsed) {
        if (line.trim() !== '') expect(got.code, line).toBe('PREDICTIONS_BAD_JSON');
        continue;
      }
      // A one-record JSON array goes through JSON.parse and the same record rules, as line 1.
      expect(got, line).toEqual(outcome(`[${line}]`));
      if (got.predictions?.length) plain++;
    }
    expect(plain).toBeGreaterThan(300);
  });

  it('gives each line its own model when models change from line to line (one string per run of a model)', () => {
    const next = mulberry32(6).uniform;
    const models = ['m', 'm1', 'm10', 'm2', 'mx', '', 'é', 'm\\"1'];
    const lines = Array.from({ length: 3000 }, (_, k) => {
      const model = models[Math.floor(next() * models.length)];
      // Runs of one model, as files usually have them, and switches at random.
      return `{"id":"test-${k}","answer":"${k}","model":"${next() < 0.5 ? model : 'm1'}"}`;
    });
    const text = `${lines.join('\n')}\n`;
    expect(parsePredictions(text, { file, defaultModel: 'dm' })).toEqual(
      parsePredictions(`[${lines.join(',')}]`, { file, defaultModel: 'dm' }).map((p, k) => ({ ...p, line: k + 1 })),
    );
  });

  it('reads the same in turns of the event loop', async () => {
    const lines = Array.from({ length: 20000 }, (_, k) =>
      k % 3 ? `{"id":"test-${k}","answer":"${k}","model":"m${k % 2}"}` : `{"row": ${k}, "answer": null}`,
    );
    const text = `${lines.join('\n')}\n`;
    expect(await parsePredictionsInTurns(text, { file })).toEqual(parsePredictions(text, { file }));
    await expect(parsePredictionsInTurns(`${text}{"id": 3}\n`, { file })).rejects.toThrow(/line 20001: "id" must/);
  });
});

import { describe, expect, it } from 'vitest';
import { readVerifierFile } from '../../src/propose/verifier-file.js';

describe('readVerifierFile', () => {
  it('JSONL: id or row, value as number, string, pair or null, optional fields', () => {
    const text = [
      '{"id": "test-0003", "value": 19.79, "category": "extraction-error", "rationale": "weight from May 2016", ' +
        '"evidence": "https://example.org/x"}',
      '',
      '{"row": 12, "value": "N/A"}',
      '{"row": 1030, "value": [3, 4], "contentious": true}',
      '{"id": "test-0005", "value": null}',
    ].join('\n');
    expect(readVerifierFile({ text, file: 'v.jsonl' })).toEqual([
      {
        place: { file: 'v.jsonl', row: 1, line: 1 },
        ref: { id: 'test-0003' },
        value: '19.79',
        category: 'extraction-error',
        rationale: 'weight from May 2016',
        evidence: 'https://example.org/x',
      },
      { place: { file: 'v.jsonl', row: 2, line: 3 }, ref: { row: 12 }, value: 'N/A' },
      { place: { file: 'v.jsonl', row: 3, line: 4 }, ref: { row: 1030 }, value: '[3, 4]', contentious: true },
      { place: { file: 'v.jsonl', row: 4, line: 5 }, ref: { id: 'test-0005' }, value: 'N/A' },
    ]);
  });

  it('JSONL errors name the line', () => {
    const bad: [string, RegExp][] = [
      ['{"id": "a", "value": 1}\n{"id": "b", "valeu": 2}', /line 2: unknown key "valeu"/],
      ['{"id": "a", "row": 3, "value": 1}', /line 1: needs exactly one of "id"/],
      ['{"id": "a"}', /line 1: needs "value"/],
      ['{"id": "a", "value": {"x": 1}}', /"value" must be/],
      ['{"id": "a", "value": 1,}', /line 1: invalid JSON/],
      ['[1, 2]', /must be a JSON object/],
    ];
    for (const [text, err] of bad) expect(() => readVerifierFile({ text, file: 'v.jsonl' })).toThrow(err);
  });

  it('CSV: default and chosen columns, optional category/rationale/evidence, calculator name kept for checking', () => {
    const corrected =
      'Unique ID,Calculator Name,Ground Truth Answer\n3,Body Mass Index (BMI),19.79\n4,Body Mass Index (BMI),N/A\n';
    expect(readVerifierFile({ text: corrected, file: 'c.csv' }).map((r) => [r.ref, r.value, r.calculatorName])).toEqual(
      [
        [{ row: 3 }, '19.79', 'Body Mass Index (BMI)'],
        [{ row: 4 }, 'N/A', 'Body Mass Index (BMI)'],
      ],
    );
    const pipeline = 'uid,y_orig,y_new,category\n939,2006-03-21 00:00:00,2006-03-22 00:00:00,\n';
    expect(readVerifierFile({ text: pipeline, file: 'p.csv', idColumn: 'uid', valueColumn: 'y_new' })).toEqual([
      { place: { file: 'p.csv', row: 1, line: 2 }, ref: { row: 939 }, value: '2006-03-22 00:00:00' },
    ]);
    expect(() => readVerifierFile({ text: pipeline, file: 'p.csv' })).toThrow(/no value column .*--value-column/);
    expect(() => readVerifierFile({ text: pipeline, file: 'p.csv', valueColumn: 'y_final' })).toThrow(
      /header lacks column "y_final"/,
    );
    expect(readVerifierFile({ text: 'id,value\ndemo-0001,3\n', file: 'plain.csv' })[0].ref).toEqual({
      id: 'demo-0001',
    });
  });
});

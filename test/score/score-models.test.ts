import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers/errors.js';
import type { Answer } from '../../src/label/types.js';
import type { ScoringItem } from '../../src/score/items.js';
import type { Prediction } from '../../src/score/predictions.js';
import { scoreModels } from '../../src/score/score-models.js';
import { exactMcNemar, newcombePairedDifference, wilsonInterval } from '../../src/stats/index.js';

const int = (value: number): Answer => ({ kind: 'integer', value, lower: value, upper: value });
const dec = (value: number): Answer => ({ kind: 'decimal', value, lower: value * 0.95, upper: value * 1.05 });
const NA: Answer = { kind: 'incomputable', value: null };

function item(row: number, calculatorId: number, answer: Answer): ScoringItem {
  const names: Record<number, [string, string]> = {
    4: ['CHA2DS2-VASc', 'risk'],
    2: ['Creatinine Clearance', 'lab'],
    21: ['GCS', 'severity'],
  };
  return {
    id: `test-${String(row).padStart(4, '0')}`,
    split: 'test',
    row,
    calculatorId,
    calculatorName: names[calculatorId][0],
    category: names[calculatorId][1],
    answer,
  };
}

const v1 = [item(1, 4, int(3)), item(2, 4, int(2)), item(3, 2, dec(50)), item(4, 21, int(16)), item(5, 2, dec(10))];
// v2 relabels GCS 16 → 11 and makes item 5 incomputable.
const v2 = [item(1, 4, int(3)), item(2, 4, int(2)), item(3, 2, dec(50)), item(4, 21, int(11)), item(5, 2, NA)];

let line = 0;
const p = (model: string, key: string | number, answer: string): Prediction =>
  typeof key === 'number' ? { row: key, answer, model, line: ++line } : { id: key, answer, model, line: ++line };

describe('scoreModels', () => {
  it('scores each model separately; missing items are wrong and listed', () => {
    const report = scoreModels({
      base: { name: '1.0.0', items: v1 },
      predictions: [
        p('a', 'test-0001', '3'),
        p('a', 2, '2.5'),
        p('a', 'test-0003', '51'),
        p('b', 'test-0004', '16'),
        p('b', 'test-0005', 'N/A'),
      ],
    });
    expect(report.models.map((m) => m.model)).toEqual(['a', 'b']);
    const [a, b] = report.models;
    expect(a.predictions).toBe(3);
    expect(a.scores[0].accuracy).toEqual({ correct: 3, total: 5, ...wilsonInterval(3, 5) });
    expect(a.scores[0].outcomes).toMatchObject({ correct: 3, missing: 2, wrong: 0 });
    expect(a.scores[0].missing).toEqual(['test-0004', 'test-0005']);
    expect(a.scores[0].byCategory.map((g) => [g.key, g.correct, g.total])).toEqual([
      ['lab', 1, 2],
      ['risk', 2, 2],
      ['severity', 0, 1],
    ]);
    expect(a.scores[0].byCalculator.map((g) => [g.key, g.name, g.correct, g.total])).toEqual([
      ['2', 'Creatinine Clearance', 1, 2],
      ['4', 'CHA2DS2-VASc', 2, 2],
      ['21', 'GCS', 0, 1],
    ]);
    expect(b.scores[0].outcomes).toMatchObject({ correct: 1, abstained: 1, missing: 3 });
    expect(b.comparison).toBeUndefined();
  });

  it('compares two versions: paired accuracy, Newcombe difference, exact McNemar, and the flips', () => {
    const predictions = ['3', '2', '50', '16', 'N/A'].map((answer, k) => p('m', k + 1, answer));
    const report = scoreModels({
      base: { name: '1.0.0', items: v1 },
      compare: { name: '1.1.0', items: v2 },
      predictions,
    });
    const [m] = report.models;
    expect(m.scores.map((s) => [s.version, s.accuracy.correct])).toEqual([
      ['1.0.0', 4],
      ['1.1.0', 4],
    ]);
    const c = m.comparison!;
    expect(c.paired).toBe(5);
    expect(c.counts).toEqual({ both: 3, onlyBase: 1, onlyCompare: 1, neither: 0 });
    const expected = newcombePairedDifference({ both: 3, onlyA: 1, onlyB: 1, neither: 0 });
    expect(c.difference).toEqual({ estimate: 0, lower: expected.lower, upper: expected.upper });
    expect(c.mcnemar).toEqual({ onlyBase: 1, onlyCompare: 1, pValue: exactMcNemar(1, 1).pValue });
    expect(c.flips).toEqual([
      {
        id: 'test-0004',
        calculator: 'GCS',
        answer: '16',
        base: { label: '16', outcome: 'correct' },
        compare: { label: '11', outcome: 'wrong' },
        direction: 'right → wrong',
        labelChanged: true,
      },
      {
        id: 'test-0005',
        calculator: 'Creatinine Clearance',
        answer: 'N/A',
        base: { label: `10 [${10 * 0.95}, ${10 * 1.05}]`, outcome: 'abstained' },
        compare: { label: 'N/A', outcome: 'abstained-correctly' },
        direction: 'wrong → right',
        labelChanged: true,
      },
    ]);
  });

  it('the difference reads compare − base', () => {
    const predictions = ['3', '2', '50', '11', ''].map((answer, k) => p('m', k + 1, answer));
    const c = scoreModels({ base: { name: 'old', items: v1 }, compare: { name: 'new', items: v2 }, predictions })
      .models[0].comparison!;
    expect(c.counts).toEqual({ both: 3, onlyBase: 0, onlyCompare: 2, neither: 0 });
    expect(c.difference!.estimate).toBeCloseTo(0.4, 12);
    expect(c.difference!.lower).toBeGreaterThan(-0.2);
  });

  it('items in one version only are scored there and left out of the pairing', () => {
    const predictions = [p('m', 'test-0001', '3'), p('m', 'test-0006', '1')];
    const c = scoreModels({
      base: { name: 'a', items: v1 },
      compare: { name: 'b', items: [...v2, item(6, 4, int(1))] },
      predictions,
    }).models[0];
    expect(c.scores[1].accuracy.correct).toBe(2);
    expect(c.comparison!.paired).toBe(5);
    expect(c.comparison!.onlyInCompare).toBe(1);
    expect(c.comparison!.onlyInBase).toBe(0);
  });

  it('predictions for unknown items: an input error naming each', () => {
    const error = errorOf(() =>
      scoreModels({
        base: { name: '1.0.0', items: v1 },
        predictions: [p('m', 'test-0001', '3'), p('m', 'test-9999', '1'), p('m', 77, '2')],
        file: 'p.jsonl',
      }),
    );
    expect(error.code).toBe('PREDICTIONS_UNKNOWN_ITEMS');
    expect(error.kind).toBe('input');
    expect(error.message).toMatch(
      /p\.jsonl: 2 prediction\(s\) for items not in 1\.0\.0: test-9999 \(line \d+\), row 77 \(line \d+\)/,
    );
    expect(error.data.unknown).toHaveLength(2);
  });

  it('duplicate predictions of one model: an input error naming the item and its lines, whether by id or by row', () => {
    const predictions = [p('a', 'test-0001', '3'), p('a', 1, '4'), p('b', 'test-0001', '3'), p('a', 'test-0002', '2')];
    const error = errorOf(() => scoreModels({ base: { name: '1.0.0', items: v1 }, predictions, file: 'p.jsonl' }));
    expect(error.code).toBe('PREDICTIONS_DUPLICATE_ITEMS');
    const first = predictions[0].line;
    expect(error.message).toContain(
      `1 item(s) predicted more than once by one model: test-0001 (lines ${first}, ${first + 1}, model a)`,
    );
  });

  it('a Row Number shared by two splits is ambiguous', () => {
    const demo = { ...item(1, 4, int(3)), id: 'demo-0001', split: 'demo' };
    const error = errorOf(() =>
      scoreModels({ base: { name: 'wt', items: [...v1, demo] }, predictions: [p('m', 1, '3')] }),
    );
    expect(error.code).toBe('PREDICTIONS_AMBIGUOUS_ROW');
    expect(error.message).toMatch(/--split/);
  });

  it('a version without labels is refused', () => {
    expect(errorOf(() => scoreModels({ base: { name: 'empty', items: [] }, predictions: [] })).code).toBe('NO_LABELS');
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/core/csv.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { answerWithLimits, parseAnswerValue } from '../../src/label/answer.js';
import type { Answer, ComputableKind, Label } from '../../src/label/types.js';
import { readAllLabels } from '../../src/store/read.js';
import { writeLabels } from '../../src/store/write.js';
import { runCli } from '../helpers/cli.js';
import { tag, useTestIdentity } from '../helpers/git.js';
import { HAS_SHARED, PIPELINE_CSV, V1_CSV } from '../helpers/shared.js';

// v1.0 is released as 1.0.0; the stewardship pipeline's recomputed labels (y_new) applied to it make
// 1.1.0. Then y_new is scored as one model's predictions and the v1.0 labels (y_orig) as another's.

type Row = Record<string, string>;
const pipelineRows = (): Row[] =>
  parseCsvTable(readFileSync(PIPELINE_CSV, 'utf8'), { file: PIPELINE_CSV }).rows.map((r) => r.cells);
const v1Rows = (): Row[] => parseCsvTable(readFileSync(V1_CSV, 'utf8'), { file: V1_CSV }).rows.map((r) => r.cells);

/** A pipeline value as the label it stands for (N/A → incomputable; new values get new ±5% limits). */
function recomputedAnswer(kind: ComputableKind, text: string): Answer {
  return text === 'N/A' ? { kind: 'incomputable', value: null } : answerWithLimits(kind, parseAnswerValue(kind, text));
}

/** A pipeline value as a model would answer it: dates M/D/YYYY (no padding), ages as the v1.0 tuple. */
function asModelAnswer(calculatorId: number, text: string): string {
  if (text === 'N/A') return text;
  if (calculatorId === 13 || calculatorId === 68) {
    const [y, m, d] = text.slice(0, 10).split('-');
    return `${Number(m)}/${Number(d)}/${y}`;
  }
  if (calculatorId === 69) return `('${Math.floor(Number(text) / 7)} weeks', '${Number(text) % 7} days')`;
  return text;
}

let parent: string;
let dir: string;
let predictions: string;
let relabeled: number;

beforeAll(async () => {
  if (!HAS_SHARED) return;
  useTestIdentity();
  parent = mkdtempSync(join(tmpdir(), 'steward-score-real-'));
  expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
  dir = join(parent, 'bench');
  await importMedcalcBench({ dir, source: V1_CSV, split: 'test', sourceVersion: '1.0' });
  await tag(dir, 'v1.0.0');

  const labels = new Map((await readAllLabels(dir)).map(({ label }) => [label.source.row, label]));
  const changed: Label[] = [];
  const lines: string[] = [];
  for (const row of pipelineRows()) {
    const label = labels.get(Number(row.uid))!;
    const kind = label.answer.kind as ComputableKind;
    const next = recomputedAnswer(kind, row.y_new);
    // A recomputation that lands on the v1.0 value keeps the v1.0 label (and its limits) as it was.
    const sameValue = next.kind === kind && JSON.stringify(next.value) === JSON.stringify(label.answer.value);
    if (!sameValue) {
      label.revision = {
        previous: label.answer,
        category: next.kind === 'incomputable' ? 'incomputable' : 'unclassified',
        rationale: 'Stewardship pipeline recomputation (y_new).',
        proposer: 'stewardship-pipeline',
        time: '2025-12-01T00:00:00Z',
      };
      label.answer = next;
      label.status = next.kind === 'incomputable' ? 'incomputable' : 'relabeled';
      changed.push(label);
    }
    lines.push(
      JSON.stringify({ row: Number(row.uid), answer: asModelAnswer(label.calculator.id, row.y_new), model: 'y_new' }),
    );
    lines.push(
      JSON.stringify({ id: label.id, answer: asModelAnswer(label.calculator.id, row.y_orig), model: 'y_orig' }),
    );
  }
  relabeled = changed.length;
  await writeLabels(dir, changed);
  expect((await runCli(['validate', '--dir', dir])).code).toBe(0);
  expect((await runCli(['commit', '-m', 'Apply the stewardship pipeline recomputation', '--dir', dir])).code).toBe(0);
  await tag(dir, 'v1.1.0');
  predictions = join(parent, 'predictions.jsonl');
  writeFileSync(predictions, lines.join('\n') + '\n');
});

afterAll(() => {
  if (parent) rmSync(parent, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------------
// The independent check: the grading rules of DATA.md as plain arithmetic over the two CSVs.

const INTEGER_IDS = new Set([4, 15, 16, 17, 18, 20, 21, 25, 27, 28, 29, 32, 33, 36, 43, 45, 48, 51]);

/** A cell as something to compare: null for N/A, 'YYYY-MM-DD' for dates, total days for ages, else a number. */
function comparable(calculatorId: number, text: string): number | string | null {
  if (text === 'N/A') return null;
  if (calculatorId === 13 || calculatorId === 68) {
    if (text.includes('-')) return text.slice(0, 10);
    const [m, d, y] = text.split('/');
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  const tuple = /^\('(\d+) weeks?', '(\d+) days?'\)$/.exec(text);
  if (tuple) return Number(tuple[1]) * 7 + Number(tuple[2]);
  return Number(text);
}

/** Per uid, whether a model's value would be graded correct under each version. */
function independentGrades(model: 'y_new' | 'y_orig'): Map<number, { v10: boolean; v11: boolean }> {
  const v1 = new Map(v1Rows().map((r) => [Number(r['Row Number']), r]));
  const out = new Map<number, { v10: boolean; v11: boolean }>();
  for (const row of pipelineRows()) {
    const g = v1.get(Number(row.uid))!;
    const calc = Number(g['Calculator ID']);
    const exact = calc === 13 || calc === 68 || calc === 69;
    const prediction = comparable(calc, row[model]);
    const correct = (label: number | string | null, lower: number, upper: number): boolean => {
      if (label === null || prediction === null) return label === prediction;
      if (exact) return prediction === label;
      // The integer calculators' values here are all whole numbers, so rounding is the identity.
      if (INTEGER_IDS.has(calc)) return prediction === label;
      return lower <= (prediction as number) && (prediction as number) <= upper;
    };
    const old = comparable(calc, g['Ground Truth Answer']);
    const v10 = correct(old, Number(g['Lower Limit']), Number(g['Upper Limit']));
    const recomputed = comparable(calc, row.y_new);
    let v11 = v10;
    if (recomputed !== old) {
      const x = recomputed as number;
      v11 = correct(
        recomputed,
        INTEGER_IDS.has(calc) ? x : Math.min(0.95 * x, 1.05 * x),
        INTEGER_IDS.has(calc) ? x : Math.max(0.95 * x, 1.05 * x),
      );
    }
    out.set(Number(row.uid), { v10, v11 });
  }
  return out;
}

describe.skipIf(!HAS_SHARED)('steward score on the real v1.0 test set and the stewardship relabels', () => {
  it('the relabel changed 616 of the 887 recomputed items, 66 of them to N/A', () => {
    expect(relabeled).toBe(616);
  });

  it('scores both models under both versions, with the paired comparison', async () => {
    const r = await runCli(['score', predictions, '--version', '1.0.0', '--compare', '1.1.0', '--dir', dir, '--json']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.versions).toEqual([
      { name: '1.0.0', items: 1047 },
      { name: '1.1.0', items: 1047 },
    ]);
    const byModel = Object.fromEntries(report.models.map((m: { model: string }) => [m.model, m]));
    const correct = (model: string) =>
      byModel[model].scores.map((s: { accuracy: { correct: number } }) => s.accuracy.correct);

    // The counts, and the same counts from the independent computation over the CSVs.
    expect(correct('y_new')).toEqual([601, 887]);
    expect(correct('y_orig')).toEqual([887, 601]);
    for (const model of ['y_new', 'y_orig'] as const) {
      const grades = [...independentGrades(model).values()];
      expect(correct(model)).toEqual([grades.filter((g) => g.v10).length, grades.filter((g) => g.v11).length]);
    }

    // 160 items have no recomputed label: no prediction, counted wrong, and named.
    for (const model of ['y_new', 'y_orig']) {
      for (const s of byModel[model].scores) {
        expect(s.accuracy.total).toBe(1047);
        expect(s.outcomes.missing).toBe(160);
        expect(s.missing).toHaveLength(160);
      }
    }
    // The 66 N/A recomputations: an abstention on a v1.0 label is wrong, on a 1.1.0 label right;
    // the v1.0 value given for them is wrong under 1.1.0.
    expect(byModel.y_new.scores[0].outcomes.abstained).toBe(66);
    expect(byModel.y_new.scores[1].outcomes['abstained-correctly']).toBe(66);
    expect(byModel.y_orig.scores[1].outcomes['answered-incomputable']).toBe(66);

    // Paired: every flip is a label change, in the direction of the labels the model agrees with.
    const yNew = byModel.y_new.comparison;
    expect(yNew.counts).toEqual({ both: 601, onlyBase: 0, onlyCompare: 286, neither: 160 });
    expect(yNew.difference.estimate).toBeCloseTo(286 / 1047, 12);
    expect(yNew.difference.lower).toBeGreaterThan(0.24);
    expect(yNew.mcnemar.pValue).toBeLessThan(1e-80);
    expect(yNew.flips).toHaveLength(286);
    expect(
      yNew.flips.every(
        (f: { direction: string; labelChanged: boolean }) => f.direction === 'wrong → right' && f.labelChanged,
      ),
    ).toBe(true);
    const yOrig = byModel.y_orig.comparison;
    expect(yOrig.counts).toEqual({ both: 601, onlyBase: 286, onlyCompare: 0, neither: 160 });
    expect(yOrig.flips.every((f: { direction: string }) => f.direction === 'right → wrong')).toBe(true);

    // The flipped items are exactly those the independent computation flips.
    const independentFlips = [...independentGrades('y_new')]
      .filter(([, g]) => g.v10 !== g.v11)
      .map(([uid]) => `test-${String(uid).padStart(4, '0')}`);
    expect(yNew.flips.map((f: { id: string }) => f.id)).toEqual(independentFlips.sort());

    // A known flip, with the label change that caused it: GCS counted the verbal score twice in v1.0.
    const gcs = yNew.flips.filter((f: { calculator: string }) => f.calculator === 'Glasgow Coma Score (GCS)');
    expect(gcs.length).toBeGreaterThan(0);
    expect(Number(gcs[0].base.label)).toBeGreaterThan(Number(gcs[0].compare.label));
  });

  it('each version scored alone gives the same numbers as the comparison', async () => {
    const both = JSON.parse(
      (await runCli(['score', predictions, '--version', '1.0.0', '--compare', '1.1.0', '--dir', dir, '--json'])).out,
    );
    for (const [k, version] of ['1.0.0', '1.1.0'].entries()) {
      const alone = JSON.parse(
        (await runCli(['score', predictions, '--version', version, '--dir', dir, '--json'])).out,
      );
      expect(alone.models.map((m: { scores: unknown[] }) => m.scores[0])).toEqual(
        both.models.map((m: { scores: unknown[] }) => m.scores[k]),
      );
    }
    // No --version: the working tree, which is 1.1.0 here.
    const tree = JSON.parse((await runCli(['score', predictions, '--dir', dir, '--json'])).out);
    expect(tree.models[0].scores[0].accuracy.correct).toBe(887);
  });

  it('the text and Markdown reports name the numbers', async () => {
    const text = (await runCli(['score', predictions, '--version', '1.0.0', '--compare', '1.1.0', '--dir', dir])).out;
    expect(text).toContain('Model y_new (887 predictions)');
    expect(text).toContain('1.0.0: accuracy 57.4% (601/1047)');
    expect(text).toContain('1.1.0: accuracy 84.7% (887/1047)');
    expect(text).toMatch(/difference \+27\.3 points, 95% CI \+\d+\.\d to \+\d+\.\d \(Newcombe\)/);
    expect(text).toContain('286 item(s) flip because the label changed:');
    const md = (
      await runCli([
        'score',
        predictions,
        '--version',
        '1.0.0',
        '--compare',
        '1.1.0',
        '--dir',
        dir,
        '--md',
        '--by',
        'calculator',
      ])
    ).out;
    expect(md).toContain('### y_orig');
    expect(md).toMatch(/\| 21 Glasgow Coma Score \(GCS\) \| /);
  });
});

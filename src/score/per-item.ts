import { formatLabelAnswer } from './format-label.js';
import { buildItemIndex, itemsOfSplit, scoringItemsOf } from './items.js';
import { loadVersionLabels } from './load-version.js';
import { isCorrect, OUTCOMES, type Outcome } from './outcome.js';
import { resolvePredictions } from './resolve-predictions.js';
import type { Prediction } from './predictions.js';
import type { ScorePredictionsOptions } from './score-predictions.js';
import { scoreModels, type VersionItems } from './score-models.js';
import { gradeVersion, type IndexedVersion } from './score-version.js';
import type { ScoreReport } from './types.js';

/** One item's grade under one version. */
export interface ItemGrade {
  version: string;
  label: string;
  outcome: Outcome;
  correct: boolean;
}

/**
 * One model's result on one item, for an evaluator's own analysis. `label`, `outcome` and `correct` are
 * the first version's (null when the item is only in the compared one); `compare` is the second
 * version's grade of the same prediction (null when that version lacks the item).
 */
export interface PerItemRow {
  model: string;
  id: string;
  calculator: string;
  version: string;
  label: string | null;
  /** The model's answer as given (raw output with --extract); null when it gave none. */
  prediction: string | null;
  outcome: Outcome | null;
  correct: boolean | null;
  compare?: ItemGrade | null;
}

/** Every model's grade on every item of the versions, in model order, then item id order. */
export function perItemRows(
  _report: Pick<ScoreReport, 'models'>,
  versions: VersionItems[],
  options: { predictions: readonly Prediction[]; extract?: boolean; file?: string },
): PerItemRow[] {
  const index = buildItemIndex(versions.map((v) => v.items));
  const indexed: IndexedVersion[] = versions.map((v) => {
    const positions = new Int32Array(v.items.length);
    v.items.forEach((item, k) => (positions[k] = index.ids[k] === item.id ? k : index.positionOf(item.id)!));
    return { name: v.name, items: v.items, positions };
  });
  const models = resolvePredictions(options.predictions, index, {
    file: options.file ?? '<predictions>',
    versions: versions.map((v) => v.name).join(' or '),
  });
  const rows: PerItemRow[] = [];
  for (const m of models) {
    const grades = indexed.map((version) => {
      const codes = gradeVersion(version, m.answers, { extract: options.extract });
      const byPosition = new Map<number, ItemGrade & { calculator: string }>();
      version.items.forEach((item, k) => {
        const outcome = OUTCOMES[codes[k]];
        byPosition.set(version.positions[k], {
          version: version.name,
          label: formatLabelAnswer(item.answer),
          outcome,
          correct: isCorrect(outcome),
          calculator: item.calculatorName,
        });
      });
      return byPosition;
    });
    for (let position = 0; position < index.ids.length; position++) {
      const [base, compare] = grades.map((g) => g.get(position));
      if (!base && !compare) continue;
      const row: PerItemRow = {
        model: m.model,
        id: index.ids[position],
        calculator: (base ?? compare)!.calculator,
        version: indexed[0].name,
        label: base?.label ?? null,
        prediction: m.answers[position] ?? null,
        outcome: base?.outcome ?? null,
        correct: base?.correct ?? null,
      };
      if (grades.length === 2)
        row.compare = compare
          ? { version: compare.version, label: compare.label, outcome: compare.outcome, correct: compare.correct }
          : null;
      rows.push(row);
    }
  }
  // Items only in the compared version come after the others in the index: put each model's rows in id order.
  const order = new Map(models.map((m, k) => [m.model, k]));
  rows.sort((a, b) => order.get(a.model)! - order.get(b.model)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows;
}

/** Rows as JSONL lines (one object a line, each ending in a newline). */
export function perItemJsonl(rows: readonly PerItemRow[]): string[] {
  return rows.map((r) => JSON.stringify(r) + '\n');
}

/** scorePredictions, also returning every item's grade: the versions are read once for both. */
export async function scoreWithItems(
  options: ScorePredictionsOptions,
): Promise<{ report: ScoreReport; rows: PerItemRow[] }> {
  const source = options.predictions;
  const predictions = await (typeof source === 'function' ? source() : source);
  const names = options.compare !== undefined ? [options.version, options.compare] : [options.version];
  const loaded = await Promise.all(names.map((version) => loadVersionLabels({ dir: options.dir, version })));
  const versions = loaded.map((v) => ({ name: v.name, items: itemsOfSplit(scoringItemsOf(v.labels), options.split) }));
  const report = scoreModels({
    base: versions[0],
    compare: versions[1],
    predictions,
    extract: options.extract,
    file: options.file,
  });
  const rows = perItemRows(report, versions, {
    predictions,
    extract: options.extract,
    file: options.file,
  });
  return { report: { ...report, notes: loaded.map((v) => v.note) }, rows };
}

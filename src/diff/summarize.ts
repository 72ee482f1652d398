import type { LabelDiff } from './label-diff.js';

export interface DiffSummary {
  total: number;
  byChange: Record<string, number>;
  byCalculator: Record<string, number>;
  byCategory: Record<string, number>;
  /** Labels whose answer changed (value or kind), the number that matters to evaluators. */
  answersChanged: number;
  signoffsAdded: number;
}

/** Counts by change type, calculator and error category. */
export function summarizeDiffs(diffs: LabelDiff[]): DiffSummary {
  const s: DiffSummary = {
    total: diffs.length,
    byChange: {},
    byCalculator: {},
    byCategory: {},
    answersChanged: 0,
    signoffsAdded: 0,
  };
  const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);
  for (const d of diffs) {
    bump(s.byChange, d.change);
    bump(s.byCalculator, String(d.calculatorId));
    if (d.category) bump(s.byCategory, d.category);
    if (d.fields.some((f) => f.path.startsWith('answer.'))) s.answersChanged++;
    s.signoffsAdded += d.signoffsAdded;
  }
  return s;
}

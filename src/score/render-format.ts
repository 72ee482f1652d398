import type { Interval } from '../stats/index.js';
import type { OutcomeCounts } from './outcome.js';
import { OUTCOMES } from './outcome.js';
import type { Accuracy, GroupAccuracy, VersionScore } from './types.js';

export type Breakdown = 'calculator' | 'category';

export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
export const interval = (i: Interval): string => `${(100 * i.lower).toFixed(1)}–${pct(i.upper)}`;
export const accuracyText = (a: Accuracy): string => `${pct(a.estimate)} (${a.correct}/${a.total})`;
export const points = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;

/** A p-value for people: three decimals, or a power of ten when smaller than 0.001. */
export function formatPAscii(p: number): string {
  if (p >= 0.001) return p.toFixed(3);
  if (p === 0) return '< 10^-300';
  const [m, e] = p.toExponential(1).split('e');
  return `${m}×10^${Number(e)}`;
}

/** "821 correct, 66 abstained correctly, 160 missing": the outcomes that occurred, in report order. */
export function outcomeText(counts: OutcomeCounts): string {
  return OUTCOMES.filter((o) => counts[o] > 0)
    .map((o) => `${counts[o]} ${o.replace(/-/g, ' ')}`)
    .join(', ');
}

/** The groups of a breakdown across versions, each with its accuracy per version (null when absent there). */
export function breakdownRows(
  scores: readonly VersionScore[],
  by: Breakdown,
): { key: string; name: string; cells: (GroupAccuracy | null)[] }[] {
  const pick = (s: VersionScore) => (by === 'calculator' ? s.byCalculator : s.byCategory);
  const rows = new Map<string, { key: string; name: string; cells: (GroupAccuracy | null)[] }>();
  scores.forEach((score, v) => {
    for (const group of pick(score)) {
      let row = rows.get(group.key);
      if (!row) {
        row = { key: group.key, name: group.name, cells: scores.map(() => null) };
        rows.set(group.key, row);
      }
      row.cells[v] = group;
    }
  });
  const numeric = by === 'calculator';
  return [...rows.values()].sort((a, b) => (numeric ? Number(a.key) - Number(b.key) : 0) || a.key.localeCompare(b.key));
}

/** Up to `max` ids, then "and N more". */
export function someIds(ids: readonly string[], max = 10): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

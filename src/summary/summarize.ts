import { catalogById } from '../calculators/catalog.js';
import type { Label } from '../label/types.js';

export interface LabelSummary {
  total: number;
  splits: Record<string, number>;
  calculators: { id: number; name: string; count: number }[];
  kinds: Record<string, number>;
  statuses: Record<string, number>;
}

/** Counts by split, calculator, answer kind and status. */
export function summarizeLabels(labels: Label[]): LabelSummary {
  const splits: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  const calcs = new Map<number, number>();
  for (const l of labels) {
    splits[l.split] = (splits[l.split] ?? 0) + 1;
    kinds[l.answer.kind] = (kinds[l.answer.kind] ?? 0) + 1;
    statuses[l.status] = (statuses[l.status] ?? 0) + 1;
    calcs.set(l.calculator.id, (calcs.get(l.calculator.id) ?? 0) + 1);
  }
  const calculators = [...calcs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, count]) => ({ id, name: catalogById(id)?.names[0] ?? String(id), count }));
  return { total: labels.length, splits, calculators, kinds, statuses };
}

/** The summary as a few lines for a terminal. */
export function formatSummary(s: LabelSummary): string {
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const lines = [
    `${s.total} labels in ${Object.keys(s.splits).length} split(s): ${counts(s.splits)}`,
    `answer kinds: ${counts(s.kinds)}`,
    `statuses: ${counts(s.statuses)}`,
    `${s.calculators.length} calculators:`,
    ...s.calculators.map((c) => `  ${String(c.id).padStart(3)}  ${String(c.count).padStart(5)}  ${c.name}`),
  ];
  return lines.join('\n') + '\n';
}

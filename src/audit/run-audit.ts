import type { Label } from '../label/types.js';
import type { CalcResult } from '../calculators/types.js';
import { type AuditItem, type AuditOutcome, auditLabel } from './classify.js';
import { emptyCounts } from './outcomes.js';
import { type CalculatorAuditRow, isFlagged, newCalculatorRow, tallyItem } from './tally.js';

export type { CalculatorAuditRow } from './tally.js';

export interface AuditReport {
  total: number;
  counts: Record<AuditOutcome, number>;
  calculators: CalculatorAuditRow[];
  /** Items that are not reproduced-from-entities, highest priority first: the physicians' review queue. */
  triage: AuditItem[];
  /** Every item in input order. Reproduced items keep their values but not their traces (see auditLabels). */
  items: AuditItem[];
}

/**
 * Audits every label; `onProgress` is called as items finish (for a terminal progress line). A reproduced
 * item needs no explanation, so its two results are kept without their step-by-step traces or evidence: on a large
 * benchmark the traces of the reproduced majority would be most of the report's memory (auditLabel on
 * one label still gives every trace).
 */
export function auditLabels(
  labels: { label: Label; file?: string }[],
  onProgress?: (done: number, total: number) => void,
): AuditReport {
  const audit = new AuditRun();
  labels.forEach(({ label, file }, k) => {
    audit.add(label, file);
    if (onProgress && (k % 200 === 0 || k === labels.length - 1)) onProgress(k + 1, labels.length);
  });
  return audit.report();
}

/**
 * auditLabels one label at a time, for a caller that streams them (the CLI reads each file, audits it
 * and lets it go): only the audit items are kept, never the labels' notes and explanations.
 */
export class AuditRun {
  private readonly items: AuditItem[] = [];

  add(label: Label, file?: string): void {
    const item = auditLabel(label, file);
    if (!isFlagged(item)) {
      item.reference = withoutTrace(item.reference);
      item.v1 = withoutTrace(item.v1);
      item.evidence = undefined;
    }
    this.items.push(item);
  }

  get size(): number {
    return this.items.length;
  }

  report(): AuditReport {
    const items = this.items;
    const counts: Record<AuditOutcome, number> = emptyCounts();
    const rows = new Map<number, CalculatorAuditRow>();
    for (const item of items) {
      counts[item.outcome]++;
      let row = rows.get(item.calculatorId);
      if (!row) {
        row = newCalculatorRow(item.calculatorId);
        rows.set(item.calculatorId, row);
      }
      tallyItem(row, item);
    }
    const triage = items.filter(isFlagged).sort(byPriority);
    return { total: items.length, counts, calculators: [...rows.values()].sort((a, b) => a.id - b.id), triage, items };
  }
}

/** Highest priority first; ties by id (code-unit order: localeCompare costs more than the audit of an item). */
function byPriority(a: AuditItem, b: AuditItem): number {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function withoutTrace(result: CalcResult | null): CalcResult | null {
  if (!result) return null;
  return result.incomputable
    ? { incomputable: true, missing: result.missing, steps: [] }
    : { incomputable: false, kind: result.kind, value: result.value, steps: [] };
}

import { catalogById } from '../calculators/catalog.js';
import type { AuditItem } from './classify.js';
import { OUTCOME } from './outcomes.js';

export interface CalculatorAuditRow {
  id: number;
  name: string;
  n: number;
  /** The stored entities reproduce the label (and the note gave no reason to doubt them). */
  reproduced: number;
  mismatch: number;
  disagrees: number;
  incomputable: number;
  /** Flagged by the evidence checks: implausible input, calculator warning, likely incomputable, extraction suspect. */
  evidence: number;
}

export function newCalculatorRow(id: number): CalculatorAuditRow {
  return {
    id,
    name: catalogById(id)?.names[0] ?? String(id),
    n: 0,
    reproduced: 0,
    mismatch: 0,
    disagrees: 0,
    incomputable: 0,
    evidence: 0,
  };
}

/** Adds one item to its calculator's row. */
export function tallyItem(row: CalculatorAuditRow, item: AuditItem): void {
  row.n++;
  switch (item.outcome) {
    case OUTCOME.reproducedFromEntities:
      row.reproduced++;
      break;
    case OUTCOME.calculatorLogicMismatch:
      row.mismatch++;
      break;
    case OUTCOME.disagrees:
      row.disagrees++;
      break;
    case OUTCOME.incomputable:
      row.incomputable++;
      break;
    case OUTCOME.noCalculator:
      break;
    default:
      row.evidence++;
  }
}

/** An item that needs a physician's eye: everything but a label its entities reproduce without doubt. */
export function isFlagged(item: AuditItem): boolean {
  return item.outcome !== OUTCOME.reproducedFromEntities;
}

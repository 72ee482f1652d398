import type { Answer, Label } from '../label/types.js';

/** What scoring needs of a label. */
export interface ScoringItem {
  id: string;
  split: string;
  /** The upstream Row Number, by which the harness's output names items. */
  row: number;
  calculatorId: number;
  calculatorName: string;
  category: string;
  answer: Answer;
}

/** A version's labels as scoring items, sorted by id. */
export function scoringItemsOf(labels: readonly Label[]): ScoringItem[] {
  return labels.map(scoringItem).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What scoring keeps of a label (see ScoringItem). */
export function scoringItem(l: Label): ScoringItem {
  return {
    id: l.id,
    split: l.split,
    row: l.source.row,
    calculatorId: l.calculator.id,
    calculatorName: l.calculator.name,
    category: l.calculator.category,
    answer: l.answer,
  };
}

/** Every item of the versions being scored, each at one position that predictions resolve to. */
export interface ItemIndex {
  ids: string[];
  byId: Map<string, number>;
  /** Row Number → position; -1 when several items (of different splits) share the row. */
  byRow: Map<number, number>;
  /** By position: the item's Row Number when no other item has it, else -1 (byRow at a glance). */
  uniqueRows: Float64Array;
}

export function buildItemIndex(versions: readonly (readonly ScoringItem[])[]): ItemIndex {
  const ids: string[] = [];
  const byId = new Map<string, number>();
  const byRow = new Map<number, number>();
  const rows: number[] = [];
  for (const items of versions) {
    for (const item of items) {
      if (byId.has(item.id)) continue;
      const at = ids.length;
      ids.push(item.id);
      byId.set(item.id, at);
      const other = byRow.get(item.row);
      byRow.set(item.row, other === undefined ? at : -1);
      rows.push(item.row);
    }
  }
  const uniqueRows = Float64Array.from(rows, (row, at) => (byRow.get(row) === at ? row : -1));
  return { ids, byId, byRow, uniqueRows };
}

/** The items of one split (all when split is undefined). */
export function itemsOfSplit(items: ScoringItem[], split: string | undefined): ScoringItem[] {
  return split === undefined ? items : items.filter((item) => item.split === split);
}

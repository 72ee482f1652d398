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

/**
 * Every item of the versions being scored, each at one position that predictions resolve to. The maps
 * from id and from Row Number are made only when first asked: a predictions file in the items' order
 * resolves by position alone (see resolvePredictions), and at 1M items each map is ~50 MB of heap.
 */
export class ItemIndex {
  /** By position. */
  readonly ids: readonly string[];
  /** By position: the item's Row Number. */
  private readonly rows: Float64Array;
  private idMap: Map<string, number> | undefined;
  private rowMap: Map<number, number> | undefined;
  private unique: Float64Array | undefined;

  private constructor(ids: string[], rows: Float64Array, idMap: Map<string, number> | undefined) {
    this.ids = ids;
    this.rows = rows;
    this.idMap = idMap;
  }

  /** The items of every version, each id once: the first version's in its order, then the others' new ones. */
  static of(versions: readonly (readonly ScoringItem[])[]): ItemIndex {
    const [first, ...others] = versions;
    if (others.length === 0 && first && strictlyAscending(first)) {
      return new ItemIndex(
        first.map((item) => item.id),
        Float64Array.from(first, (item) => item.row),
        undefined,
      );
    }
    const ids: string[] = [];
    const rows: number[] = [];
    const byId = new Map<string, number>();
    for (const items of versions) {
      for (const item of items) {
        if (byId.has(item.id)) continue;
        byId.set(item.id, ids.length);
        ids.push(item.id);
        rows.push(item.row);
      }
    }
    return new ItemIndex(ids, Float64Array.from(rows), byId);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The position of the item `id`, or undefined. */
  positionOf(id: string): number | undefined {
    if (this.idMap === undefined) {
      this.idMap = new Map();
      for (let k = 0; k < this.ids.length; k++) this.idMap.set(this.ids[k], k);
    }
    return this.idMap.get(id);
  }

  /** The position of the item with Row Number `row`; -1 when several items (of different splits) share it. */
  positionOfRow(row: number): number | undefined {
    return this.rowPositions().get(row);
  }

  /** The item's Row Number at `position` when no other item has it, else -1 (positionOfRow at a glance). */
  uniqueRowAt(position: number): number {
    if (this.unique === undefined) {
      const byRow = this.rowPositions();
      this.unique = this.rows.map((row, at) => (byRow.get(row) === at ? row : -1));
    }
    return this.unique[position];
  }

  private rowPositions(): Map<number, number> {
    if (this.rowMap === undefined) {
      this.rowMap = new Map();
      for (let at = 0; at < this.rows.length; at++) {
        const other = this.rowMap.get(this.rows[at]);
        this.rowMap.set(this.rows[at], other === undefined ? at : -1);
      }
    }
    return this.rowMap;
  }
}

/** Whether the items' ids are sorted by code unit, each once (what loadVersionItems hands over). */
function strictlyAscending(items: readonly ScoringItem[]): boolean {
  for (let k = 1; k < items.length; k++) if (!(items[k - 1].id < items[k].id)) return false;
  return true;
}

/** Every item of the versions being scored, each at one position that predictions resolve to. */
export function buildItemIndex(versions: readonly (readonly ScoringItem[])[]): ItemIndex {
  return ItemIndex.of(versions);
}

/** The items of one split (all when split is undefined). */
export function itemsOfSplit(items: ScoringItem[], split: string | undefined): ScoringItem[] {
  return split === undefined ? items : items.filter((item) => item.split === split);
}

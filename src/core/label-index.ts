import type { Label } from '../label/types.js';

export interface LabelEntry {
  /** Repository path. */
  file: string;
  label: Label;
}

/** How a row of an outside file names a label: by id, or by upstream Row Number within a split. */
export type ItemRef = { id: string } | { row: number };

export interface LabelIndex {
  byId: Map<string, LabelEntry>;
  /** Upstream Row Number → label, for the split the file belongs to (rows are unique per upload). */
  byRow: Map<number, LabelEntry>;
  split: string;
}

export function indexLabels(entries: LabelEntry[], split: string): LabelIndex {
  const byId = new Map<string, LabelEntry>();
  const byRow = new Map<number, LabelEntry>();
  for (const entry of entries) {
    byId.set(entry.label.id, entry);
    if (entry.label.split === split) byRow.set(entry.label.source.row, entry);
  }
  return { byId, byRow, split };
}

/** A cell that names an item: all digits is an upstream Row Number ("Unique ID", "uid"), else a label id. */
export function itemRefOf(cell: string): ItemRef {
  const t = cell.trim();
  return /^\d+$/.test(t) ? { row: Number(t) } : { id: t };
}

export function findItem(index: LabelIndex, ref: ItemRef): LabelEntry | undefined {
  return 'id' in ref ? index.byId.get(ref.id) : index.byRow.get(ref.row);
}

export function describeRef(ref: ItemRef, split: string): string {
  return 'id' in ref ? `label "${ref.id}"` : `row ${ref.row} of split "${split}"`;
}

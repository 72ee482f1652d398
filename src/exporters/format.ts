import type { Label } from '../label/types.js';

/** What an export needs of a label to place it: small, kept for every label while the lines wait on disk. */
export interface ExportKey {
  id: string;
  split: string;
  row: number;
}

export function exportKey(label: Label): ExportKey {
  return { id: label.id, split: label.split, row: label.source.row };
}

/**
 * One export format, as the streaming export uses it: a header, one line per label, and the order of the
 * lines. Adding a format is one file exporting one of these, plus its name in formats.ts.
 */
export interface ExportFormatSpec {
  name: string;
  /** Text before the first label (a CSV's header row), '' for none. */
  header(): string;
  /**
   * One label's line with its line end. `keysSorted` says the object's keys are already in canonical
   * order (it was parsed from a canonical file), so a canonical rendering need not sort them again.
   */
  line(label: Label, options: { keysSorted: boolean }): string;
  /**
   * The line of a label from its canonical file bytes (as the tool writes them), when the format can make
   * it without parsing: a pinned export of a format kept in manifest order uses it for every such label.
   * The result may be overwritten by the next call: write it out before the next label.
   */
  lineFromCanonicalBytes?(bytes: Uint8Array): Uint8Array;
  /**
   * A row's line from the label's canonical file bytes for a format in its own order (the MedCalc CSV),
   * with the label as far as the order needs it (id, split, Row Number); undefined when the bytes need
   * the full parse. The line may be overwritten by the next call.
   */
  rowFromCanonicalBytes?(bytes: Buffer): { label: Label; row: Uint8Array } | undefined;
  /** The order of an export's lines. */
  compare(a: ExportKey, b: ExportKey): number;
  /**
   * `compare` looks at split and id alone (never row), so a working-tree export can take its order
   * from the label files' paths and write each line as it is made (writePathOrderedExport).
   */
  orderedBySplitAndId?: boolean;
  /**
   * A pinned export (--version) keeps the release manifest's order (by id) instead, so it can be verified
   * line by line while it is read: it streams from git to the output without sorting.
   */
  pinnedInManifestOrder: boolean;
}

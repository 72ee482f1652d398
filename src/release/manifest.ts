import { createHash, hash } from 'node:crypto';
import { medcalcRowCells } from '../exporters/medcalc-csv.js';
import type { Label } from '../label/types.js';
import { sha256Hex } from '../store/canonical.js';
import { lineOfCanonicalText } from './canonical-file.js';
import { canonicalTexts } from './canonical-forms.js';

/** [id, sha256 of the label's canonical JSON file, of its MedCalc CSV row, of its JSONL line]. */
export type ManifestItem = [id: string, label: string, csvRow: string, jsonlLine: string];

export interface Manifest {
  algorithm: 'sha256';
  count: number;
  /** sha256 over the lines "<id> <label hash> <csv hash> <jsonl hash>\n", items sorted by id. */
  root: string;
  items: ManifestItems;
}

/** A manifest whose items are an array (manifestOf's; tests and small manifests). */
export interface ArrayManifest extends Manifest {
  items: ManifestItem[];
}

/**
 * A manifest's items in id order: an array, or a view that makes each item when asked for
 * (CompactItems.sortedById: a 1M-label release would otherwise hold ~320 MB of hex strings).
 */
export interface ManifestItems extends Iterable<ManifestItem> {
  readonly length: number;
  at(k: number): ManifestItem | undefined;
}

/**
 * The content hashes that pin a release: per label, its canonical file bytes (sign-offs included), its
 * MedCalc CSV row and its JSONL line (what each export of it must contain), and a root hash over all,
 * so an export can be verified without git. `reused` are entries still valid from the previous release
 * (labels whose files did not change), so a release hashes only what changed.
 */
export function buildManifest(labels: Iterable<Label>, reused: Iterable<ManifestItem> = []): ArrayManifest {
  return manifestOf([...reused, ...[...labels].map(manifestItem)]);
}

/** A manifest of entries already hashed, in any order. */
export function manifestOf(entries: ManifestItem[]): ArrayManifest {
  const items = [...entries];
  items.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { algorithm: 'sha256', count: items.length, root: rootHash(items), items };
}

export function manifestItem(label: Label): ManifestItem {
  const { json, line } = canonicalTexts(label);
  return [label.id, sha256Hex(json), csvRowHash(label), sha256Hex(line)];
}

/**
 * manifestItem of a label read from a file with this text: a file the tool wrote is its canonical JSON
 * already, so its text is hashed as it is, and the JSONL line cut from it (lineOfCanonicalText); any
 * other file is serialised again from its value, as manifestItem does. `textSha256` is the hash of
 * text's UTF-8 when the reader has it already (LabelFile.sha256).
 */
export function manifestItemOfFile(label: Label, text: string, textSha256?: Uint8Array): ManifestItem {
  const line = lineOfCanonicalText(text, label);
  if (line === null) return manifestItem(label);
  const fileHash = textSha256 ? Buffer.from(textSha256).toString('hex') : sha256Hex(text);
  return [label.id, fileHash, csvRowHash(label), sha256Hex(line)];
}

export function rootHash(items: Iterable<ManifestItem>): string {
  // Hashed in slices of lines, never one string of all of them (~250 MB at 1M labels).
  const hash = createHash('sha256');
  let text = '';
  for (const i of items) {
    text += `${i[0]} ${i[1]} ${i[2]} ${i[3]}\n`;
    if (text.length >= 2 ** 20) {
      hash.update(text);
      text = '';
    }
  }
  return 'sha256:' + hash.update(text).digest('hex');
}

/** The hash of one label's MedCalc CSV row: its cells, each length-prefixed so no two rows collide. */
export function csvRowHash(label: Label): string {
  return csvCellsHash(medcalcRowCells(label));
}

export function csvCellsHash(cells: string[]): string {
  return hashCellsText(cells, false).toString('hex');
}

/**
 * csvCellsHash, as raw bytes, of cells given as their UTF-8 bytes one character a byte (latin1), as
 * the CSV verify reads them (csvRows' fieldBytes).
 */
export function csvCellsHashBytes(cells: string[]): Buffer {
  return hashCellsText(cells, true);
}

/** Where hashCellsText writes a row's text before hashing it (reused: one row at a time). */
let rowText = Buffer.allocUnsafe(2 ** 16);

/**
 * The sha256 of what csvCellsHash hashes: each cell length-prefixed (its length in UTF-16 units), the
 * cells joined by "|". Written straight into one reused buffer, never built as a string per row (a
 * first release hashes every row). `latin1` cells are UTF-8 bytes one character a byte: an ASCII cell
 * is written as its own bytes, any other decoded first to count its length.
 */
function hashCellsText(cells: string[], latin1: boolean): Buffer {
  let used = 0;
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    // Buffer.byteLength counts natively: a cell whose UTF-8 takes one byte a character is all ASCII.
    const ascii = latin1 && Buffer.byteLength(cell, 'utf8') === cell.length;
    const text = !latin1 || ascii ? cell : Buffer.from(cell, 'latin1').toString('utf8');
    const prefix = `${k ? '|' : ''}${text.length}:`;
    const most = prefix.length + (ascii ? cell.length : 3 * text.length);
    if (used + most > rowText.length) {
      const larger = Buffer.allocUnsafe(2 * (used + most));
      rowText.copy(larger, 0, 0, used);
      rowText = larger;
    }
    used += rowText.write(prefix, used, 'latin1');
    used += ascii ? rowText.write(cell, used, 'latin1') : rowText.write(text, used, 'utf8');
  }
  return hash('sha256', rowText.subarray(0, used), 'buffer');
}

import type { HashColumn, ManifestIndex } from './manifest-index.js';

/** What reading an export found besides the items' hashes: repeated items and places it could not read. */
export interface ExportReading {
  /** Distinct items found (manifest items and unexpected ones). */
  items: number;
  duplicated: string[];
  unreadable: { place: string; message: string }[];
}

/**
 * An export's items checked against the manifest as its lines or rows are read, with a few bytes per
 * manifest item (not a map of id → hash beside the manifest). When an item comes more than once, the
 * last one's hash is the one judged, and each repeat is listed as duplicated.
 */
export class ExportTally {
  /** For each manifest item, the order in which it was first found (-1: not found). */
  private readonly firstFound: Int32Array;
  /** For each manifest item, whether its last occurrence had the manifest's hash. */
  private readonly lastMatched: Uint8Array;
  private found = 0;
  /** The manifest item after the last one found. */
  private next = 0;
  private readonly unexpectedIds = new Set<string>();
  readonly reading: ExportReading = { items: 0, duplicated: [], unreadable: [] };

  constructor(
    private readonly manifest: ManifestIndex,
    private readonly column: HashColumn,
  ) {
    this.firstFound = new Int32Array(manifest.count).fill(-1);
    this.lastMatched = new Uint8Array(manifest.count);
  }

  /** One item of the export: its id and the sha256 (raw bytes) of its line or row. */
  add(id: string, digest: Uint8Array): void {
    // An export lists its items in manifest order (sorted by id) or near it: the next item is tried first.
    const k = this.manifest.indexOf(id, this.next);
    if (k !== -1) this.next = k + 1;
    if (k === -1) {
      if (this.unexpectedIds.has(id)) this.reading.duplicated.push(id);
      else this.unexpectedIds.add(id);
      return;
    }
    if (this.firstFound[k] === -1) this.firstFound[k] = this.found++;
    else this.reading.duplicated.push(id);
    this.lastMatched[k] = this.manifest.matches(k, this.column, digest) ? 1 : 0;
  }

  unreadable(place: string, message: string): void {
    this.reading.unreadable.push({ place, message });
  }

  /** Changed items in the order first found, missing ones in manifest order, unexpected ones as found. */
  result(): { changed: string[]; missing: string[]; unexpected: string[]; reading: ExportReading } {
    const changed: number[] = [];
    const missing: string[] = [];
    for (let k = 0; k < this.manifest.count; k++) {
      if (this.firstFound[k] === -1) missing.push(this.manifest.idAt(k));
      else if (!this.lastMatched[k]) changed.push(k);
    }
    changed.sort((a, b) => this.firstFound[a] - this.firstFound[b]);
    return {
      changed: changed.map((k) => this.manifest.idAt(k)),
      missing,
      unexpected: [...this.unexpectedIds],
      reading: { ...this.reading, items: this.found + this.unexpectedIds.size },
    };
  }
}

import type { ManifestItem } from './manifest.js';

/** Which hash of an item: 1 the label file, 2 its MedCalc CSV row, 3 its JSONL line (ManifestItem's places). */
export type HashColumn = 1 | 2 | 3;

export const HASH_BYTES = 32;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A release manifest's items as read from a record, held compactly: the ids, sorted, in one string
 * table, and each hash column as raw bytes in one Buffer (32 B an item per column). At 1M labels that
 * is ~120 MB instead of ~1.2 GB of arrays and hex strings, and a content hash is checked by comparing
 * 32 bytes, never by making a hex string. Every reader of a release record goes through it.
 */
export class ManifestIndex {
  /**
   * `table` holds the ids back to back, id k at [starts[k], starts[k + 1]); `columns[c - 1]` holds hash c of
   * item k at [32 k, 32 k + 32). The ids must be sorted by code unit, each once (parseReleaseRecord checks).
   */
  constructor(
    readonly count: number,
    private readonly table: string,
    private readonly starts: Uint32Array,
    private readonly columns: readonly [Buffer, Buffer, Buffer],
  ) {}

  /** An index of items given as arrays (sorted here, as manifestOf sorts them); for tests and small manifests. */
  static of(items: readonly ManifestItem[]): ManifestIndex {
    const sorted = [...items].sort((a, b) => byCodeUnit(a[0], b[0]));
    const starts = new Uint32Array(sorted.length + 1);
    const columns = [1, 2, 3].map(() => Buffer.alloc(sorted.length * HASH_BYTES)) as [Buffer, Buffer, Buffer];
    let table = '';
    sorted.forEach((item, k) => {
      if (k > 0 && item[0] === sorted[k - 1][0]) throw new Error(`manifest item ${item[0]} appears twice`);
      table += item[0];
      starts[k + 1] = table.length;
      for (let c = 0; c < 3; c++) {
        const hex = item[c + 1];
        if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`manifest item ${item[0]}: not a sha256 hex digest: ${hex}`);
        columns[c].write(hex, k * HASH_BYTES, HASH_BYTES, 'hex');
      }
    });
    return new ManifestIndex(sorted.length, table, starts, columns);
  }

  idAt(k: number): string {
    return this.table.slice(this.starts[k], this.starts[k + 1]);
  }

  /** The position of `id` (binary search over the sorted ids), or -1; `hint` is tried first (items come in order). */
  indexOf(id: string, hint = -1): number {
    if (hint >= 0 && hint < this.count && this.idAt(hint) === id) return hint; // ids are unique: it is the one
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.idAt(mid);
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  has(id: string): boolean {
    return this.indexOf(id) !== -1;
  }

  /** Hash `column` of item k as the record writes it (64 lowercase hex digits). */
  hashAt(k: number, column: HashColumn): string {
    return this.columns[column - 1].toString('hex', k * HASH_BYTES, (k + 1) * HASH_BYTES);
  }

  /** Hash `column` of `id`, or undefined when the manifest has no such item. */
  hashOf(id: string, column: HashColumn): string | undefined {
    const k = this.indexOf(id);
    return k === -1 ? undefined : this.hashAt(k, column);
  }

  /** Whether a sha256 digest (32 raw bytes) is hash `column` of item k. */
  matches(k: number, column: HashColumn, digest: Uint8Array): boolean {
    return (
      digest.length === HASH_BYTES &&
      this.columns[column - 1].compare(digest, 0, HASH_BYTES, k * HASH_BYTES, (k + 1) * HASH_BYTES) === 0
    );
  }

  /** Hash `column` of item k as raw bytes (a view: not to be written to). */
  hashBytesAt(k: number, column: HashColumn): Buffer {
    return this.columns[column - 1].subarray(k * HASH_BYTES, (k + 1) * HASH_BYTES);
  }

  /** Hash `column` of every item, in item order, as one run of bytes (a view: not to be written to). */
  column(column: HashColumn): Buffer {
    return this.columns[column - 1].subarray(0, this.count * HASH_BYTES);
  }

  /** Item k as the record writes it. */
  itemAt(k: number): ManifestItem {
    return [this.idAt(k), this.hashAt(k, 1), this.hashAt(k, 2), this.hashAt(k, 3)];
  }

  /** The item of `id` as the record writes it, or undefined. */
  get(id: string): ManifestItem | undefined {
    const k = this.indexOf(id);
    return k === -1 ? undefined : this.itemAt(k);
  }

  *ids(): Generator<string> {
    for (let k = 0; k < this.count; k++) yield this.idAt(k);
  }

  /** The items as arrays, one at a time (for the few places that need ManifestItems: a release reusing them). */
  *items(): Generator<ManifestItem> {
    for (let k = 0; k < this.count; k++) yield this.itemAt(k);
  }
}

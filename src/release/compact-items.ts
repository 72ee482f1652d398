import type { ManifestItem, ManifestItems } from './manifest.js';

const HASH_BYTES = 32;
const ITEM_BYTES = 3 * HASH_BYTES;
const CHUNK_ITEMS = 65_536;

/**
 * Manifest items held while a release reads its labels: the id as a string and the three hashes as 96
 * bytes in shared buffers (~140 B an item instead of ~350 B for four strings in an array), so at 1M
 * labels they do not sit beside the gate's own per-label structures at full size. Turned back into
 * ManifestItems (the same hex strings) once the gate is done.
 */
export class CompactItems {
  private readonly ids: string[] = [];
  private readonly chunks: Buffer[] = [];

  get length(): number {
    return this.ids.length;
  }

  push(item: ManifestItem): void {
    const k = this.ids.length;
    if (k % CHUNK_ITEMS === 0) this.chunks.push(Buffer.alloc(CHUNK_ITEMS * ITEM_BYTES));
    const chunk = this.chunks[this.chunks.length - 1];
    const at = (k % CHUNK_ITEMS) * ITEM_BYTES;
    for (let h = 0; h < 3; h++) {
      const hex = item[h + 1];
      // Hashes are 64 lowercase hex digits (sha256Hex); anything else would not survive the round trip.
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`manifest item ${item[0]}: not a sha256 hex digest: ${hex}`);
      chunk.write(hex, at + h * HASH_BYTES, HASH_BYTES, 'hex');
    }
    this.ids.push(item[0]);
  }

  /** The k-th item pushed, its hashes as hex again. */
  item(k: number): ManifestItem {
    const chunk = this.chunks[Math.floor(k / CHUNK_ITEMS)];
    const at = (k % CHUNK_ITEMS) * ITEM_BYTES;
    const hex = (h: number) => chunk.toString('hex', at + h * HASH_BYTES, at + (h + 1) * HASH_BYTES);
    return [this.ids[k], hex(0), hex(1), hex(2)];
  }

  toItems(): ManifestItem[] {
    return this.ids.map((_, k) => this.item(k));
  }

  /**
   * The items sorted by id (by code unit; ties in the order pushed, as manifestOf's stable sort keeps
   * them), each made from the buffers when it is read: the record is hashed and written from this
   * without the items ever being strings all at once.
   */
  sortedById(): ManifestItems {
    const ids = this.ids;
    const order = Uint32Array.from(ids, (_, k) => k);
    order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
    return new SortedItems(this, order);
  }
}

class SortedItems implements ManifestItems {
  constructor(
    private readonly items: CompactItems,
    private readonly order: Uint32Array,
  ) {}

  get length(): number {
    return this.order.length;
  }

  at(k: number): ManifestItem | undefined {
    const i = k < 0 ? this.order.length + k : k;
    return i >= 0 && i < this.order.length ? this.items.item(this.order[i]) : undefined;
  }

  *[Symbol.iterator](): Generator<ManifestItem> {
    for (let k = 0; k < this.order.length; k++) yield this.items.item(this.order[k]);
  }

  /** As an array in JSON (`release --json` prints the record). */
  toJSON(): ManifestItem[] {
    return [...this];
  }
}

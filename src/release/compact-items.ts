import type { ManifestItem } from './manifest.js';

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

  toItems(): ManifestItem[] {
    return this.ids.map((id, k) => {
      const chunk = this.chunks[Math.floor(k / CHUNK_ITEMS)];
      const at = (k % CHUNK_ITEMS) * ITEM_BYTES;
      const hex = (h: number) => chunk.toString('hex', at + h * HASH_BYTES, at + (h + 1) * HASH_BYTES);
      return [id, hex(0), hex(1), hex(2)];
    });
  }
}

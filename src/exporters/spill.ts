import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Rendered lines put back in an order other than the one they were read in, without holding them: each
 * line goes to a temporary file as it is made, only its sort key and place stay in memory (~100 B per
 * line instead of ~4.5 KB), and the lines are read back in key order. A run that is already in order
 * (the common case: ids follow Row Numbers) is read back sequentially. The file is removed by close().
 */
export class SpillSorter<K> {
  private readonly keys: K[] = [];
  private offsets = new Float64Array(1024);
  private lengths = new Int32Array(1024);
  private pending = Buffer.alloc(0); // lines not yet in the file, encoded straight into one buffer
  private pendingBytes = 0;
  private written = 0;
  private folder: string | undefined;
  private fd: number | undefined;

  /** `memoryBytes`: how many bytes of lines are gathered before they go to the file (tests make it small). */
  constructor(
    private readonly compare: (a: K, b: K) => number,
    private readonly memoryBytes = 4 * 2 ** 20,
  ) {}

  add(key: K, text: string): void {
    const most = 3 * text.length; // UTF-8 bytes of a UTF-16 string, at most
    if (this.pendingBytes + most > this.pending.length) this.reserve(most);
    const size = this.pending.write(text, this.pendingBytes, 'utf8');
    const k = this.keys.length;
    if (k === this.offsets.length) this.grow();
    this.keys.push(key);
    this.offsets[k] = this.written + this.pendingBytes;
    this.lengths[k] = size;
    this.pendingBytes += size;
    if (this.pendingBytes >= this.memoryBytes) this.flush();
  }

  get size(): number {
    return this.keys.length;
  }

  /** Keys and lines in key order (ties keep the order they were added in). */
  *sorted(): Generator<{ key: K; text: string }> {
    for (const { key, bytes } of this.sortedBytes()) yield { key, text: bytes.toString('utf8') };
  }

  /** sorted() as UTF-8 bytes, each a view valid until the next step (written out at once, never decoded). */
  *sortedBytes(): Generator<{ key: K; bytes: Buffer }> {
    const order = Array.from(this.keys.keys());
    order.sort((a, b) => this.compare(this.keys[a], this.keys[b]) || a - b);
    if (this.fd === undefined) {
      // Everything still in memory (a small export): no file was ever made.
      for (const k of order) {
        yield { key: this.keys[k], bytes: this.pending.subarray(this.offsets[k], this.offsets[k] + this.lengths[k]) };
      }
      return;
    }
    this.flush();
    // Lines read back in file order (the usual case) come from one large window; a line out of order
    // (labels on disk by calculator folder, written by id) is read alone, never a whole window for it.
    const window = Buffer.allocUnsafe(Math.max(64, 2 * this.memoryBytes));
    let start = 0; // the file range held in `window`
    let end = 0;
    let next = 0; // where the line after the last one read back starts
    for (const k of order) {
      const from = this.offsets[k];
      const to = from + this.lengths[k];
      const key = this.keys[k];
      if (from >= start && to <= end) yield { key, bytes: window.subarray(from - start, to - start) };
      else if (from === next && this.lengths[k] <= window.length) {
        end = from + readSync(this.fd, window, 0, window.length, from);
        start = from;
        yield { key, bytes: window.subarray(0, to - start) };
      } else {
        const line = Buffer.allocUnsafe(this.lengths[k]);
        readSync(this.fd, line, 0, line.length, from);
        yield { key, bytes: line };
      }
      next = to;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.fd = undefined;
    this.folder = undefined;
  }

  private flush(): void {
    if (this.fd === undefined) {
      this.folder = mkdtempSync(join(tmpdir(), 'steward-export-'));
      this.fd = openSync(join(this.folder, 'lines'), 'w+', 0o600);
    }
    const { fd, pending, pendingBytes, written } = this;
    for (let at = 0; at < pendingBytes; ) at += writeSync(fd, pending, at, pendingBytes - at, written + at);
    this.written += this.pendingBytes;
    this.pendingBytes = 0;
  }

  /** Room for `most` more bytes after the lines gathered so far (kept: copied into the larger buffer). */
  private reserve(most: number): void {
    const doubled = Math.min(2 * this.pending.length + 2 ** 16, 2 * this.memoryBytes);
    const larger = Buffer.allocUnsafe(Math.max(doubled, this.pendingBytes + most));
    this.pending.copy(larger, 0, 0, this.pendingBytes);
    this.pending = larger;
  }

  private grow(): void {
    const offsets = new Float64Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const lengths = new Int32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}

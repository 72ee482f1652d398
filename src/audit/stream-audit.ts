import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Label } from '../label/types.js';
import { type AuditItem, type AuditOutcome, auditLabel } from './classify.js';
import { emptyCounts } from './outcomes.js';
import { triageJson, triageMarkdown } from './report.js';
import { type CalculatorAuditRow, isFlagged, newCalculatorRow, tallyItem } from './tally.js';

// Spilled triage text is written in pieces of about this many characters.
const FLUSH_CHARS = 4 * 2 ** 20;
// The JSON is given back in pieces this small: each dies in the young generation. 4 MB pieces (and the
// ~1,300 item texts each gathers) outlived it: at 1M labels the heap swung between 0.75 and 1.25 GB.
const PIECE_CHARS = 2 ** 15;

/**
 * The audit of a stream of labels with memory flat in their number: what `steward audit` prints
 * (auditMarkdown and auditJson of AuditRun's report, byte for byte) without keeping an item per label.
 * The triage queue can be every label (a synthetic benchmark's answers are random), and each of its
 * items carries both calculators' step-by-step traces: at 1,000,000 labels that is ~3 GB of JSON,
 * more than a JavaScript string may hold. So each flagged item's JSON is written, as it is made, to a
 * temp file (unlinked as soon as it is opened: nothing outlives the command, even a `kill -9`); only
 * its priority, id and place in that file stay in memory, and the JSON is read back in queue order.
 * The Markdown needs only the first `triageLimit` items of the queue, which are kept whole.
 */
export class AuditStream {
  private total = 0;
  private readonly counts: Record<AuditOutcome, number> = emptyCounts();
  private readonly rows = new Map<number, CalculatorAuditRow>();
  private readonly priorities: number[] = [];
  private readonly ids: string[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly first: { item: AuditItem; seq: number }[] = [];
  private readonly keep: number;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;
  private pendingBytes = 0;
  private written = 0;
  private order: number[] | undefined;

  constructor(private readonly triageLimit: number) {
    // What Array#slice(0, limit) keeps of the queue: a negative limit counts from its end (keep all).
    this.keep = Number.isNaN(triageLimit) ? 0 : triageLimit >= 0 ? Math.floor(triageLimit) : Infinity;
    const path = join(tmpdir(), `steward-audit-${process.pid}-${randomBytes(6).toString('hex')}.json`);
    this.fd = openSync(path, 'wx+', 0o600);
    unlinkSync(path);
  }

  get size(): number {
    return this.total;
  }

  add(label: Label, file?: string): void {
    const item = auditLabel(label, file);
    this.total++;
    this.counts[item.outcome]++;
    let row = this.rows.get(item.calculatorId);
    if (!row) {
      row = newCalculatorRow(item.calculatorId);
      this.rows.set(item.calculatorId, row);
    }
    tallyItem(row, item);
    if (!isFlagged(item)) return;
    const seq = this.priorities.length;
    this.priorities.push(item.priority);
    this.ids.push(item.id);
    // Indented as an element of the top level's "triage" array is: two levels down ("[\n  [\n" … "\n  ]\n]").
    const text = JSON.stringify([[triageJson(item)]], null, 2).slice(6, -6);
    const bytes = Buffer.byteLength(text);
    this.starts.push(this.written + this.pendingBytes);
    this.lengths.push(bytes);
    this.pendingBytes += bytes;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
    if (this.keep > 0) {
      this.first.push({ item, seq });
      if (this.first.length >= 2 * this.keep + 64) this.trimFirst();
    }
  }

  private flush(): void {
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, this.written + at);
    this.written += bytes.length;
    this.pending = [];
    this.pendingChars = 0;
    this.pendingBytes = 0;
  }

  private trimFirst(): void {
    this.first.sort((a, b) => this.compare(a.seq, b.seq));
    if (this.first.length > this.keep) this.first.length = this.keep;
  }

  /** Queue order: highest priority first, ties by id (code units), then as the labels came. */
  private compare(a: number, b: number): number {
    const x = this.ids[a];
    const y = this.ids[b];
    return this.priorities[b] - this.priorities[a] || (x < y ? -1 : x > y ? 1 : 0) || a - b;
  }

  /** Items in the triage queue (labels that need a physician's eye). */
  get triageCount(): number {
    return this.priorities.length;
  }

  /** The summary and the first triage items, as auditMarkdown gives them. */
  markdown(options: { title?: string } = {}): string {
    this.trimFirst();
    const first = this.first.map((f) => f.item);
    return triageMarkdown(this.summary(), this.triageCount, first, { ...options, triageLimit: this.triageLimit });
  }

  /** JSON.stringify(auditJson(report), null, 2) + '\n', in pieces. */
  *json(): Generator<string> {
    this.flush();
    const head = JSON.stringify({ ...this.summary(), triage: [] }, null, 2);
    if (this.triageCount === 0) {
      yield `${head}\n`;
      return;
    }
    // "triage" is the last key: its empty array closes the text ("[]\n}").
    yield `${head.slice(0, -4)}[\n`;
    this.order ??= this.queueOrder();
    let buffer = Buffer.allocUnsafe(1 << 16);
    let piece: string[] = [];
    let chars = 0;
    for (let k = 0; k < this.order.length; k++) {
      const seq = this.order[k];
      const length = this.lengths[seq];
      if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) got += readSync(this.fd, buffer, got, length - got, this.starts[seq] + got);
      const text = buffer.toString('utf8', 0, length) + (k + 1 < this.order.length ? ',\n' : '\n  ]\n}\n');
      piece.push(text);
      chars += text.length;
      if (chars >= PIECE_CHARS) {
        yield piece.join('');
        piece = [];
        chars = 0;
      }
    }
    if (piece.length > 0) yield piece.join('');
  }

  /** Lets the spilled text go (the file has no name already; this frees its space). */
  close(): void {
    closeSync(this.fd);
  }

  private summary() {
    const calculators = [...this.rows.values()].sort((a, b) => a.id - b.id);
    return { total: this.total, counts: this.counts, calculators };
  }

  /** The queue's items in order: Array#sort over their numbers, as AuditRun sorts the items themselves. */
  private queueOrder(): number[] {
    const order: number[] = [];
    for (let k = 0; k < this.priorities.length; k++) order.push(k);
    return order.sort((a, b) => this.compare(a, b));
  }
}

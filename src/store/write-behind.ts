import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Bytes of one slot of the ring the writer thread writes from (the exports' buffer size). */
export const SLOT_BYTES = 4 * 2 ** 20;
// Slots the caller may fill ahead of the writer: 16 MB in all, whatever the export's size.
const SLOTS = 4;

// control: [0] slots handed to the writer, [1] slots it has written, [2] 1 once no more will come,
// [3] 1 when it failed, [4] counts the caller's events (a slot handed, the end), so the writer never
// misses one between looking and waiting.
const HANDED = 0;
const WRITTEN = 1;
const ENDED = 2;
const FAILED = 3;
const EVENTS = 4;

// The writer thread's program: plain CommonJS with Node built-ins only (as the reader thread's in
// read-texts.ts), so it runs the same from dist/, under tsx and under vitest. It writes each handed
// slot to the file in order, with writeSync, and says when it is done or what failed.
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { fd, ring, lengths, control, slotBytes, slots } = workerData;
const bytes = Buffer.from(ring);
let written = 0;
try {
  for (;;) {
    const events = Atomics.load(control, ${EVENTS});
    if (written === Atomics.load(control, ${HANDED})) {
      if (Atomics.load(control, ${ENDED}) === 1) break;
      Atomics.wait(control, ${EVENTS}, events);
      continue;
    }
    const start = (written % slots) * slotBytes;
    const end = start + lengths[written % slots];
    for (let at = start; at < end; ) at += writeSync(fd, bytes, at, end - at);
    Atomics.store(control, ${WRITTEN}, ++written);
    Atomics.notify(control, ${WRITTEN});
  }
  parentPort.postMessage({ ok: true });
} catch (error) {
  const { message, code, errno, syscall } = error;
  parentPort.postMessage({ ok: false, message, code, errno, syscall });
  // FAILED first, then WRITTEN moved to -1: a caller about to wait on WRITTEN's old value wakes at once.
  Atomics.store(control, ${FAILED}, 1);
  Atomics.store(control, ${WRITTEN}, -1);
  Atomics.notify(control, ${WRITTEN});
}
`;

interface WriterResult {
  ok: boolean;
  message?: string;
  code?: string;
  errno?: number;
  syscall?: string;
}

/**
 * Writes a file's bytes on a helper thread, behind the caller: on this VM a 430 MB export spent ~1.2 s
 * of its main thread in write system calls, which now run on the other core beside the parsing and
 * hashing. The caller fills slots of a shared ring (`nextBuffer`) and hands each over full (`write`);
 * it waits only when all four are still being written. Bytes reach the file in the order they were
 * written. The first buffer is written here, synchronously, and the thread is started only after it:
 * a small file (most exports in tests, a few labels) never starts one. A write error is the fs error
 * it would have been, thrown by `write` or `finish`.
 */
export class WriteBehind {
  private ring: SharedArrayBuffer | undefined;
  private slots: Buffer[] = [];
  private lengths: Int32Array | undefined;
  private control: Int32Array | undefined;
  private handed = 0;
  private result: Promise<WriterResult> | undefined;
  private worker: Worker | undefined;
  private noThread = false;
  private own: Buffer | undefined;

  constructor(private readonly fd: number) {}

  /** Writes `bytes` after everything written before: a slot of nextBuffer() goes to the thread, others here. */
  write(bytes: Buffer): void {
    const k = this.handed % SLOTS;
    if (this.ring && bytes.buffer === this.ring && bytes.byteOffset === k * SLOT_BYTES) {
      this.lengths![k] = bytes.length;
      this.handed++;
      Atomics.store(this.control!, HANDED, this.handed);
      this.signal();
      return;
    }
    this.drain();
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
    if (!this.ring && !this.noThread) this.start();
  }

  /** A buffer of SLOT_BYTES to fill next: the next free slot once the thread runs, else one of this file's own. */
  nextBuffer(): Buffer {
    // Without the thread every write is done when write() returns, so one buffer serves them all.
    if (!this.ring) {
      this.own ??= Buffer.allocUnsafe(SLOT_BYTES);
      return this.own;
    }
    // The slot after the last handed is free once the thread has written what was in it before.
    this.waitUntil((written) => this.handed - written < SLOTS);
    return this.slots[this.handed % SLOTS];
  }

  /** Waits for every byte to be written; throws the first write error. */
  async finish(): Promise<void> {
    if (!this.control || !this.result) return;
    Atomics.store(this.control, ENDED, 1);
    this.signal();
    const result = await this.result;
    this.ring = undefined;
    if (!result.ok) throw writeError(result);
  }

  /** finish(), blocking: waits here until every byte handed over is written, and lets the thread go. */
  end(): void {
    if (!this.ring) return;
    this.drain();
    Atomics.store(this.control!, ENDED, 1);
    this.signal();
    this.ring = undefined;
  }

  /** The error the thread stopped on, once it has stopped; undefined when it wrote everything (or never ran). */
  async failure(): Promise<Error | undefined> {
    if (!this.result || !this.control || Atomics.load(this.control, FAILED) !== 1) return undefined;
    const result = await this.result;
    return result.ok ? undefined : writeError(result);
  }

  /** Stops the thread, whatever it was writing (the file is being thrown away). */
  abandon(): void {
    if (this.control) {
      Atomics.store(this.control, ENDED, 1);
      this.signal();
    }
    void this.worker?.terminate();
    this.ring = undefined;
  }

  private start(): void {
    try {
      const ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
      const lengths = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
      const control = new Int32Array(new SharedArrayBuffer(4 * 5));
      const workerData = { fd: this.fd, ring, lengths, control, slotBytes: SLOT_BYTES, slots: SLOTS };
      const worker = new Worker(WRITER_SOURCE, { eval: true, workerData });
      this.result = new Promise<WriterResult>((resolve) => {
        worker.once('message', resolve);
        worker.once('error', (error) => resolve({ ok: false, message: error.message }));
        worker.once('exit', () => resolve({ ok: false, message: 'the writer thread stopped' }));
      });
      this.worker = worker;
      this.ring = ring;
      this.lengths = lengths;
      this.control = control;
      this.slots = Array.from({ length: SLOTS }, (_, k) => Buffer.from(ring, k * SLOT_BYTES, SLOT_BYTES));
    } catch {
      // No thread to be had (a locked-down runtime): every write stays synchronous, as before.
      this.noThread = true;
    }
  }

  /** Waits until everything handed has been written (before a write of bytes that are not a slot). */
  private drain(): void {
    if (this.ring) this.waitUntil((written) => written === this.handed);
  }

  private waitUntil(done: (written: number) => boolean): void {
    const control = this.control!;
    for (;;) {
      const written = Atomics.load(control, WRITTEN);
      if (Atomics.load(control, FAILED) === 1) throw new WriterFailed();
      if (done(written)) return;
      // The thread moves WRITTEN on after each slot, and says it failed through FAILED (and a notify).
      Atomics.wait(control, WRITTEN, written);
    }
  }

  private signal(): void {
    Atomics.add(this.control!, EVENTS, 1);
    Atomics.notify(this.control!, EVENTS);
  }
}

/** The thread stopped on an error; finish() gives the error itself. */
export class WriterFailed extends Error {
  constructor() {
    super('the writer thread failed');
  }
}

function writeError(result: WriterResult): Error {
  const error = new Error(result.message ?? 'write failed') as NodeJS.ErrnoException;
  if (result.code) error.code = result.code;
  if (result.errno !== undefined) error.errno = result.errno;
  if (result.syscall) error.syscall = result.syscall;
  return error;
}

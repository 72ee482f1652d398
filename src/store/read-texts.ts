import { readFileSync } from 'node:fs';
import { MessageChannel, Worker } from 'node:worker_threads';
import { decodeUtf8 } from './utf8.js';

// Files per batch: a few milliseconds of reading between two turns of the event loop.
const BATCH = 256;
// Below this many files a reader thread costs more to start than it saves.
const READ_AHEAD_MIN = 2_000;
// Batches the reader thread may run ahead of the caller (bounds memory to a few MB of text).
const WINDOW = 8;

/**
 * The UTF-8 texts of `files`, in order, in batches. Many files are read by a helper thread, so the
 * kernel's share of each read (the larger part on small files) runs beside the caller's parsing
 * instead of before it; few files are read here. Reads are synchronous: per small file, the promise
 * API's thread-pool round trips cost several times the read itself.
 *
 * Text is strict UTF-8 (decodeUtf8: a bad byte is an input error with its offset, never U+FFFD).
 * Errors are those of readFileSync on this thread: when the helper cannot read a file, or cannot run,
 * the rest is read here, so a bad file fails exactly as it would without the helper.
 */
export async function* readTextsInOrder(files: readonly string[]): AsyncGenerator<string[]> {
  for await (const batch of readBatchesInOrder(files)) {
    yield Array.from({ length: batch.length }, (_, k) => batch.text(k));
  }
}

/** A batch of files read but not yet decoded: text(k) decodes the k-th (and throws its UTF-8 error). */
export interface TextBatch {
  length: number;
  text(k: number): string;
  /**
   * The sha256 of the k-th file's bytes, when asked for (`sha256`) and the reader thread hashed them as
   * it read them (on the other core, beside the caller's parsing); undefined for files read on this
   * thread. Strict UTF-8 decoding is one-to-one (a BOM is kept), so it is also the hash of text(k)'s UTF-8.
   */
  sha256(k: number): Buffer | undefined;
}

/**
 * readTextsInOrder, each text decoded only when asked for: a caller that parses one text and drops it
 * before decoding the next keeps one label's text alive instead of a batch's, so the texts die young
 * (a batch decoded at once outlives the garbage collector's young generation and is copied into the
 * old one, which then grows with the repository).
 */
export async function* readBatchesInOrder(
  files: readonly string[],
  /** Hash each file on the reader thread (a release's manifest needs it; ~3 CPU s of a 1M-label read). */
  options: { sha256?: boolean } = {},
): AsyncGenerator<TextBatch> {
  let next = 0;
  if (files.length >= READ_AHEAD_MIN) {
    for await (const batch of readAhead(files, options.sha256 === true)) {
      next += batch.length;
      yield batch;
    }
  }
  for (let start = next; start < files.length; start += BATCH) {
    if (start > next) await new Promise<void>((done) => setImmediate(done));
    const names = files.slice(start, start + BATCH);
    yield { length: names.length, text: (k) => decodeUtf8(readFileSync(names[k]), names[k]), sha256: () => undefined };
  }
}

interface ReaderMessage {
  /** The batch's files back to back, as read (UTF-8 bytes); moved, not copied, between the threads. */
  bytes: Uint8Array;
  /** Where each file ends in bytes. */
  ends: Uint32Array;
  /** Each file's sha256, 32 bytes a file, in order (empty when the caller did not ask for them). */
  digests: Uint8Array;
  /** The reader stopped at the file after these (the caller reads it again and gets the error). */
  failed: boolean;
}

// The helper thread's program: plain CommonJS with Node built-ins only, so it runs the same from
// dist/, under tsx and under vitest. It sends bytes, not strings: a string would be copied twice on
// the way (serialised, then deserialised), where the caller's UTF-8 decoding is one pass. It gets
// each batch's paths as a message shortly before it reads them, never the whole list (1,000,000 paths
// cloned into its heap were ~0.2 GB of a 1M-label validate). control[0] counts batches the caller has
// taken (and whose successors' paths it has posted); control[1] = 1 tells the reader to stop.
const READER_SOURCE = `
const { receiveMessageOnPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, readSync } = require('node:fs');
const { hash } = require('node:crypto');
const { paths, texts, count, batch, window, control, sha256 } = workerData;
// One buffer for every read, grown when a batch needs more: no garbage per file.
let buffer = Buffer.allocUnsafeSlow(1 << 20);
let sent = 0;
const stopped = () => Atomics.load(control, 1) !== 0;
for (let start = 0; start < count && !stopped(); start += batch) {
  let files;
  for (;;) {
    const taken = Atomics.load(control, 0);
    if (sent - taken < window) files = files || receiveMessageOnPort(paths);
    if (files || stopped()) break;
    Atomics.wait(control, 0, taken, 100);
  }
  if (!files) break;
  files = files.message;
  const ends = new Uint32Array(files.length);
  const digests = new Uint8Array(sha256 ? 32 * files.length : 0);
  let used = 0;
  let read = 0;
  try {
    for (; read < files.length; read++) {
      const fd = openSync(files[read], 'r');
      try {
        for (;;) {
          if (used === buffer.length) {
            const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
            buffer.copy(bigger, 0, 0, used);
            buffer = bigger;
          }
          const n = readSync(fd, buffer, used, buffer.length - used, null);
          if (n === 0) break;
          used += n;
        }
      } finally {
        closeSync(fd);
      }
      const start = read === 0 ? 0 : ends[read - 1];
      if (sha256) digests.set(hash('sha256', buffer.subarray(start, used), 'buffer'), 32 * read);
      ends[read] = used;
    }
  } catch {
    // Stop here: the caller reads this file itself and gets readFileSync's own error.
  }
  const bytes = new Uint8Array(used);
  bytes.set(buffer.subarray(0, used));
  const failed = read < files.length;
  const done = failed ? ends.slice(0, read) : ends;
  texts.postMessage({ bytes, ends: done, digests, failed }, [bytes.buffer, done.buffer, digests.buffer]);
  sent++;
  if (failed) break;
}
`;

/** Batches read by a helper thread, in order, until it has read them all or stops (then it yields no more). */
async function* readAhead(files: readonly string[], sha256: boolean): AsyncGenerator<TextBatch> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const paths = new MessageChannel();
  const texts = new MessageChannel();
  let worker: Worker;
  try {
    const ports = { paths: paths.port2, texts: texts.port2 };
    const workerData = { ...ports, count: files.length, batch: BATCH, window: WINDOW, control, sha256 };
    worker = new Worker(READER_SOURCE, { eval: true, workerData, transferList: [paths.port2, texts.port2] });
  } catch {
    paths.port1.close();
    texts.port1.close();
    return;
  }
  // The paths of batches up to `posted` are on their way to the reader: WINDOW + 1 ahead of the caller.
  let posted = 0;
  const postPaths = (upTo: number) => {
    for (; posted < upTo && posted * BATCH < files.length; posted++) {
      paths.port1.postMessage(files.slice(posted * BATCH, (posted + 1) * BATCH));
    }
  };
  postPaths(WINDOW + 1);
  const queue: ReaderMessage[] = [];
  let gone = false;
  let wake: (() => void) | undefined;
  texts.port1.on('message', (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
  });
  const stop = () => {
    gone = true;
    wake?.();
  };
  worker.on('error', stop);
  worker.on('exit', stop);
  let received = 0;
  let taken = 0;
  try {
    while (received < files.length) {
      const message = queue.shift();
      if (!message) {
        if (gone) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
      const ends = message.ends;
      const first = received;
      const text = (k: number) => decodeUtf8(bytes.subarray(k === 0 ? 0 : ends[k - 1], ends[k]), files[first + k]);
      const digests = Buffer.from(message.digests.buffer, message.digests.byteOffset, message.digests.byteLength);
      const digest = (k: number) => (sha256 ? digests.subarray(32 * k, 32 * k + 32) : undefined);
      received += ends.length;
      if (ends.length > 0) yield { length: ends.length, text, sha256: digest };
      postPaths(++taken + WINDOW + 1);
      Atomics.add(control, 0, 1);
      Atomics.notify(control, 0);
      if (message.failed) return;
    }
  } finally {
    Atomics.store(control, 1, 1);
    Atomics.notify(control, 0);
    paths.port1.close();
    texts.port1.close();
    void worker.terminate();
  }
}

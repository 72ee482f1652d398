import { MessageChannel, Worker } from 'node:worker_threads';
import { blobContent } from './loose-objects.js';
import type { BlobRef, LabelFile } from './stream-labels.js';

// Blobs per batch: a few milliseconds of reading between two turns of the event loop.
const BATCH = 256;
// Batches the reader thread may run ahead of the caller (bounds memory to ~10 MB of labels).
const WINDOW = 8;

interface ReaderMessage {
  /** The batch's objects ("blob <size>\0<bytes>", inflated and checked against their names), back to back. */
  bytes: Uint8Array;
  /** Where each object ends in bytes. */
  ends: Uint32Array;
  /** The reader stopped at the object after these (not a loose object it could read). */
  failed: boolean;
}

// The helper thread's program: plain CommonJS with Node built-ins only, so it runs the same from
// dist/, under tsx and under vitest (as store/read-texts.ts's reader). It does what LooseObjectReader
// does but the header check: opens, reads, inflates and hashes each object while the caller hashes
// and writes the one before. control[0] counts batches the caller has taken (and whose successors' ids
// it has posted); control[1] = 1 tells the reader to stop. An empty batch of ids is the end.
const READER_SOURCE = `
const { receiveMessageOnPort, workerData } = require('node:worker_threads');
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
const { inflateSync } = require('node:zlib');
const { hash } = require('node:crypto');
const { oids, objects, objectsDir, objectFormat, window, control } = workerData;
let file = Buffer.allocUnsafeSlow(1 << 16);
// Batch buffers come back with the ids of later batches once the caller is done with them: no garbage.
const spare = [];
let sent = 0;
const stopped = () => Atomics.load(control, 1) !== 0;
function readLoose(oid) {
  const fd = openSync(objectsDir + '/' + oid.slice(0, 2) + '/' + oid.slice(2), 'r');
  try {
    let n = readSync(fd, file, 0, file.length, 0);
    if (n === file.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(fstatSync(fd).size, n) + 1);
      file.copy(larger, 0, 0, n);
      file = larger;
      for (let read = 1; read > 0 && n < file.length; n += read) read = readSync(fd, file, n, file.length - n, n);
    }
    const object = inflateSync(file.subarray(0, n));
    if (hash(objectFormat, object, 'hex') !== oid) throw new Error('not the object its name says');
    return object;
  } finally {
    closeSync(fd);
  }
}
for (;;) {
  let batch;
  for (;;) {
    const taken = Atomics.load(control, 0);
    if (sent - taken < window) batch = batch || receiveMessageOnPort(oids);
    if (batch || stopped()) break;
    Atomics.wait(control, 0, taken, 100);
  }
  if (!batch) break;
  const { ids, buffer } = batch.message;
  if (buffer) spare.push(buffer);
  if (ids.length === 0) break;
  let out = Buffer.from(spare.pop() || new ArrayBuffer(1 << 21));
  const ends = new Uint32Array(ids.length);
  let used = 0;
  let read = 0;
  try {
    for (; read < ids.length; read++) {
      const object = readLoose(ids[read]);
      if (used + object.length > out.length) {
        const bigger = Buffer.from(new ArrayBuffer(Math.max(2 * out.length, used + object.length)));
        out.copy(bigger, 0, 0, used);
        out = bigger;
      }
      object.copy(out, used);
      used += object.length;
      ends[read] = used;
    }
  } catch {
    // Stop here: the caller reads this object itself (and asks git when it cannot either).
  }
  const failed = read < ids.length;
  const done = failed ? ends.slice(0, read) : ends;
  objects.postMessage({ bytes: new Uint8Array(out.buffer, 0, used), ends: done, failed }, [out.buffer, done.buffer]);
  sent++;
  if (failed) break;
}
`;

/**
 * The loose blobs of `entries`, in order, read by a helper thread (so a large export's reading runs
 * beside its hashing and writing), until the first the thread cannot read or the end. Returns the
 * entries taken from `entries` but not yielded, in order (from that first one on), for the caller to
 * read another way; when the thread cannot start, that is all of them it took (none).
 */
export async function* looseBlobsAhead(
  objectsDir: string,
  objectFormat: 'sha1' | 'sha256',
  entries: Iterator<BlobRef>,
): AsyncGenerator<LabelFile, BlobRef[]> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const oids = new MessageChannel();
  const objects = new MessageChannel();
  let worker: Worker;
  try {
    const workerData = { oids: oids.port2, objects: objects.port2, objectsDir, objectFormat, window: WINDOW, control };
    worker = new Worker(READER_SOURCE, { eval: true, workerData, transferList: [oids.port2, objects.port2] });
  } catch {
    oids.port1.close();
    objects.port1.close();
    return [];
  }
  // The batches posted to the reader and not yet handed out, in order.
  const posted: BlobRef[][] = [];
  let ended = false;
  // Buffers of batches handed out, going back to the reader with the next ids.
  const free: ArrayBuffer[] = [];
  const post = () => {
    while (!ended && posted.length < WINDOW + 1) {
      const batch: BlobRef[] = [];
      for (let next = entries.next(); !next.done; next = entries.next()) {
        if (batch.push(next.value) === BATCH) break;
      }
      const buffer = free.pop();
      oids.port1.postMessage({ ids: batch.map((e) => e.oid), buffer }, buffer ? [buffer] : []);
      if (batch.length > 0) posted.push(batch);
      // A short batch is the last; an empty one tells the reader so.
      if (batch.length < BATCH) {
        ended = true;
        if (batch.length > 0) oids.port1.postMessage({ ids: [] });
      }
    }
  };
  post();
  const queue: ReaderMessage[] = [];
  let gone = false;
  let wake: (() => void) | undefined;
  objects.port1.on('message', (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
  });
  const stop = () => {
    gone = true;
    wake?.();
  };
  worker.on('error', stop);
  worker.on('exit', stop);
  try {
    while (posted.length > 0) {
      const message = queue.shift();
      if (!message) {
        if (gone) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const batch = posted[0];
      const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
      for (let k = 0; k < message.ends.length; k++) {
        const content = blobContent(bytes.subarray(k === 0 ? 0 : message.ends[k - 1], message.ends[k]));
        if (!content) {
          posted[0] = batch.slice(k);
          return posted.flat();
        }
        yield { path: batch[k].path, bytes: content };
      }
      if (message.failed) {
        posted[0] = batch.slice(message.ends.length);
        return posted.flat();
      }
      posted.shift();
      free.push(message.bytes.buffer as ArrayBuffer);
      post();
      Atomics.add(control, 0, 1);
      Atomics.notify(control, 0);
    }
    return posted.flat();
  } finally {
    Atomics.store(control, 1, 1);
    Atomics.notify(control, 0);
    oids.port1.close();
    objects.port1.close();
    void worker.terminate();
  }
}

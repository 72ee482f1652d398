import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HASH_BYTES } from './manifest-index.js';
import { type CsvDigestOptions, type RowVisitor, csvRowDigests } from './csv-row-digests.js';

/** What csvRowDigests visited, row after row, as a few runs of bytes: sent from the helper thread whole. */
export interface RowDigestsRead {
  count: number;
  /** The rows' keys back to back, one byte a character (a key is bytes read as latin1); row k's ends at keyEnds[k]. */
  keys: Uint8Array;
  keyEnds: Uint32Array;
  rows: Int32Array;
  lines: Int32Array;
  /** 32 bytes a row. */
  digests: Uint8Array;
}

/**
 * csvRowDigests with the file read and hashed by a helper thread, on the other core, while this one
 * does the rest (verify reads the release record meanwhile); the rows are then visited here, in order,
 * as csvRowDigests would have. When the helper cannot run, or its read fails, the file is read here
 * instead: a bad file fails exactly as it would without the helper, and a visitor that throws throws
 * at the row it would have.
 */
export async function csvRowDigestsBeside(file: string, options: CsvDigestOptions, visit: RowVisitor): Promise<void> {
  const read = await readInHelper(file, options);
  if (read === null) return csvRowDigests(file, options, visit);
  const keys = Buffer.from(read.keys.buffer, read.keys.byteOffset, read.keys.length);
  let keyStart = 0;
  for (let k = 0; k < read.count; k++) {
    const digest = Buffer.from(read.digests.buffer, read.digests.byteOffset + k * HASH_BYTES, HASH_BYTES);
    visit(keys.toString('latin1', keyStart, read.keyEnds[k]), read.rows[k], read.lines[k], digest);
    keyStart = read.keyEnds[k];
  }
}

/** csvRowDigests' visits kept (what the helper thread does, and sends back): a few bytes a row, no object. */
export async function readRowDigests(file: string, options: CsvDigestOptions): Promise<RowDigestsRead> {
  let count = 0;
  let keys = Buffer.allocUnsafeSlow(8 * 4096);
  let keysUsed = 0;
  let keyEnds = new Uint32Array(4096);
  let rows = new Int32Array(4096);
  let lines = new Int32Array(4096);
  let digests = Buffer.allocUnsafeSlow(HASH_BYTES * 4096);
  await csvRowDigests(file, options, (key, row, line, digest) => {
    if (count === rows.length) {
      keyEnds = grown(keyEnds);
      rows = grown(rows);
      lines = grown(lines);
      digests = grownBytes(digests, digests.length, 2 * digests.length);
    }
    if (keysUsed + key.length > keys.length) keys = grownBytes(keys, keysUsed, 2 * (keysUsed + key.length));
    keysUsed += keys.write(key, keysUsed, 'latin1');
    keyEnds[count] = keysUsed;
    rows[count] = row;
    lines[count] = line;
    digest.copy(digests, count * HASH_BYTES);
    count++;
  });
  return {
    count,
    keys: keys.subarray(0, keysUsed),
    keyEnds: keyEnds.subarray(0, count),
    rows: rows.subarray(0, count),
    lines: lines.subarray(0, count),
    digests: digests.subarray(0, count * HASH_BYTES),
  };
}

/** A larger buffer of its own (not from the pool: it is moved to the other thread) holding the first `used` bytes. */
function grownBytes(bytes: Buffer, used: number, size: number): Buffer<ArrayBuffer> {
  const larger = Buffer.allocUnsafeSlow(size);
  bytes.copy(larger, 0, 0, used);
  return larger;
}

function grown<T extends Uint32Array | Int32Array>(a: T): T {
  const larger = new (a.constructor as new (n: number) => T)(2 * a.length);
  larger.set(a);
  return larger;
}

/** Where the helper thread's program is: beside this file once built (from the TypeScript sources, none). */
const HELPER = new URL('./csv-rows-helper.js', import.meta.url);

/** The file read by a helper thread; null when it cannot start, stops, or the read fails. */
export function readInHelper(file: string, options: CsvDigestOptions): Promise<RowDigestsRead | null> {
  if (!existsSync(fileURLToPath(HELPER))) return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(HELPER, { workerData: { file, options } });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (read: RowDigestsRead | null) => resolve(read));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HASH_BYTES } from './manifest-index.js';
import { type CsvDigestOptions, type RowVisitor, csvRowDigests } from './csv-row-digests.js';

/** What csvRowDigests visited, row after row, as a few runs of bytes: sent from the helper thread whole. */
export interface RowDigestsRead {
  count: number;
  /** The rows' keys back to back; row k's is [keyEnds[k - 1], keyEnds[k]). */
  keys: string;
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
  let keyStart = 0;
  for (let k = 0; k < read.count; k++) {
    const digest = Buffer.from(read.digests.buffer, read.digests.byteOffset + k * HASH_BYTES, HASH_BYTES);
    visit(read.keys.slice(keyStart, read.keyEnds[k]), read.rows[k], read.lines[k], digest);
    keyStart = read.keyEnds[k];
  }
}

/** csvRowDigests' visits kept (what the helper thread does, and sends back). */
export async function readRowDigests(file: string, options: CsvDigestOptions): Promise<RowDigestsRead> {
  const keys: string[] = [];
  const rows: number[] = [];
  const lines: number[] = [];
  let digests = new Uint8Array(HASH_BYTES * 4096);
  await csvRowDigests(file, options, (key, row, line, digest) => {
    if ((keys.length + 1) * HASH_BYTES > digests.length) {
      const larger = new Uint8Array(2 * digests.length);
      larger.set(digests);
      digests = larger;
    }
    digests.set(digest, keys.length * HASH_BYTES);
    keys.push(key);
    rows.push(row);
    lines.push(line);
  });
  const keyEnds = new Uint32Array(keys.length);
  let end = 0;
  keys.forEach((key, k) => {
    end += key.length;
    keyEnds[k] = end;
  });
  return {
    count: keys.length,
    keys: keys.join(''),
    keyEnds,
    rows: Int32Array.from(rows),
    lines: Int32Array.from(lines),
    digests: digests.subarray(0, keys.length * HASH_BYTES),
  };
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

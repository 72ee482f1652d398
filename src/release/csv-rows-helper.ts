// The helper thread of csvRowDigestsBeside: reads and hashes the file, sends what it visited (moved,
// not copied), or null when the read fails (the caller reads the file again and meets the error).
import { parentPort, workerData } from 'node:worker_threads';
import { readRowDigests } from './csv-rows-beside.js';

const { file, options } = workerData;
readRowDigests(file, options).then(
  (read) => {
    const moved = [read.keys, read.keyEnds, read.rows, read.lines, read.digests].map((a) => a.buffer as ArrayBuffer);
    parentPort!.postMessage(read, moved);
  },
  () => parentPort!.postMessage(null),
);

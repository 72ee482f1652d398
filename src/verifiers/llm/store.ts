import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** One paid call as the ledger and the cache keep it. */
export interface CallRecord {
  key: string;
  id: string;
  run: number;
  seed: number;
  promptHash: string;
  /** The model the server reported. */
  model: string;
  content: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
}

/**
 * Content-addressed cache of successful replies, one file per call key under `<dir>/<key[0..2]>/`.
 * Only replies are cached, never errors: a failed call is tried again next time. Writes go through a
 * temporary file and a rename, so a killed run leaves no half-written entry.
 */
export class ReplyCache {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(key: string): CallRecord | undefined {
    const file = this.path(key);
    if (!existsSync(file)) return undefined;
    try {
      const record = JSON.parse(readFileSync(file, 'utf8')) as CallRecord;
      return record.key === key ? record : undefined;
    } catch {
      return undefined; // a damaged entry is a miss, not an error
    }
  }

  put(record: CallRecord): void {
    const file = this.path(record.key);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(record));
    renameSync(tmp, file);
  }
}

/**
 * The run's append-only ledger: one JSON line per finished call, fsynced before the next is counted,
 * so `--resume` after a crash or `kill -9` knows every call that was paid for. A torn last line (the
 * process died mid-write) is ignored.
 */
export class Ledger {
  readonly records = new Map<string, CallRecord>();

  constructor(readonly file: string) {}

  load(): void {
    if (!existsSync(this.file)) return;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const r = JSON.parse(line) as CallRecord;
        if (typeof r.key === 'string') this.records.set(r.key, r);
      } catch {
        // torn write at the end of a killed run
      }
    }
  }

  append(record: CallRecord): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a');
    try {
      appendFileSync(fd, JSON.stringify(record) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.records.set(record.key, record);
  }

  spentUsd(): number {
    let total = 0;
    for (const r of this.records.values()) total += r.costUsd ?? 0;
    return total;
  }
}

import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { makeFoldersSync } from '../store/folders.js';
import { SLOT_BYTES, WriteBehind, WriterFailed } from '../store/write-behind.js';
import { dirname } from 'node:path';

/** Where a streaming export's text goes, piece by piece: text, or bytes already encoded as UTF-8. */
export interface Sink {
  write(piece: string | Uint8Array): void;
}

/**
 * Gathers small pieces (lines) into one 4 MB buffer, encoding text straight into it, and passes each
 * full buffer on: a 1M-line export makes no per-line Buffer or joined string.
 */
export class BufferedSink implements Sink {
  private buffer: Buffer = Buffer.allocUnsafe(SLOT_BYTES);
  private used = 0;
  /**
   * `reuse`: the receiver is done with the bytes when flushTo returns (a file written synchronously).
   * `next`: the buffer to go on in after a flush, once flushTo has the full one (a WriteBehind's slot).
   */
  constructor(
    private readonly flushTo: (bytes: Buffer) => void,
    private readonly options: { reuse?: boolean; next?: () => Buffer } = {},
  ) {}

  write(piece: string | Uint8Array): void {
    // A line that fits even at 3 bytes a UTF-16 unit (UTF-8's most) is encoded at once, not measured first.
    if (typeof piece === 'string' && this.used + 3 * piece.length <= this.buffer.length) {
      this.used += this.buffer.write(piece, this.used, 'utf8');
      return;
    }
    const size = typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
    if (this.used + size > this.buffer.length) this.flush();
    if (size > this.buffer.length) {
      this.flushTo(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece));
      return;
    }
    if (typeof piece === 'string') this.used += this.buffer.write(piece, this.used, 'utf8');
    else {
      this.buffer.set(piece, this.used);
      this.used += piece.length;
    }
  }

  flush(): void {
    if (this.used === 0) return;
    // The receiver may keep the bytes (a test's captured output): it gets them, and a fresh buffer is used on
    // (unless it said it does not keep them: a 1M-label export then makes no 4 MB buffer per flush).
    const full = this.buffer.subarray(0, this.used);
    this.used = 0;
    if (this.options.next) {
      this.flushTo(full);
      this.buffer = this.options.next();
      return;
    }
    if (!this.options.reuse) this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.flushTo(full);
  }
}

/**
 * A file being written beside its target (`<target>.steward-tmp-<token>`, the ignore pattern's name),
 * renamed into place by commitStaged only when every piece is written; abandon() removes it.
 */
export class StagedFile implements Sink {
  readonly temp: string;
  private fd: number | undefined;
  private readonly buffer: BufferedSink;
  // The write system calls run on a helper thread once the file outgrows one buffer (see WriteBehind).
  private readonly behind: WriteBehind;

  constructor(
    readonly path: string,
    token: string,
  ) {
    makeFoldersSync(dirname(path));
    this.temp = `${path}.steward-tmp-${token}`;
    this.fd = openSync(this.temp, 'w');
    const behind = new WriteBehind(this.fd);
    this.behind = behind;
    this.buffer = new BufferedSink((bytes) => behind.write(bytes), { next: () => behind.nextBuffer() });
  }

  write(piece: string | Uint8Array): void {
    this.buffer.write(piece);
  }

  /** Writes what is buffered and waits for every byte to reach the file; throws the first write error. */
  async finish(): Promise<void> {
    if (this.fd === undefined) return;
    this.buffer.flush();
    await this.behind.finish();
  }

  /** The write error that stopped the helper thread (after WriterFailed), or undefined. */
  writeFailure(): Promise<Error | undefined> {
    return this.behind.failure();
  }

  close(): void {
    if (this.fd === undefined) return;
    this.buffer.flush();
    this.behind.end();
    closeSync(this.fd);
    this.fd = undefined;
  }

  abandon(): void {
    this.behind.abandon();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temp, { force: true });
  }
}

/** Temp files for `paths`, one token for all. */
export function stageFiles(paths: string[]): StagedFile[] {
  const token = randomBytes(6).toString('hex');
  const staged: StagedFile[] = [];
  try {
    for (const path of paths) staged.push(new StagedFile(path, token));
  } catch (error) {
    for (const s of staged) s.abandon();
    throw error;
  }
  return staged;
}

/**
 * Renames every staged file into place, all or nothing: a file it replaces is first moved aside (not
 * read: an old export can be gigabytes), and put back if a later rename fails.
 */
export function commitStaged(staged: StagedFile[]): void {
  const token = randomBytes(6).toString('hex');
  const done: { path: string; aside: string | null }[] = [];
  try {
    for (const s of staged) s.close();
    for (const s of staged) {
      const aside = existsSync(s.path) ? `${s.path}.steward-tmp-${token}-old` : null;
      if (aside) renameSync(s.path, aside);
      done.push({ path: s.path, aside });
      renameSync(s.temp, s.path);
    }
  } catch (error) {
    for (const d of done.reverse()) {
      rmSync(d.path, { force: true });
      if (d.aside) renameSync(d.aside, d.path);
    }
    for (const s of staged) s.abandon();
    throw error;
  }
  for (const d of done) if (d.aside) rmSync(d.aside, { force: true });
}

/** Runs `write` into staged files for `paths` and commits them; on any error, nothing is left behind. */
export async function writeStaged(paths: string[], write: (files: StagedFile[]) => Promise<void>): Promise<void> {
  const staged = stageFiles(paths);
  try {
    await write(staged);
    for (const s of staged) await s.finish();
  } catch (error) {
    // A write that failed on the helper thread is reported as the fs error it was, not as the thread's stop.
    let reported = error;
    if (error instanceof WriterFailed) {
      const failures = await Promise.all(staged.map((s) => s.writeFailure()));
      reported = failures.find((f) => f !== undefined) ?? error;
    }
    for (const s of staged) s.abandon();
    throw reported;
  }
  commitStaged(staged);
}

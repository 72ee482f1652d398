import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { GitStoreError } from './errors.js';
import { spawnGit } from './exec.js';

export interface GitObject {
  oid: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  /** Empty for `info` requests. */
  content: Buffer;
  size: number;
}

interface Pending {
  rev: string;
  withContent: boolean;
  resolve: (object: GitObject | null) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch-command` per repository handle: every object read (loose,
 * packed, from an alternate, fetched on demand in a partial clone, SHA-1 or SHA-256) is a line on its
 * stdin and an answer on its stdout, in order, so many reads can be in flight at once. The process is
 * unreferenced while idle, so it never keeps the command alive, and stopped after a second idle, so a
 * long-lived server opening many handles does not collect processes (the next read starts another).
 */
export class ObjectReader {
  private child: ChildProcess | undefined;
  private readonly queue: Pending[] = [];
  private head = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly cwd: string) {}

  /** The object a revision names (an oid, a ref, `ref^{commit}`...), or null when git says missing. */
  read(rev: string): Promise<GitObject | null> {
    return this.request(rev, true);
  }

  /** Type and size only. */
  info(rev: string): Promise<GitObject | null> {
    return this.request(rev, false);
  }

  /** Stop the process (idle handles need not: it is unreferenced). */
  close(): void {
    clearTimeout(this.idle);
    if (this.pending() > 0) return;
    this.child?.stdin?.end();
    this.child = undefined;
  }

  private request(rev: string, withContent: boolean): Promise<GitObject | null> {
    if (/[\n\r\0]/.test(rev))
      return Promise.reject(
        new GitStoreError('UNKNOWN_REF', `not a revision: ${JSON.stringify(rev)}`, {
          ref: rev,
          reason: 'not a ref name',
        }),
      );
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    clearTimeout(this.idle);
    return new Promise((resolve, reject) => {
      if (this.pending() === 0) this.setRef(true);
      this.queue.push({ rev, withContent, resolve, reject });
      child.stdin!.write(`${withContent ? 'contents' : 'info'} ${rev}\n`);
    });
  }

  private pending(): number {
    return this.queue.length - this.head;
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = spawnGit(this.cwd, ['cat-file', '--batch-command']);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stdin!.on('error', () => {});
    const fail = (why: string): void => {
      if (this.child !== child) return;
      this.child = undefined;
      const error = new GitStoreError('GIT_FAILED', `git cat-file stopped (${why}): ${stderr.trim()}`, { stderr });
      const waiting = this.queue.splice(this.head);
      this.queue.length = 0;
      this.head = 0;
      this.buffer = Buffer.alloc(0);
      for (const p of waiting) p.reject(error);
      if (waiting.length > 0) this.failure = error;
    };
    child.on('error', (error) => fail(error.message));
    child.on('exit', (code, signal) => fail(`exit ${code ?? signal}`));
    this.child = child;
    this.setRef(false);
    return child;
  }

  /** Keep the event loop alive only while an answer is awaited. */
  private setRef(on: boolean): void {
    const child = this.child;
    if (!child) return;
    for (const stream of [child.stdout, child.stdin, child.stderr] as unknown as Socket[]) {
      if (on) stream?.ref?.();
      else stream?.unref?.();
    }
    if (on) child.ref();
    else child.unref();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.head < this.queue.length) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl < 0) return;
      const line = this.buffer.toString('utf8', 0, nl);
      const p = this.queue[this.head];
      const match = /^([0-9a-f]{40,64}) (blob|tree|commit|tag) (\d+)$/.exec(line);
      if (!match) {
        // "<rev> missing" or "<rev> ambiguous"
        this.buffer = this.buffer.subarray(nl + 1);
        this.shift();
        if (line.endsWith(' ambiguous'))
          p.reject(
            new GitStoreError('UNKNOWN_REF', `unknown ref "${p.rev}": ambiguous short oid`, {
              ref: p.rev,
              reason: 'ambiguous short oid',
            }),
          );
        else p.resolve(null);
        continue;
      }
      const size = Number(match[3]);
      let content = Buffer.alloc(0);
      if (p.withContent) {
        if (this.buffer.length < nl + 1 + size + 1) return;
        content = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
        this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      } else this.buffer = this.buffer.subarray(nl + 1);
      this.shift();
      p.resolve({ oid: match[1], type: match[2] as GitObject['type'], content, size });
    }
  }

  private shift(): void {
    this.queue[this.head++] = undefined as never;
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
      this.setRef(false);
      this.idle = setTimeout(() => this.close(), 1000);
      this.idle.unref();
    } else if (this.head > 1024) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

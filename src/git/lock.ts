import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { GitStoreError } from './errors.js';
import {
  type Journal,
  type Transaction,
  closeTransaction,
  journalPathFor,
  openTransaction,
  recoverJournal,
} from './journal.js';
import { gitText } from './exec.js';
import { faultPoint } from './fault.js';

/** Who holds a repository lock: written once, when the lock is taken. */
export interface LockHolder {
  pid: number;
  command: string;
  host: string;
  started: string;
}

export interface LockOptions {
  /** How long to wait for another writer to finish before refusing (default 10 s, STEWARD_LOCK_WAIT_MS). */
  waitMs?: number;
}

const held = new Map<string, { depth: number; transaction: Transaction | null }>();

/**
 * Run `fn` as the repository's only writer. The lock is `<git common dir>/steward.lock` (shared by
 * every linked worktree, since they share branches), or `<dir>/.steward.lock` for a benchmark kept
 * without git. It is created whole or not at all (written to a temp file, then hard-linked into
 * place, which fails if it exists: O_EXCL semantics), names its holder, and is removed when `fn` ends,
 * when the process exits and on SIGINT/SIGTERM/SIGHUP. A lock whose holder is a dead process on this
 * host is stale and taken over; otherwise the command waits up to `waitMs`, then is refused (LOCKED,
 * exit 2) naming the holder. Nested calls in one process share the outer lock.
 *
 * Inside, every file written through src/store/atomic.ts is journalled first (journal.ts), so work a
 * killed command left half-done is undone by the next writer, and a failed command undoes its own.
 */
export async function withRepositoryLock<T>(
  dir: string,
  command: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const root = resolve(dir);
  const lockPath = await lockPathFor(root);
  const mine = held.get(lockPath);
  if (mine) {
    mine.depth++;
    try {
      return await fn();
    } finally {
      mine.depth--;
    }
  }
  await acquire(lockPath, command, options.waitMs ?? envWait());
  const entry = { depth: 1, transaction: null as Transaction | null };
  held.set(lockPath, entry);
  installHandlers();
  try {
    const journalPath = journalPathFor(lockPath);
    await recoverJournal(root, journalPath);
    faultPoint('lock-taken');
    entry.transaction = await openTransaction(root, journalPath, lockPath.endsWith('/.steward.lock') ? null : root);
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      // All-or-nothing: files this command wrote but did not commit are put back.
      await recoverJournal(root, journalPath);
      throw error;
    }
    closeTransaction(entry.transaction);
    return result;
  } finally {
    if (entry.transaction) closeTransaction(entry.transaction);
    held.delete(lockPath);
    rmSync(lockPath, { force: true });
  }
}

async function lockPathFor(root: string): Promise<string> {
  const dotgit = statSync(join(root, '.git'), { throwIfNoEntry: false });
  if (!dotgit) {
    mkdirSync(root, { recursive: true }); // init makes the folder it locks
    return join(root, '.steward.lock');
  }
  const common = await gitText(root, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
  return join(common, 'steward.lock');
}

async function acquire(lockPath: string, command: string, waitMs: number): Promise<void> {
  const holder: LockHolder = { pid: process.pid, command, host: hostname(), started: new Date().toISOString() };
  const temp = `${lockPath}.${process.pid}.${Math.random().toString(16).slice(2)}`;
  writeFileSync(temp, JSON.stringify(holder) + '\n', { flag: 'wx' });
  const deadline = Date.now() + waitMs;
  try {
    for (let delay = 20; ; delay = Math.min(delay * 2, 200)) {
      try {
        linkSync(temp, lockPath);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const other = readHolder(lockPath);
      if (other && isStale(other)) {
        breakStale(lockPath, other);
        continue;
      }
      if (Date.now() >= deadline) throw lockedError(lockPath, other);
      await new Promise((r) => setTimeout(r, delay));
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null; // gone meanwhile
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Move the stale lock aside (only one contender's rename succeeds) and drop it if it still names the dead holder. */
function breakStale(lockPath: string, stale: LockHolder): void {
  const aside = `${lockPath}.stale.${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== stale.pid || moved.started !== stale.started)) {
    // A live holder's fresh lock was moved by mistake: put it back unless someone took the place.
    try {
      linkSync(aside, lockPath);
    } catch {}
  }
  rmSync(aside, { force: true });
}

function lockedError(lockPath: string, holder: LockHolder | null): GitStoreError {
  const who = holder
    ? `"${holder.command}" (pid ${holder.pid} on ${holder.host}, since ${holder.started})`
    : 'another command';
  return new GitStoreError(
    'LOCKED',
    `the repository is being written by ${who}; try again when it has finished (if that process is gone, remove ` +
      `${lockPath})`,
    { lock: lockPath, holder },
  );
}

function envWait(): number {
  const value = Number(process.env.STEWARD_LOCK_WAIT_MS);
  return Number.isFinite(value) && value >= 0 ? value : 10_000;
}

let installed = false;

/** Locks are removed however the process ends, short of SIGKILL (which the next writer detects as stale). */
function installHandlers(): void {
  if (installed) return;
  installed = true;
  const releaseAll = (): void => {
    for (const lockPath of held.keys()) rmSync(lockPath, { force: true });
    held.clear();
  };
  process.on('exit', releaseAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // The journal stays: the next writer undoes what this command left half-done.
      releaseAll();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
    });
  }
}

export type { Journal };

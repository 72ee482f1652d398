import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { runGit } from './exec.js';
import { faultPoint } from './fault.js';
import { readHead } from './refs.js';
import { type Repo, openRepo } from './repo.js';
import { stage } from './stage.js';

/**
 * What a writing command has changed on disk and not yet committed: each file's blob before the
 * command touched it (written to the object store, so the journal itself stays small), the branch and
 * commit it was on, and the temp-file tokens of its atomic writes. Kept in `<common dir>/steward.journal`
 * while the command runs and removed once its work is committed.
 */
export interface Journal {
  pid: number;
  head: { ref: string; oid: string | null };
  entries: Array<{ path: string; before: string | null }>;
  tokens: string[];
}

export interface Transaction {
  /** The working tree the lock covers. */
  dir: string;
  journalPath: string;
  /** Null for a benchmark kept without git: nothing to journal into. */
  repo: Repo | null;
  headAtStart: { ref: string; oid: string | null } | null;
  journal: Journal | null;
}

const open = new Set<Transaction>();

export function journalPathFor(lockPath: string): string {
  return lockPath.replace(/lock$/, 'journal');
}

export async function openTransaction(dir: string, journalPath: string, gitRoot: string | null): Promise<Transaction> {
  const repo = gitRoot ? await openRepo({ dir: gitRoot }) : null;
  const headAtStart = repo ? await readHead(repo) : null;
  const tx: Transaction = { dir, journalPath, repo, headAtStart, journal: null };
  open.add(tx);
  return tx;
}

export function closeTransaction(tx: Transaction | null): void {
  if (!tx) return;
  open.delete(tx);
  if (tx.journal) rmSync(tx.journalPath, { force: true });
}

function transactionFor(path: string): Transaction | undefined {
  for (const tx of open) if (path === tx.dir || path.startsWith(tx.dir + '/')) return tx;
  return undefined;
}

/** Before src/store/atomic.ts replaces these files: their current blobs journalled (once per path per command). */
export async function journalWrites(absolutePaths: readonly string[], token: string): Promise<void> {
  const tx = absolutePaths.length > 0 ? transactionFor(absolutePaths[0]) : undefined;
  if (!tx?.repo) return;
  const repo = tx.repo;
  tx.journal ??= { pid: process.pid, head: await readHead(repo), entries: [], tokens: [] };
  const journal = tx.journal;
  const known = new Set(journal.entries.map((e) => e.path));
  const fresh = [...new Set(absolutePaths.map((p) => relative(repo.dir, p)))].filter(
    (p) => !known.has(p) && !p.startsWith('..'),
  );
  const existing: string[] = [];
  for (const path of fresh) {
    if (statSync(join(repo.dir, path), { throwIfNoEntry: false })?.isFile()) existing.push(path);
    else journal.entries.push({ path, before: null });
  }
  if (existing.length > 0) {
    const out = await runGit(repo.dir, ['hash-object', '-w', '--no-filters', '--stdin-paths'], {
      input: existing.join('\n') + '\n',
    });
    const oids = out.stdout.toString('utf8').trim().split('\n');
    existing.forEach((path, i) => journal.entries.push({ path, before: oids[i] }));
  }
  if (!journal.tokens.includes(token)) journal.tokens.push(token);
  persist(tx.journalPath, journal);
  faultPoint('journal-written');
}

/** The old value a commit's compare-and-swap expects for `ref` inside a lock (undefined outside one). */
export function expectedHeadFor(dir: string, ref: string): string | null | undefined {
  const tx = transactionFor(dir);
  if (!tx) return undefined;
  if (tx.headAtStart?.ref === ref) return tx.headAtStart.oid;
  if (tx.journal?.head.ref === ref) return tx.journal.head.oid;
  return undefined;
}

/** A commit landed: its paths are no longer pending, and the branch's expected position moves on. */
export function markCommitted(dir: string, paths: readonly string[], ref: string, oid: string): void {
  const tx = transactionFor(dir);
  if (!tx) return;
  if (tx.headAtStart?.ref === ref) tx.headAtStart = { ref, oid };
  if (!tx.journal) return;
  const done = new Set(paths);
  tx.journal.entries = tx.journal.entries.filter((e) => !done.has(e.path));
  tx.journal.head = { ref, oid };
  if (tx.journal.entries.length === 0) {
    rmSync(tx.journalPath, { force: true });
    tx.journal = null;
  } else persist(tx.journalPath, tx.journal);
}

/**
 * Finish what a journal says: when the branch is still where the command found it, its commit did not
 * land, so every journalled file is put back as it was (the command can simply be run again); when the
 * branch moved on (the commit landed, the kill came after), the files stay and their index entries
 * are brought up to date. Either way its temp files go. Idempotent: a kill during recovery is
 * recovered by the next writer.
 */
export async function recoverJournal(dir: string, journalPath: string): Promise<void> {
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  } catch {
    return;
  }
  for (const tx of open) if (tx.journalPath === journalPath) tx.journal = null;
  const repo = await openRepo({ dir });
  const now = await readHead(repo);
  const paths = journal.entries.map((e) => e.path);
  if (now.ref === journal.head.ref && now.oid === journal.head.oid) {
    // The index was not touched: commitFiles stages only after the branch moved.
    for (const { path, before } of journal.entries) {
      const full = join(repo.dir, path);
      if (before === null) rmSync(full, { force: true });
      else {
        const object = await repo.reader.read(before);
        if (object) writeWhole(full, object.content);
      }
    }
  } else await stage(repo, paths);
  for (const path of paths)
    for (const token of journal.tokens) rmSync(join(repo.dir, `${path}.steward-tmp-${token}`), { force: true });
  repo.reader.close();
  rmSync(journalPath, { force: true });
}

function writeWhole(path: string, bytes: Buffer): void {
  const temp = join(dirname(path), `.${process.pid}.steward-tmp-restore`);
  const fd = openSync(temp, 'w');
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** The journal replaced whole (temp, fsync, rename): a kill leaves the old one or the new one. */
function persist(path: string, journal: Journal): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(journal) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

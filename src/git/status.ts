import type { Change } from './changed-paths.js';
import { runGit, splitNul } from './exec.js';
import { normalizePrefix } from './prefix.js';
import { readHead } from './refs.js';
import { type Repo, emptyTree } from './repo.js';
import { diffCommitWithWorktree, isStewardTemp, parseRaw } from './worktree.js';

export interface PendingChange {
  path: string;
  change: Change;
  /** True when the index already holds the working-tree version (git add was run). */
  staged: boolean;
}

export interface PendingOptions {
  /** Default `labels`. */
  prefix?: string;
}

/**
 * The files under `prefix` whose working-tree version differs from HEAD (new, edited or deleted):
 * what a `steward commit` would record. Ignored files and names starting with a dot are left out.
 * HEAD against disk as changedPaths computes it; HEAD against the index (`diff-index --cached`) says
 * which of them are staged.
 */
export async function pendingLabelChanges(
  repo: Repo,
  { prefix = 'labels' }: PendingOptions = {},
): Promise<PendingChange[]> {
  const base = normalizePrefix(prefix);
  const head = (await readHead(repo)).oid ?? emptyTree(repo);
  const [changes, cached] = await Promise.all([
    diffCommitWithWorktree(repo, head, base),
    runGit(repo.dir, [
      'diff-index',
      '--cached',
      '-r',
      '-z',
      '--no-renames',
      head,
      ...(base === '.' ? [] : ['--', base]),
    ]),
  ]);
  const staged = new Map(parseRaw(cached.stdout).map((c) => [c.path, /^0+$/.test(c.newOid) ? undefined : c.newOid]));
  return changes.map((c) => {
    const indexOid = staged.has(c.path) ? staged.get(c.path) : c.oldOid;
    return { path: c.path, change: c.change, staged: indexOid === c.newOid };
  });
}

export interface CleanOptions {
  /** Default `.`, the whole working tree; `labels` for the label tree only. */
  prefix?: string;
  /** Count untracked (and not ignored) files as dirt. Default true. */
  untracked?: boolean;
}

/**
 * True when every file under `prefix` matches HEAD both on disk and in the index, and nothing is unmerged (`git
 * status`).
 */
export async function isClean(repo: Repo, { prefix = '.', untracked = true }: CleanOptions = {}): Promise<boolean> {
  const base = normalizePrefix(prefix);
  const out = await runGit(repo.dir, [
    'status',
    '--porcelain=v2',
    '-z',
    '--no-renames',
    '--ignore-submodules=none',
    `--untracked-files=${untracked ? 'all' : 'no'}`,
    ...(base === '.' ? [] : ['--', base]),
  ]);
  // A temp file a killed atomic write left is not the user's work; the next writer removes it.
  return splitNul(out.stdout).every((record) => record.startsWith('? ') && isStewardTemp(record.slice(2)));
}

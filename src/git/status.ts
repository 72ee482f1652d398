import git from 'isomorphic-git';
import type { Change } from './changed-paths.js';
import { normalizePrefix } from './prefix.js';
import { type Repo, gitArgs } from './repo.js';

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
 * The files under `prefix` whose working-tree version differs from HEAD (new, edited or deleted),
 * ignoring files .gitignore names: what a `steward commit` would record.
 */
export async function pendingLabelChanges(repo: Repo, { prefix = 'labels' }: PendingOptions = {}): Promise<PendingChange[]> {
  const out: PendingChange[] = [];
  for (const [path, head, workdir, stage] of await statusRows(repo, prefix)) {
    if (head === 0 && workdir === 2) out.push({ path, change: 'added', staged: stage === 2 });
    else if (head === 1 && workdir === 0) out.push({ path, change: 'removed', staged: stage === 0 });
    else if (head === 1 && workdir === 2) out.push({ path, change: 'modified', staged: stage === 2 });
  }
  return out;
}

export interface CleanOptions {
  /** Default `.`, the whole working tree; `labels` for the label tree only. */
  prefix?: string;
  /** Count untracked (and not ignored) files as dirt. Default true. */
  untracked?: boolean;
}

/** True when every file under `prefix` matches HEAD both on disk and in the index. */
export async function isClean(repo: Repo, { prefix = '.', untracked = true }: CleanOptions = {}): Promise<boolean> {
  for (const [, head, workdir, stage] of await statusRows(repo, prefix)) {
    if (head === 1 && workdir === 1 && stage === 1) continue;
    if (!untracked && head === 0 && workdir === 2 && stage === 0) continue;
    return false;
  }
  return true;
}

type Row = [string, number, number, number];

async function statusRows(repo: Repo, prefix: string): Promise<Row[]> {
  const base = normalizePrefix(prefix);
  return (await git.statusMatrix({ ...gitArgs(repo), filepaths: [base] })) as Row[];
}

import type { Change } from './changed-paths.js';
import { normalizePrefix } from './prefix.js';
import { readHead } from './refs.js';
import type { Repo } from './repo.js';
import { treeFiles } from './tree-files.js';
import { scanWorktree } from './worktree-scan.js';

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
 */
export async function pendingLabelChanges(repo: Repo, { prefix = 'labels' }: PendingOptions = {}): Promise<PendingChange[]> {
  const { head, index, files } = await threeWays(repo, normalizePrefix(prefix), true);
  const out: PendingChange[] = [];
  for (const path of differingPaths(head, files)) {
    const before = head.get(path);
    const now = files.get(path);
    out.push({ path, change: before === undefined ? 'added' : now === undefined ? 'removed' : 'modified', staged: index.get(path) === now });
  }
  return out;
}

export interface CleanOptions {
  /** Default `.`, the whole working tree; `labels` for the label tree only. */
  prefix?: string;
  /** Count untracked (and not ignored) files as dirt. Default true. */
  untracked?: boolean;
}

/** True when every file under `prefix` matches HEAD both on disk and in the index, and nothing is unmerged. */
export async function isClean(repo: Repo, { prefix = '.', untracked = true }: CleanOptions = {}): Promise<boolean> {
  const { head, index, files, unmerged } = await threeWays(repo, normalizePrefix(prefix), false);
  if (unmerged.size > 0) return false;
  for (const path of [...differingPaths(head, index), ...differingPaths(index, files)]) {
    const before = head.get(path);
    const staged = index.get(path);
    const now = files.get(path);
    if (before === staged && staged === now) continue;
    if (!untracked && before === undefined && staged === undefined) continue;
    return false;
  }
  return true;
}

/** Path → blob oid in HEAD, in the index and on disk, under one prefix. */
async function threeWays(repo: Repo, prefix: string, skipDotFiles: boolean) {
  const { oid } = await readHead(repo);
  const head = await treeFiles(repo, oid, prefix, { skipDotFiles });
  const scan = await scanWorktree(repo, { prefix, skipDotFiles, headPaths: head.keys() });
  const index = new Map<string, string>();
  for (const [path, entry] of scan.index) if (!skipDotFiles || !hasDotSegment(path)) index.set(path, entry.oid);
  return { head, index, files: scan.files, unmerged: scan.unmerged };
}

/** The paths whose oid differs between two maps (present in one only, or with another blob), sorted. */
export function differingPaths(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, oid] of a) if (b.get(path) !== oid) out.push(path);
  for (const path of b.keys()) if (!a.has(path)) out.push(path);
  return out.sort();
}

function hasDotSegment(path: string): boolean {
  return path.startsWith('.') || path.includes('/.');
}

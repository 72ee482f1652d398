import { LooseObjects } from './object-io.js';
import { isFileKey, isTreeKey, oidOfKey, readCommitMemo, treeKeysSync } from './objects.js';
import { objectDatabase } from './packed-objects.js';
import { isDotName, normalizePrefix } from './prefix.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';
import { diffCommitWithWorktree } from './worktree-diff.js';

export type Change = 'added' | 'removed' | 'modified';

export interface ChangedPath {
  path: string;
  change: Change;
  /** The blob before (absent when added); for the working tree, the oid git would give the file. */
  oldOid?: string;
  newOid?: string;
  /** Present with `withContent`: the file's text before and (unless 'old') after (absent on the missing side). */
  oldText?: string;
  newText?: string;
}

export interface ChangedPathsOptions {
  /** Tag, branch, commit or `HEAD`; `WORKTREE` compares against the files on disk. */
  from: string;
  /** As `from`; `WORKTREE` or undefined means the files on disk. */
  to?: string;
  /** Only paths under this folder (default `labels`). */
  prefix?: string;
  /**
   * Also read both sides' text of every changed file, in the same walk; 'old' reads only the side
   * before (for callers that read the files on disk themselves: a first release against the first
   * commit would otherwise hold every label's text twice).
   */
  withContent?: boolean | 'old';
}

/**
 * The files under `prefix` that differ between two commits, or a commit and the working tree, sorted
 * by path. Between commits: one pass over both trees that never opens a folder whose tree id is the
 * same on both sides. Against the working tree: see diffCommitWithWorktree. Files whose name starts
 * with a dot are not labels and are left out.
 */
export async function changedPaths(repo: Repo, { from, to, prefix = 'labels', withContent = false }: ChangedPathsOptions): Promise<ChangedPath[]> {
  const base = normalizePrefix(prefix);
  const [a, b] = await Promise.all([resolveRef(repo, from), resolveRef(repo, to)]);
  if (a.kind === 'worktree' && b.kind === 'worktree') return [];
  if (a.kind === 'worktree') {
    // Compare commit → disk and read it backwards.
    return (await diffCommitWithWorktree(repo, (b as { oid: string }).oid, base, withContent === 'old' ? 'new' : withContent)).map(reverse);
  }
  if (b.kind === 'worktree') return diffCommitWithWorktree(repo, a.oid, base, withContent);
  return walkTrees(repo, a.oid, b.oid, base, withContent);
}

/**
 * Two commits' trees compared along the prefix, then folder by folder: a child whose entry (mode and
 * oid) is the same on both sides is skipped without being read, so only changed folders are opened
 * and, with `withContent`, only changed blobs read. Results come in isomorphic-git's walk order (each
 * folder's names sorted, depth first, a path before what is inside it), which is path order.
 */
async function walkTrees(repo: Repo, from: string, to: string, prefix: string, withContent: boolean | 'old'): Promise<ChangedPath[]> {
  const loose = new LooseObjects(repo.gitdir);
  const db = objectDatabase(repo);
  const text = (oid: string): string => db.read(oid, loose).content.toString('utf8');
  const keysOf = (tree: string | undefined): Map<string, string> => (tree === undefined ? EMPTY : treeKeysSync(repo, tree, loose));
  const out: ChangedPath[] = [];
  const visitEntry = (path: string, before: string | undefined, after: string | undefined): void => {
    if (before === after || isDotName(path)) return;
    const oldOid = before !== undefined && isFileKey(before) ? oidOfKey(before) : undefined;
    const newOid = after !== undefined && isFileKey(after) ? oidOfKey(after) : undefined;
    if ((oldOid !== undefined || newOid !== undefined) && oldOid !== newOid) {
      const change: ChangedPath = { path, change: oldOid === undefined ? 'added' : newOid === undefined ? 'removed' : 'modified' };
      if (oldOid !== undefined) change.oldOid = oldOid;
      if (newOid !== undefined) change.newOid = newOid;
      if (withContent) {
        if (oldOid !== undefined) change.oldText = text(oldOid);
        if (newOid !== undefined && withContent !== 'old') change.newText = text(newOid);
      }
      out.push(change);
    }
    const treeBefore = isTreeKey(before) ? oidOfKey(before!) : undefined;
    const treeAfter = isTreeKey(after) ? oidOfKey(after!) : undefined;
    if (treeBefore !== undefined || treeAfter !== undefined) visitFolder(path, treeBefore, treeAfter);
  };
  const visitFolder = (folder: string, before: string | undefined, after: string | undefined): void => {
    if (before === after) return;
    const a = keysOf(before);
    const b = keysOf(after);
    const names = new Set(a.keys());
    for (const name of b.keys()) names.add(name);
    for (const name of [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
      visitEntry(folder === '' ? name : `${folder}/${name}`, a.get(name), b.get(name));
    }
  };
  let [treeFrom, treeTo]: Array<string | undefined> = await Promise.all([readCommitMemo(repo, from), readCommitMemo(repo, to)]).then(([x, y]) => [x.tree, y.tree]);
  if (prefix === '.') {
    visitFolder('', treeFrom, treeTo);
    return out;
  }
  // Down the prefix: only folders on the way (a file there is not under the prefix).
  const segments = prefix.split('/');
  for (let i = 0; i < segments.length - 1; i++) {
    if (segments[i].startsWith('.')) return out;
    const down = (tree: string | undefined): string | undefined => {
      const key = keysOf(tree).get(segments[i]);
      return isTreeKey(key) ? oidOfKey(key!) : undefined;
    };
    [treeFrom, treeTo] = [down(treeFrom), down(treeTo)];
    if (treeFrom === treeTo) return out;
  }
  const last = segments[segments.length - 1];
  visitEntry(prefix, keysOf(treeFrom).get(last), keysOf(treeTo).get(last));
  return out;
}

const EMPTY = new Map<string, string>();

function reverse(change: ChangedPath): ChangedPath {
  const out: ChangedPath = {
    path: change.path,
    change: change.change === 'added' ? 'removed' : change.change === 'removed' ? 'added' : 'modified',
  };
  if (change.newOid !== undefined) out.oldOid = change.newOid;
  if (change.oldOid !== undefined) out.newOid = change.oldOid;
  if (change.newText !== undefined) out.oldText = change.newText;
  if (change.oldText !== undefined) out.newText = change.oldText;
  return out;
}

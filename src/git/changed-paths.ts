import { type ReadSession, readSession } from './bulk-fs.js';
import git, { TREE, type WalkerEntry, type WalkerIterateCallback } from 'isomorphic-git';
import { type ChildDelta, diffFileFolder, diffKeys } from './folder-diff.js';
import { blobText } from './object-io.js';
import { createLimiter } from './limit.js';
import { isTreeKey, oidOfKey, treeKeys } from './objects.js';
import { isDotName, isUnder, isWorthWalking, normalizePrefix } from './prefix.js';
import { resolveRef } from './refs.js';
import { type Repo, gitArgs } from './repo.js';
import { diffCommitWithWorktree } from './worktree-diff.js';

export type Change = 'added' | 'removed' | 'modified';

export interface ChangedPath {
  path: string;
  change: Change;
  /** The blob before (absent when added); for the working tree, the oid git would give the file. */
  oldOid?: string;
  newOid?: string;
  /** Present with `withContent: true`: the file's text before and after (absent on the missing side). */
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
  /** Also read both sides' text of every changed file, in the same walk. */
  withContent?: boolean;
}

/**
 * The files under `prefix` that differ between two commits, or a commit and the working tree, sorted
 * by path. Between commits: one walk over both trees that never opens a folder whose tree id is the
 * same on both sides. Against the working tree: see diffCommitWithWorktree. Files whose name starts
 * with a dot are not labels and are left out.
 */
export async function changedPaths(repo: Repo, { from, to, prefix = 'labels', withContent = false }: ChangedPathsOptions): Promise<ChangedPath[]> {
  const base = normalizePrefix(prefix);
  const [a, b] = await Promise.all([resolveRef(repo, from), resolveRef(repo, to)]);
  if (a.kind === 'worktree' && b.kind === 'worktree') return [];
  if (a.kind === 'worktree') {
    // Compare commit → disk and read it backwards.
    return (await diffCommitWithWorktree(repo, (b as { oid: string }).oid, base, withContent)).map(reverse);
  }
  if (b.kind === 'worktree') return diffCommitWithWorktree(repo, a.oid, base, withContent);
  return walkTrees(repo, a.oid, b.oid, base, withContent);
}

const BLOB_READS_IN_FLIGHT = 64;

async function walkTrees(repo: Repo, from: string, to: string, prefix: string, withContent: boolean): Promise<ChangedPath[]> {
  const limit = createLimiter(BLOB_READS_IN_FLIGHT);
  const session = readSession(repo);
  const readText = withContent ? (oid: string) => limit(() => blobText(repo, oid, session)) : undefined;
  // folder → its children whose entries differ. `iterate` walks only those, so a folder with the same
  // tree id on both sides is never even opened (map's null alone would come after the walker read it).
  const differing = new Map<string, Map<string, ChildDelta>>();
  const found: ChangedPath[] | undefined = await git.walk({
    ...gitArgs(repo),
    fs: session.fs,
    trees: [TREE({ ref: from }), TREE({ ref: to })],
    map: async (path: string, [before, after]: Array<WalkerEntry | null>) => {
      if (!isWorthWalking(path, prefix) || isDotName(path)) return null;
      const [typeBefore, typeAfter] = await Promise.all([before?.type(), after?.type()]);
      const blobBefore = typeBefore === 'blob' ? before : null;
      const blobAfter = typeAfter === 'blob' ? after : null;
      const treeOnEitherSide = typeBefore === 'tree' || typeAfter === 'tree';
      if (typeBefore === 'tree' && typeAfter === 'tree') {
        const [x, y] = await Promise.all([before!.oid(), after!.oid()]);
        if (x === y) return null;
        differing.set(path, await differingChildren(repo, path, x, y, session));
      }
      if (!isUnder(path, prefix) || (!blobBefore && !blobAfter)) return treeOnEitherSide ? undefined : null;
      const [oldOid, newOid] = await Promise.all([blobBefore?.oid(), blobAfter?.oid()]);
      if (oldOid === newOid) return treeOnEitherSide ? undefined : null;
      const change: ChangedPath = { path, change: !blobBefore ? 'added' : !blobAfter ? 'removed' : 'modified' };
      if (oldOid !== undefined) change.oldOid = oldOid;
      if (newOid !== undefined) change.newOid = newOid;
      if (readText) {
        if (oldOid !== undefined) change.oldText = await readText(oldOid);
        if (newOid !== undefined) change.newText = await readText(newOid);
      }
      return change;
    },
    iterate: async (walk: WalkerIterateCallback, children: IterableIterator<WalkerEntry[]>) => {
      const results: Array<Promise<unknown>> = [];
      for (const child of children) {
        // The typings say entries; at this point isomorphic-git hands over the children's paths.
        const [a, b] = child as unknown as Array<string | null>;
        const path = (a ?? b)!;
        const siblings = differing.get(parentOf(path));
        if (!siblings) {
          results.push(walk(child));
          continue;
        }
        const delta = siblings.get(path);
        if (!delta) continue;
        // A folder changed on both sides: when only files inside it changed, diff its two tree
        // objects directly; parsing all their entries in the walker costs several times more.
        if (isTreeKey(delta.before) && isTreeKey(delta.after) && isUnder(path, prefix) && !isDotName(path)) {
          results.push(
            diffFileFolder(repo, path, oidOfKey(delta.before!), oidOfKey(delta.after!), readText, session).then((changes) => changes ?? walk(child)),
          );
        } else {
          results.push(walk(child));
        }
      }
      return Promise.all(results);
    },
    reduce: async (parent: ChangedPath | undefined, children: ChangedPath[][]) => {
      const out: ChangedPath[] = parent ? [parent] : [];
      for (const list of children) for (const item of list) out.push(item);
      return out;
    },
  });
  return found ?? [];
}

/** The children of two versions of a folder whose entries differ (by oid, mode, or presence), by path. */
async function differingChildren(repo: Repo, path: string, before: string, after: string, session: ReadSession): Promise<Map<string, ChildDelta>> {
  const [a, b] = await Promise.all([treeKeys(repo, before, session), treeKeys(repo, after, session)]);
  const out = new Map<string, ChildDelta>();
  for (const delta of diffKeys(a, b)) out.set(path === '.' ? delta.name : `${path}/${delta.name}`, delta);
  return out;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

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

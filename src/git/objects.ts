import git, { type CommitObject, type TreeEntry } from 'isomorphic-git';
import { type Repo, gitArgs } from './repo.js';

/** The entries of a tree by name, parsed once per handle. */
export async function treeEntries(repo: Repo, oid: string): Promise<Map<string, TreeEntry>> {
  let entries = repo.objects.trees.get(oid);
  if (!entries) {
    const { tree } = await git.readTree({ ...gitArgs(repo), oid });
    entries = new Map(tree.map((entry) => [entry.path, entry]));
    repo.objects.trees.set(oid, entries);
  }
  return entries;
}

/** A commit, parsed once per handle. */
export async function readCommitMemo(repo: Repo, oid: string): Promise<CommitObject> {
  let commit = repo.objects.commits.get(oid);
  if (!commit) {
    commit = (await git.readCommit({ ...gitArgs(repo), oid })).commit;
    repo.objects.commits.set(oid, commit);
  }
  return commit;
}

/** The tree entry at `path` ('a/b/c.json') under the tree `treeOid`, or undefined when absent. */
export async function entryAtPath(repo: Repo, treeOid: string, path: string): Promise<TreeEntry | undefined> {
  const segments = path.split('/');
  let current = treeOid;
  for (let i = 0; i < segments.length; i++) {
    const entry = (await treeEntries(repo, current)).get(segments[i]);
    if (!entry) return undefined;
    if (i === segments.length - 1) return entry;
    if (entry.type !== 'tree') return undefined;
    current = entry.oid;
  }
  return undefined;
}

/**
 * A tree as name → "mode oid" keys, for comparing two versions of a folder: a plain scan of the raw
 * object, several times cheaper than a full parse (no hex, no per-entry objects, no re-sort).
 */
export async function treeKeys(repo: Repo, oid: string): Promise<Map<string, string>> {
  let keys = repo.objects.treeKeys.get(oid);
  if (!keys) {
    const { object } = await git.readObject({ ...gitArgs(repo), oid, format: 'content' });
    keys = scanTree(Buffer.from(object as Uint8Array));
    repo.objects.treeKeys.set(oid, keys);
  }
  return keys;
}

/** Entries are `<mode> <name>\0<20-byte oid>`, one after another. */
export function scanTree(raw: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < raw.length) {
    const space = raw.indexOf(0x20, at);
    const nul = raw.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > raw.length) throw new Error('malformed tree object');
    out.set(raw.toString('utf8', space + 1, nul), raw.toString('latin1', at, space) + ' ' + raw.toString('latin1', nul + 1, nul + 21));
    at = nul + 21;
  }
  return out;
}

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

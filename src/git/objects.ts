import git, { type CommitObject } from 'isomorphic-git';
import type { ReadSession } from './bulk-fs.js';
import { readObjectBytes } from './object-io.js';
import { type Repo, gitArgs } from './repo.js';

/** A commit, parsed once per handle. */
export async function readCommitMemo(repo: Repo, oid: string): Promise<CommitObject> {
  let commit = repo.objects.commits.get(oid);
  if (!commit) {
    commit = (await git.readCommit({ ...gitArgs(repo), oid })).commit;
    repo.objects.commits.set(oid, commit);
  }
  return commit;
}

/** The blob (or folder) at `path` ('a/b/c.json') under the tree `treeOid`, or undefined when absent. */
export async function entryAtPath(repo: Repo, treeOid: string, path: string, session?: ReadSession): Promise<{ oid: string; type: 'blob' | 'tree' | 'commit' } | undefined> {
  const segments = path.split('/');
  let current = treeOid;
  for (let i = 0; i < segments.length; i++) {
    const key = (await treeKeys(repo, current, session)).get(segments[i]);
    if (!key) return undefined;
    const oid = oidOfKey(key);
    if (i === segments.length - 1) return { oid, type: isTreeKey(key) ? 'tree' : isFileKey(key) ? 'blob' : 'commit' };
    if (!isTreeKey(key)) return undefined;
    current = oid;
  }
  return undefined;
}

/**
 * A tree as name → "mode oid" keys, for comparing two versions of a folder: a plain scan of the raw
 * object, several times cheaper than a full parse (no hex, no per-entry objects, no re-sort).
 */
export async function treeKeys(repo: Repo, oid: string, session?: ReadSession): Promise<Map<string, string>> {
  let keys = repo.objects.treeKeys.get(oid);
  if (!keys) {
    keys = scanTree((await readObjectBytes(repo, oid, session)).content);
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

export function isTreeKey(key: string | undefined): boolean {
  return key !== undefined && key.startsWith('40000 ');
}

/** A regular file, an executable one, or a symlink (not a submodule's commit). */
export function isFileKey(key: string): boolean {
  return key.startsWith('100') || key.startsWith('120000 ');
}

export function oidOfKey(key: string): string {
  return Buffer.from(key.slice(key.indexOf(' ') + 1), 'latin1').toString('hex');
}

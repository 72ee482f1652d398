import { GitStoreError } from './errors.js';
import { entryAtPath, readCommitMemo } from './objects.js';
import { checkRepoPath } from './prefix.js';
import { resolveCommit } from './refs.js';
import type { Repo } from './repo.js';

export interface FileHistoryOptions {
  path: string;
  /** Where history starts (default HEAD). */
  ref?: string;
  /** Stop after this many entries. */
  limit?: number;
}

export interface FileVersion {
  /** The commit that changed the file. */
  oid: string;
  /** Author date, ISO 8601. */
  date: string;
  author: { name: string; email: string };
  message: string;
  /** The file's blob at that commit, or undefined when the commit deleted it. */
  blob?: string;
  /** The file's text at that commit, or null when the commit deleted it. */
  text: string | null;
}

/**
 * The commits reachable from `ref` that changed `path` (added, edited or deleted it), newest first by
 * commit date. A commit counts when the file's blob differs from every parent's (a merge that took one
 * side unchanged does not count), as `git log --full-history --no-merges`-ish callers expect.
 *
 * isomorphic-git's `log({ filepath })` is not used: it throws when the file is absent at `ref` (so a
 * deleted label has no history), stops at the first commit without the file (so a deleted and
 * re-added label loses its older history) and compares commits in visiting order rather than with
 * their parents. Here each commit's tree is looked up along the path only, with parsed trees shared
 * through the handle's cache, so unchanged folders are parsed once across the whole history.
 */
export async function fileHistory(
  repo: Repo,
  { path, ref = 'HEAD', limit = Infinity }: FileHistoryOptions,
): Promise<FileVersion[]> {
  checkRepoPath(path);
  const start = await resolveCommit(repo, ref);
  const blobAt = memoBlobAt(repo, path);
  const out: FileVersion[] = [];
  const seen = new Set<string>([start]);
  const queue: Array<{ oid: string; time: number }> = [
    { oid: start, time: (await readCommitMemo(repo, start)).committer.timestamp },
  ];
  while (queue.length > 0 && out.length < limit) {
    const { oid } = queue.shift()!;
    const commit = await readCommitMemo(repo, oid);
    const mine = await blobAt(oid);
    const parents = await Promise.all(commit.parent.map(blobAt));
    const changed = parents.length === 0 ? mine !== undefined : parents.every((theirs) => theirs !== mine);
    if (changed) {
      const text = mine === undefined ? null : await blobText(repo, mine);
      const version: FileVersion = {
        oid,
        date: new Date(commit.author.timestamp * 1000).toISOString(),
        author: { name: commit.author.name, email: commit.author.email },
        message: commit.message,
        text,
      };
      if (mine !== undefined) version.blob = mine;
      out.push(version);
    }
    for (const parent of commit.parent) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      insertByTime(queue, { oid: parent, time: (await readCommitMemo(repo, parent)).committer.timestamp });
    }
  }
  return out;
}

/** The file's blob oid in a commit's tree, per commit, for one call. */
function memoBlobAt(repo: Repo, path: string): (commit: string) => Promise<string | undefined> {
  const memo = new Map<string, Promise<string | undefined>>();
  return (commit) => {
    let found = memo.get(commit);
    if (!found) {
      found = readCommitMemo(repo, commit).then(async ({ tree }) => {
        const entry = await entryAtPath(repo, tree, path);
        return entry?.type === 'blob' ? entry.oid : undefined;
      });
      memo.set(commit, found);
    }
    return found;
  };
}

/** Newest first; ties keep insertion order. The queue stays short (one entry per open line of history). */
function insertByTime(queue: Array<{ oid: string; time: number }>, item: { oid: string; time: number }): void {
  let i = queue.length;
  while (i > 0 && queue[i - 1].time < item.time) i--;
  queue.splice(i, 0, item);
}

async function blobText(repo: Repo, oid: string): Promise<string> {
  const object = await repo.reader.read(oid);
  if (!object) throw new GitStoreError('MISSING_OBJECT', `blob ${oid} is missing from the object store`, { oid });
  return object.content.toString('utf8');
}

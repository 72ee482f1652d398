import type { Stats } from 'node:fs';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { GitStoreError } from './errors.js';
import { type Identity, resolveIdentity } from './identity.js';
import { indexHas, readRawIndex } from './index-file.js';
import { forEachLimited } from './limit.js';
import { patchIndex } from './index-patch.js';
import { writeObjectBytes } from './object-io.js';
import { entryAtPath, readCommitMemo } from './objects.js';
import { checkRepoPath } from './prefix.js';
import { readHead } from './refs.js';
import { type Repo, gitArgs } from './repo.js';
import { type TreeEdit, editTree } from './tree-edit.js';

export interface CommitFilesOptions {
  /** Repository paths of the files to commit as they are on disk; a path missing on disk is removed. */
  paths: readonly string[];
  message: string;
  /** Default: user.name / user.email of the repository's config. */
  author?: Identity;
  /** Default: the config identity, else the author. */
  committer?: Identity;
}

/**
 * Commit exactly `paths` as they are on disk on top of HEAD, leaving every other path (and whatever
 * else is staged) alone, and update their index entries so `git status` agrees. Returns the new
 * commit's oid, or null when those files already match HEAD.
 *
 * The new tree is HEAD's tree with only the folders on these paths rewritten, and only these entries
 * of the index are replaced (patchIndex), so the cost follows the number of paths, not the size of
 * the repository.
 */
export async function commitFiles(repo: Repo, { paths, message, author, committer }: CommitFilesOptions): Promise<string | null> {
  const unique = [...new Set(paths.map(normalizePath))];
  const authorSig = await resolveIdentity(repo, author, 'author');
  const committerSig = committer
    ? await resolveIdentity(repo, committer, 'committer')
    : await resolveIdentity(repo, undefined, 'committer').catch(() => authorSig);
  const head = await readHead(repo);
  const baseTree = head.oid ? (await readCommitMemo(repo, head.oid)).tree : null;

  const edits: StagedFile[] = new Array(unique.length);
  await forEachLimited(unique, 32, async (path, i) => {
    edits[i] = await editFor(repo, path);
  });
  for (const edit of edits) {
    if (edit.oid === null && !(baseTree && (await entryAtPath(repo, baseTree, edit.path)))) {
      if (!(await isInIndex(repo, edit.path))) {
        throw new GitStoreError('UNKNOWN_PATH', `${edit.path} is neither on disk, in HEAD nor in the index`, { path: edit.path });
      }
    }
  }
  await stage(repo, edits);

  const tree = await editTree(repo, baseTree, edits);
  if (tree === baseTree) return null;
  const oid = await git.writeCommit({
    ...gitArgs(repo),
    commit: {
      tree,
      parent: head.oid ? [head.oid] : [],
      author: authorSig,
      committer: committerSig,
      message: message.endsWith('\n') ? message : message + '\n',
    },
  });
  await git.writeRef({ ...gitArgs(repo), ref: head.ref, value: oid, force: true });
  return oid;
}

function normalizePath(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^\.\/+/, '');
  checkRepoPath(clean);
  return clean;
}

/** A path's new state, with the stat data taken before its bytes were read (so a later edit shows as one). */
type StagedFile = TreeEdit & { stat?: Stats };

/** The blob to record for `path`: written to the object store now, so the commit never names a missing object. */
async function editFor(repo: Repo, path: string): Promise<StagedFile> {
  const full = join(repo.dir, path);
  const info = await lstat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!info) return { path, oid: null };
  if (info.isSymbolicLink()) {
    const target = Buffer.from(await readlink(full));
    return { path, oid: await writeObjectBytes(repo, 'blob', target), mode: '120000', stat: info };
  }
  if (!info.isFile()) throw new GitStoreError('INVALID_PATH', `${path} is not a file`, { path, reason: 'not a file' });
  const bytes = await readFile(full);
  const mode = info.mode & 0o111 ? '100755' : '100644';
  return { path, oid: await writeObjectBytes(repo, 'blob', bytes), mode, stat: info };
}

/**
 * Bring these paths' index entries up to date: spliced into the raw index when possible (patchIndex),
 * else through isomorphic-git's add/remove, one index read and one write for all of them.
 */
async function stage(repo: Repo, edits: readonly StagedFile[]): Promise<void> {
  if (await patchIndex(repo, edits)) return;
  const present = edits.filter((edit) => edit.oid !== null).map((edit) => edit.path);
  const gone = edits.filter((edit) => edit.oid === null).map((edit) => edit.path);
  if (present.length > 0) await git.add({ ...gitArgs(repo), filepath: present, force: true });
  if (gone.length > 0) await git.remove({ ...gitArgs(repo), filepath: gone });
}

async function isInIndex(repo: Repo, path: string): Promise<boolean> {
  const index = await readRawIndex(repo);
  if (index) return indexHas(index, path);
  return (await git.listFiles({ ...gitArgs(repo) })).includes(path);
}

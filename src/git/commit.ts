import { existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GitStoreError } from './errors.js';
import { runGit, splitNul } from './exec.js';
import { type Identity, resolveIdentity, signatureEnv } from './identity.js';
import { entryAtPath, readCommitMemo } from './objects.js';
import { checkRepoPath } from './prefix.js';
import { readHead, updateRefChecked } from './refs.js';
import type { Repo } from './repo.js';
import { faultPoint } from './fault.js';
import { expectedHeadFor, markCommitted } from './journal.js';
import { stage } from './stage.js';
import { type TreeEdit, editTree } from './tree-edit.js';

export interface CommitFilesOptions {
  /** Repository paths of the files to commit as they are on disk; a path missing on disk is removed. */
  paths: readonly string[];
  message: string;
  /** Default: user.name / user.email of git config. */
  author?: Identity;
  /** Default: the config identity, else the author. */
  committer?: Identity;
  /**
   * The commit HEAD must still be at (null: unborn), as the command read it before deciding what to
   * write: if the branch moved since, the commit is refused (REF_MOVED) rather than built on a tree
   * the command never saw. Default: inside withRepositoryLock, HEAD as the command found it when it
   * took the lock (or, on a branch it switched to since, when it wrote its first file); else HEAD as
   * read at the start of this call.
   */
  expectedHead?: string | null;
}

/**
 * Commit exactly `paths` as they are on disk on top of HEAD, leaving every other path (and whatever
 * else is staged) alone, and update their index entries so `git status` agrees. Returns the new
 * commit's oid, or null when those files already match HEAD.
 *
 * All through git's plumbing, each step safe to interrupt: `hash-object -w` writes the blobs,
 * `unpack-objects` the folders on these paths (tree-edit.ts), `commit-tree` the commit (objects are written to a temp
 * file and renamed, so a kill leaves at most an unreferenced object), then `update-ref <ref> <new>
 * <old>` moves the branch only if it is still where this command read it (REF_MOVED otherwise), and
 * last `update-index` records the files in the index.
 */
export async function commitFiles(
  repo: Repo,
  { paths, message, author, committer, expectedHead }: CommitFilesOptions,
): Promise<string | null> {
  const unique = [...new Set(paths.map(normalizePath))];
  if (existsSync(join(repo.gitdir, 'index.lock'))) {
    throw new GitStoreError(
      'INDEX_LOCKED',
      `${join(repo.gitdir, 'index.lock')} exists: another git process is writing the index (remove it if none is)`,
      { path: join(repo.gitdir, 'index.lock') },
    );
  }
  const authorSig = await resolveIdentity(repo, author, 'author');
  const committerSig = committer
    ? await resolveIdentity(repo, committer, 'committer')
    : await resolveIdentity(repo, undefined, 'committer').catch(() => authorSig);
  const head = await readHead(repo);
  if (expectedHead === undefined) expectedHead = expectedHeadFor(repo.dir, head.ref);
  if (expectedHead !== undefined && head.oid !== expectedHead) {
    throw new GitStoreError(
      'REF_MOVED',
      `${head.ref} moved while this command ran (expected ${expectedHead ?? 'no commit'}, found ` +
        `${head.oid ?? 'no commit'}); nothing was committed, run the command again`,
      {
        ref: head.ref,
        expected: expectedHead,
        actual: head.oid,
      },
    );
  }
  const baseTree = head.oid ? (await readCommitMemo(repo, head.oid)).tree : null;
  const edits = await blobsFor(repo, unique);
  const gone = edits.filter((e) => e.oid === null);
  if (gone.length > 0)
    await refuseUnknown(
      repo,
      baseTree,
      gone.map((e) => e.path),
    );

  faultPoint('blobs-written');
  const tree = await editTree(repo, baseTree, edits);
  let oid: string | null = null;
  if (tree !== baseTree) {
    const parents = head.oid ? ['-p', head.oid] : [];
    const text = message.endsWith('\n') ? message : message + '\n';
    const out = await runGit(repo.dir, ['commit-tree', tree, ...parents, '-F', '-'], {
      input: text,
      env: { ...signatureEnv(authorSig, 'AUTHOR'), ...signatureEnv(committerSig, 'COMMITTER') },
    });
    oid = out.stdout.toString('utf8').trim();
    faultPoint('commit-written');
    await updateRefChecked(repo, head.ref, oid, head.oid, `steward: ${text.split('\n')[0]}`);
    faultPoint('ref-updated');
  }
  await stage(repo, unique);
  faultPoint('index-updated');
  if (oid) markCommitted(repo.dir, unique, head.ref, oid);
  return oid;
}

function normalizePath(path: string): string {
  const clean = path.replace(/\\/g, '/').replace(/^\.\/+/, '');
  checkRepoPath(clean);
  return clean;
}

/** Each path's blob, written to the object store now (`hash-object -w`), or null when it is gone from disk. */
async function blobsFor(repo: Repo, paths: readonly string[]): Promise<TreeEdit[]> {
  const edits: TreeEdit[] = [];
  const files: TreeEdit[] = [];
  for (const path of paths) {
    // A folder on the way that is now a file: the path is gone too.
    const up = statSync(dirname(join(repo.dir, path)), { throwIfNoEntry: false });
    const info = up?.isDirectory() ? lstatSync(join(repo.dir, path), { throwIfNoEntry: false }) : undefined;
    if (!info) edits.push({ path, oid: null });
    else if (info.isSymbolicLink()) {
      const out = await runGit(repo.dir, ['hash-object', '-w', '--stdin'], {
        input: readlinkSync(join(repo.dir, path)),
      });
      edits.push({ path, oid: out.stdout.toString('utf8').trim(), mode: '120000' });
    } else if (info.isFile()) {
      const edit = { path, oid: '', mode: info.mode & 0o111 ? '100755' : '100644' };
      edits.push(edit);
      files.push(edit);
    } else throw new GitStoreError('INVALID_PATH', `${path} is not a file`, { path, reason: 'not a file' });
  }
  if (files.length > 0) {
    const out = await runGit(repo.dir, ['hash-object', '-w', '--stdin-paths'], {
      input: files.map((f) => f.path).join('\n') + '\n',
    });
    const oids = out.stdout.toString('utf8').trim().split('\n');
    files.forEach((f, i) => (f.oid = oids[i]));
  }
  return edits;
}

/** A path missing on disk must be in HEAD or the index, or there is nothing to remove. */
async function refuseUnknown(repo: Repo, baseTree: string | null, paths: readonly string[]): Promise<void> {
  const unknown: string[] = [];
  for (const path of paths) if (!(baseTree && (await entryAtPath(repo, baseTree, path)))) unknown.push(path);
  if (unknown.length === 0) return;
  const inIndex = new Set(splitNul((await runGit(repo.dir, ['ls-files', '-z', '--cached', '--', ...unknown])).stdout));
  const missing = unknown.find((path) => !inIndex.has(path));
  if (missing)
    throw new GitStoreError('UNKNOWN_PATH', `${missing} is neither on disk, in HEAD nor in the index`, {
      path: missing,
    });
}

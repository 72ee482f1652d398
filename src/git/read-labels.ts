import { readTextsInOrder } from '../store/read-texts.js';
import { join } from 'node:path';
import { LooseObjects } from './object-io.js';
import { isFileKey, isTreeKey, oidOfKey, readCommitMemo, treeKeysSync } from './objects.js';
import { objectDatabase } from './packed-objects.js';
import { isDotName, normalizePrefix } from './prefix.js';
import { resolveRef } from './refs.js';
import type { Repo } from './repo.js';
import { listWorktree } from './worktree-scan.js';

export interface ReadLabelsOptions {
  /** Tag, branch, commit, `HEAD`; `WORKTREE` or undefined reads the files on disk. */
  ref?: string;
  /** The folder to read (default `labels`). */
  prefix?: string;
}

export interface ReadLabelsParsedOptions<T> extends ReadLabelsOptions {
  /** Turns each file's text into a value (JSON.parse, a validator...); it runs once per file. */
  parse: (text: string, path: string) => T;
}

/**
 * Every file under `prefix` at a commit (one traversal of its tree, each object read once) or in the working tree (tracked, or
 * untracked and not ignored), keyed by repository path in git's tree order. Names starting with a dot
 * are not labels and are left out.
 */
export function readLabelsAt<T>(repo: Repo, options: ReadLabelsParsedOptions<T>): Promise<Map<string, T>>;
export function readLabelsAt(repo: Repo, options: ReadLabelsOptions): Promise<Map<string, string>>;
export async function readLabelsAt<T>(
  repo: Repo,
  { ref, prefix = 'labels', parse }: ReadLabelsOptions & { parse?: (text: string, path: string) => T },
): Promise<Map<string, string | T>> {
  const base = normalizePrefix(prefix);
  const resolved = await resolveRef(repo, ref);
  const files = resolved.kind === 'worktree' ? await readWorktreeFiles(repo, base) : await readTreeFiles(repo, resolved.oid, base);
  const out = new Map<string, string | T>();
  for (const [path, text] of files) out.set(path, parse ? parse(text, path) : text);
  return out;
}

type FileText = [path: string, text: string];

/**
 * The files under `prefix` in a commit's tree, in the order isomorphic-git's walk gave them (each
 * folder's entries by name, depth first): the tree is descended along the prefix, then every tree
 * below it is read once and every blob once, straight from the object database (loose or packed).
 */
async function readTreeFiles(repo: Repo, commit: string, prefix: string): Promise<FileText[]> {
  const loose = new LooseObjects(repo.gitdir);
  const db = objectDatabase(repo);
  const out: FileText[] = [];
  const root = (await readCommitMemo(repo, commit)).tree;
  const visitKey = (path: string, key: string | undefined): void => {
    if (key === undefined || isDotName(path)) return;
    if (isTreeKey(key)) visitTree(path, oidOfKey(key));
    else if (isFileKey(key)) out.push([path, db.read(oidOfKey(key), loose).content.toString('utf8')]);
  };
  const visitTree = (folder: string, oid: string): void => {
    for (const [name, key] of byName(treeKeysSync(repo, oid, loose))) visitKey(`${folder}/${name}`, key);
  };
  if (prefix === '.') {
    for (const [name, key] of byName(treeKeysSync(repo, root, loose))) visitKey(name, key);
    return out;
  }
  const segments = prefix.split('/');
  let tree = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = treeKeysSync(repo, tree, loose).get(segments[i]);
    if (!isTreeKey(key) || segments[i].startsWith('.')) return out;
    tree = oidOfKey(key!);
  }
  visitKey(prefix, treeKeysSync(repo, tree, loose).get(segments[segments.length - 1]));
  return out;
}

/** A folder's entries sorted by name as JavaScript compares strings (isomorphic-git's walk order). */
export function byName(keys: Map<string, string>): Array<[string, string]> {
  return [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * The files under `prefix` on disk that git would consider: tracked, or untracked and not ignored.
 * Names starting with a dot are left out: editors' and atomic writes' temporary files, never labels.
 */
async function readWorktreeFiles(repo: Repo, prefix: string): Promise<FileText[]> {
  const { paths } = await listWorktree(repo, { prefix, skipDotFiles: true });
  const out: FileText[] = [];
  // Synchronous reads in batches (a reader thread for many files): per small file, the promise API's
  // thread-pool round trip costs several times the read itself.
  for await (const texts of readTextsInOrder(paths.map((path) => join(repo.dir, path)))) {
    for (const text of texts) out.push([paths[out.length], text]);
  }
  return out;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import git, { TREE, type WalkerEntry } from 'isomorphic-git';
import { createLimiter, forEachLimited } from './limit.js';
import { readSession } from './bulk-fs.js';
import { inflateObject } from './object-io.js';
import { isDotName, isUnder, isWorthWalking, normalizePrefix } from './prefix.js';
import { resolveRef } from './refs.js';
import { type Repo, gitArgs } from './repo.js';
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
 * Every file under `prefix` at a commit (one `walk` over its tree) or in the working tree (tracked, or
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

const BLOB_READS_IN_FLIGHT = 64;

async function readTreeFiles(repo: Repo, oid: string, prefix: string): Promise<FileText[]> {
  const limit = createLimiter(BLOB_READS_IN_FLIGHT);
  const session = readSession(repo);
  const found: FileText[] | undefined = await git.walk({
    ...gitArgs(repo),
    fs: session.fs,
    trees: [TREE({ ref: oid })],
    map: async (path: string, [entry]: Array<WalkerEntry | null>) => {
      if (!entry || !isWorthWalking(path, prefix) || isDotName(path)) return null;
      const type = await entry.type();
      if (type === 'tree') return undefined;
      if (type !== 'blob' || !isUnder(path, prefix)) return null;
      // Loose objects are read directly; packed ones through the walker, which skips the per-call
      // set-up of isomorphic-git's public readObject (a stat, a failed open, a pack folder listing).
      const direct = session.loose.read(await entry.oid());
      const content = direct ? inflateObject(direct).content : await limit(async () => Buffer.from((await entry.content()) ?? []));
      return [path, content.toString('utf8')] satisfies FileText;
    },
    reduce: concatChildren,
  });
  return found ?? [];
}

/** Keep tree order: a file's tuple, then its siblings' lists flattened in order. */
async function concatChildren(parent: FileText | undefined, children: Array<FileText | FileText[]>): Promise<FileText[]> {
  const out: FileText[] = parent ? [parent] : [];
  for (const child of children) {
    if (isFileText(child)) out.push(child);
    else for (const item of child) out.push(item);
  }
  return out;
}

function isFileText(value: FileText | FileText[]): value is FileText {
  return typeof value[0] === 'string';
}

/**
 * The files under `prefix` on disk that git would consider: tracked, or untracked and not ignored.
 * Names starting with a dot are left out: editors' and atomic writes' temporary files, never labels.
 */
async function readWorktreeFiles(repo: Repo, prefix: string): Promise<FileText[]> {
  const { paths } = await listWorktree(repo, { prefix, skipDotFiles: true });
  const out: FileText[] = new Array(paths.length);
  await forEachLimited(paths, 64, async (path, i) => {
    out[i] = [path, await readFile(join(repo.dir, path), 'utf8')];
  });
  return out;
}

import { createHash } from 'node:crypto';
import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import { isTreeKey, oidOfKey, treeKeys } from './objects.js';
import { type Repo, emptyTree } from './repo.js';

export interface TreeEdit {
  path: string;
  /** The blob to record, or null to remove the path. */
  oid: string | null;
  mode?: string;
}

interface Entry {
  mode: string;
  oid: string;
}

/**
 * `base` with `edits` applied: only the folders on the edited paths are read (through the handle's
 * cat-file process) and rewritten, all by one `git mktree --batch`, so the cost follows the edited
 * folders, not the repository. A folder left empty is dropped, as git does.
 */
export async function editTree(repo: Repo, base: string | null, edits: readonly TreeEdit[]): Promise<string> {
  // folder path ('' = root) → its entries, read from base lazily.
  const folders = new Map<string, Map<string, Entry>>();
  const oldOids = new Map<string, string | null>([['', base]]);
  const entriesOf = async (folder: string): Promise<Map<string, Entry>> => {
    let entries = folders.get(folder);
    if (entries) return entries;
    const oid = await oldOid(folder);
    entries = new Map();
    if (oid)
      for (const [name, key] of await treeKeys(repo, oid))
        entries.set(name, { mode: key.slice(0, key.indexOf(' ')), oid: oidOfKey(key) });
    folders.set(folder, entries);
    return entries;
  };
  const oldOid = async (folder: string): Promise<string | null> => {
    if (oldOids.has(folder)) return oldOids.get(folder)!;
    const slash = folder.lastIndexOf('/');
    const parent = slash < 0 ? '' : folder.slice(0, slash);
    const name = folder.slice(slash + 1);
    const parentOid = await oldOid(parent);
    const key = parentOid ? (await treeKeys(repo, parentOid)).get(name) : undefined;
    const oid = isTreeKey(key) ? oidOfKey(key!) : null;
    oldOids.set(folder, oid);
    return oid;
  };
  for (const edit of edits) {
    const slash = edit.path.lastIndexOf('/');
    const folder = slash < 0 ? '' : edit.path.slice(0, slash);
    const entries = await entriesOf(folder);
    const name = edit.path.slice(slash + 1);
    if (edit.oid === null) entries.delete(name);
    else entries.set(name, { mode: blobMode(edit.mode), oid: edit.oid });
    // Every folder above must be rewritten too.
    for (let up = folder; up !== ''; ) {
      const s = up.lastIndexOf('/');
      up = s < 0 ? '' : up.slice(0, s);
      await entriesOf(up);
    }
  }
  // Deepest first, so a folder's new id is known before its parent is hashed. The ids are computed
  // here and all trees written by one mktree, which must agree on every id.
  const byDepth = [...folders.keys()].sort((a, b) => depth(b) - depth(a));
  const trees: Array<Map<string, Entry>> = [];
  const expected: string[] = [];
  let root: string | null = null;
  for (const folder of byDepth) {
    const entries = folders.get(folder)!;
    const oid = entries.size === 0 ? null : treeId(repo, entries);
    if (oid) {
      trees.push(entries);
      expected.push(oid);
    }
    if (folder === '') {
      root = oid;
      continue;
    }
    const slash = folder.lastIndexOf('/');
    const parent = folders.get(slash < 0 ? '' : folder.slice(0, slash))!;
    const name = folder.slice(slash + 1);
    if (oid === null) parent.delete(name);
    else parent.set(name, { mode: '40000', oid });
  }
  const written = await mktree(repo, trees);
  if (written.join() !== expected.join()) {
    throw new GitStoreError(
      'GIT_FAILED',
      'git mktree wrote trees other than the ones computed; nothing was committed',
      { expected, written },
    );
  }
  return root ?? (await writeEmptyTree(repo));
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

function blobMode(mode: string | undefined): string {
  return mode === '100755' || mode === '120000' ? mode : '100644';
}

/** Trees written by one `git mktree --batch --missing` (the entries' objects need not be local: partial clones). */
async function mktree(repo: Repo, trees: Array<Map<string, Entry>>): Promise<string[]> {
  if (trees.length === 0) return [];
  const input = trees
    .map((entries) =>
      [...entries].map(([name, e]) => `${e.mode} ${objectTypeOf(e.mode)} ${e.oid}\t${quote(name)}\n`).join(''),
    )
    .join('\n');
  return (await runGit(repo.dir, ['mktree', '--missing', '--batch'], { input })).stdout
    .toString('utf8')
    .trim()
    .split('\n');
}

/** A tree's object id as git computes it: entries sorted by name, a folder's name read as if it ended in '/'. */
function treeId(repo: Repo, entries: Map<string, Entry>): string {
  const sorted = [...entries].map(([name, e]) => ({
    name,
    e,
    key: Buffer.from(isTreeMode(e.mode) ? name + '/' : name),
  }));
  sorted.sort((a, b) => Buffer.compare(a.key, b.key));
  const parts: Buffer[] = [];
  for (const { name, e } of sorted)
    parts.push(Buffer.from(`${isTreeMode(e.mode) ? '40000' : e.mode} ${name}\0`), Buffer.from(e.oid, 'hex'));
  const body = Buffer.concat(parts);
  return createHash(repo.objectFormat).update(`tree ${body.length}\0`).update(body).digest('hex');
}

function isTreeMode(mode: string): boolean {
  return mode === '40000' || mode === '040000';
}

function objectTypeOf(mode: string): string {
  return isTreeMode(mode) ? 'tree' : mode === '160000' ? 'commit' : 'blob';
}

/** mktree reads a C-quoted name when it starts with a double quote. */
function quote(name: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(name)) return name;
  return (
    '"' +
    name
      .replace(/[\\"]/g, (c) => '\\' + c)
      .replace(/[\x00-\x1f\x7f]/g, (c) => '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) +
    '"'
  );
}

async function writeEmptyTree(repo: Repo): Promise<string> {
  const out = await runGit(repo.dir, ['hash-object', '-w', '-t', 'tree', '--stdin'], { input: '' });
  const oid = out.stdout.toString('utf8').trim();
  return oid || emptyTree(repo);
}

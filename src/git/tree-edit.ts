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
 * cat-file process) and rewritten, deepest first, one `git mktree --batch` per depth, so the cost
 * follows the edited folders, not the repository. A folder left empty is dropped, as git does.
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
    if (oid) for (const [name, key] of await treeKeys(repo, oid)) entries.set(name, { mode: key.slice(0, key.indexOf(' ')), oid: oidOfKey(key) });
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
  const byDepth = [...folders.keys()].sort((a, b) => depth(b) - depth(a));
  for (let i = 0; i < byDepth.length; ) {
    const d = depth(byDepth[i]);
    const level: string[] = [];
    while (i < byDepth.length && depth(byDepth[i]) === d) level.push(byDepth[i++]);
    const written = await mktree(repo, level.map((folder) => folders.get(folder)!));
    level.forEach((folder, k) => {
      if (folder === '') return;
      const slash = folder.lastIndexOf('/');
      const parent = folders.get(slash < 0 ? '' : folder.slice(0, slash))!;
      const name = folder.slice(slash + 1);
      if (written[k] === null) parent.delete(name);
      else parent.set(name, { mode: '040000', oid: written[k]! });
    });
    if (d === 0) return written[0] ?? (await writeEmptyTree(repo));
  }
  return base ?? (await writeEmptyTree(repo));
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

function blobMode(mode: string | undefined): string {
  return mode === '100755' || mode === '120000' ? mode : '100644';
}

/** Trees written by one `git mktree --batch --missing` (the entries' objects need not be local: partial clones); null for an empty folder. */
async function mktree(repo: Repo, trees: Array<Map<string, Entry>>): Promise<Array<string | null>> {
  const nonEmpty = trees.filter((t) => t.size > 0);
  if (nonEmpty.length === 0) return trees.map(() => null);
  const input = nonEmpty
    .map((entries) => [...entries].map(([name, e]) => `${e.mode} ${typeOf(e.mode)} ${e.oid}\t${quote(name)}\n`).join(''))
    .join('\n');
  const oids = (await runGit(repo.dir, ['mktree', '--missing', '--batch'], { input })).stdout.toString('utf8').trim().split('\n');
  let k = 0;
  return trees.map((t) => (t.size > 0 ? oids[k++] : null));
}

function typeOf(mode: string): string {
  return mode === '040000' || mode === '40000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
}

/** mktree reads a C-quoted name when it starts with a double quote. */
function quote(name: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(name)) return name;
  return '"' + name.replace(/[\\"]/g, (c) => '\\' + c).replace(/[\x00-\x1f\x7f]/g, (c) => '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + '"';
}

async function writeEmptyTree(repo: Repo): Promise<string> {
  const out = await runGit(repo.dir, ['hash-object', '-w', '-t', 'tree', '--stdin'], { input: '' });
  const oid = out.stdout.toString('utf8').trim();
  return oid || emptyTree(repo);
}

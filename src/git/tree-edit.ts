import { type ReadSession, readSession } from './bulk-fs.js';
import { readObjectBytes, writeObjectBytes } from './object-io.js';
import type { Repo } from './repo.js';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Put a blob at `path`, or (oid null) take whatever is there away. */
export interface TreeEdit {
  path: string;
  oid: string | null;
  mode?: string;
}

/**
 * The tree you get by applying `edits` to `base` (null: the empty tree). Only the folders on the edited
 * paths are read and rewritten, as raw tree objects (no per-entry parse), so the cost follows the edit,
 * not the size of the repository; folders left empty disappear, as in git.
 */
export async function editTree(repo: Repo, base: string | null, edits: readonly TreeEdit[]): Promise<string> {
  const split = edits.map((edit) => ({ segments: edit.path.split('/'), edit }));
  return (await editFolder(repo, readSession(repo), base, split, 0)) ?? EMPTY_TREE;
}

interface SplitEdit {
  segments: string[];
  edit: TreeEdit;
}

interface RawEntry {
  mode: string;
  name: string;
  oid: Buffer;
}

const TREE_MODE = '40000';

async function editFolder(repo: Repo, session: ReadSession, base: string | null, edits: SplitEdit[], depth: number): Promise<string | null> {
  const entries = base ? await readRawTree(repo, base, session) : new Map<string, RawEntry>();
  const byName = new Map<string, SplitEdit[]>();
  let changed = false;
  let added = false;
  const put = (entry: RawEntry): void => {
    const before = entries.get(entry.name);
    if (before && before.mode === entry.mode && before.oid.equals(entry.oid)) return;
    if (!before || (before.mode === TREE_MODE) !== (entry.mode === TREE_MODE)) added = true;
    entries.set(entry.name, entry);
    changed = true;
  };
  const drop = (name: string): void => {
    if (entries.delete(name)) changed = true;
  };
  for (const item of edits) {
    const name = item.segments[depth];
    if (item.segments.length === depth + 1) {
      if (item.edit.oid === null) drop(name);
      else put({ mode: normalizeBlobMode(item.edit.mode), name, oid: Buffer.from(item.edit.oid, 'hex') });
    } else {
      const list = byName.get(name) ?? [];
      list.push(item);
      byName.set(name, list);
    }
  }
  for (const [name, list] of byName) {
    const before = entries.get(name);
    const child = await editFolder(repo, session, before?.mode === TREE_MODE ? before.oid.toString('hex') : null, list, depth + 1);
    if (child === null) drop(name);
    else put({ mode: TREE_MODE, name, oid: Buffer.from(child, 'hex') });
  }
  if (entries.size === 0) return null;
  if (!changed && base) return base;
  const list = [...entries.values()];
  // Entries keep git's order; only a new name (or a file turned folder) needs a re-sort.
  if (added) list.sort(compareEntries);
  return writeObjectBytes(repo, 'tree', serialize(list));
}

async function readRawTree(repo: Repo, oid: string, session: ReadSession): Promise<Map<string, RawEntry>> {
  const { content: raw } = await readObjectBytes(repo, oid, session);
  const out = new Map<string, RawEntry>();
  let at = 0;
  while (at < raw.length) {
    const space = raw.indexOf(0x20, at);
    const nul = raw.indexOf(0, space);
    const name = raw.toString('utf8', space + 1, nul);
    out.set(name, { mode: raw.toString('latin1', at, space), name, oid: raw.subarray(nul + 1, nul + 21) });
    at = nul + 21;
  }
  return out;
}

function serialize(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) parts.push(Buffer.from(`${entry.mode} ${entry.name}\0`, 'utf8'), entry.oid);
  return Buffer.concat(parts);
}

/** git sorts a folder's entries by name bytes, a folder's name read as if it ended in '/'. */
function compareEntries(a: RawEntry, b: RawEntry): number {
  const x = Buffer.from(a.mode === TREE_MODE ? a.name + '/' : a.name);
  const y = Buffer.from(b.mode === TREE_MODE ? b.name + '/' : b.name);
  return Buffer.compare(x, y);
}

function normalizeBlobMode(mode: string | undefined): string {
  return mode === '100755' || mode === '120000' ? mode : '100644';
}

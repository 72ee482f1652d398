import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';

export interface TreeEdit {
  path: string;
  /** The blob to record, or null to remove the path. */
  oid: string | null;
  mode?: string;
}

/** What becomes of each name (latin1) in a folder: a new entry, or null (removed). */
type Changes = Map<string, { mode: string; oid: string } | null>;

/**
 * `base` with `edits` applied. Only the folders on the edited paths are read (raw, by the handle's
 * cat-file process, a depth at a time) and rewritten by splicing the changed entries into the raw
 * object, no other entry decoded; each new tree is hashed here (its id is the hash of these bytes) and
 * all are written by one `git unpack-objects` (each object a temp file renamed into place, as every git
 * writer does). A folder left empty is dropped, as git does.
 */
export async function editTree(repo: Repo, base: string | null, edits: readonly TreeEdit[]): Promise<string> {
  const hashBytes = repo.objectFormat === 'sha256' ? 32 : 20;
  const folder = (name: string, parent?: Folder): Folder => ({
    name,
    parent,
    old: null,
    changes: new Map(),
    children: new Map(),
  });
  const root = folder('');
  root.old = base;
  for (const edit of edits) {
    const names = edit.path.split('/').map(latin1);
    let at = root;
    for (const name of names.slice(0, -1)) {
      if (!at.children.has(name)) at.children.set(name, folder(name, at));
      at = at.children.get(name)!;
    }
    const mode = edit.mode === '100755' || edit.mode === '120000' ? edit.mode : '100644';
    at.changes.set(names[names.length - 1], edit.oid === null ? null : { mode, oid: edit.oid });
  }
  // The old objects, a depth at a time (a folder's old id is in its parent's raw entries).
  const all: Folder[] = [];
  for (let level = [root]; level.length > 0; level = level.flatMap((f) => [...f.children.values()])) {
    await Promise.all(level.map(async (f) => (f.raw = await readTree(repo, f.old))));
    for (const f of level)
      forEachEntry(f.raw!, hashBytes, (name, _at, end, tree) => {
        const child = f.children.get(name);
        if (child && tree) child.old = f.raw!.toString('hex', end - hashBytes, end);
      });
    all.push(...level);
  }
  // The new objects, deepest first, so a folder's new id is in its parent's changes before the parent is spliced.
  const trees: Buffer[] = [];
  let tree = '';
  for (const f of all.reverse()) {
    const body = splice(f.raw!, f.changes, hashBytes);
    const oid = createHash(repo.objectFormat).update(`tree ${body.length}\0`).update(body).digest('hex');
    if ((body.length > 0 || !f.parent) && oid !== f.old) trees.push(body);
    // An emptied folder goes, unless a file now takes its name.
    if (!f.parent) tree = oid;
    else if (body.length > 0) f.parent.changes.set(f.name, { mode: '40000', oid });
    else if (!f.parent.changes.get(f.name)) f.parent.changes.set(f.name, null);
  }
  await unpackObjects(repo, trees);
  return tree;
}

/** A folder on an edited path: its name (latin1: the bytes of its UTF-8 name), old id, raw object, and what changes in it. */
interface Folder {
  name: string;
  parent: Folder | undefined;
  old: string | null;
  raw?: Buffer;
  changes: Changes;
  children: Map<string, Folder>;
}

async function readTree(repo: Repo, oid: string | null): Promise<Buffer> {
  if (oid === null) return Buffer.alloc(0);
  const object = await repo.reader.read(oid);
  if (object?.type !== 'tree')
    throw new GitStoreError('MISSING_OBJECT', `tree ${oid} is missing from the object store`, { oid });
  return object.content;
}

/** Calls `visit` for each raw `<mode> <name>\0<oid>` entry with the name as latin1 (byte order = git's order). */
function forEachEntry(
  raw: Buffer,
  hashBytes: number,
  visit: (name: string, at: number, end: number, tree: boolean) => void,
): void {
  for (let at = 0; at < raw.length; ) {
    const space = raw.indexOf(0x20, at);
    const nul = raw.indexOf(0, space);
    const end = nul + 1 + hashBytes;
    if (space < 0 || nul < 0 || end > raw.length) throw new Error('malformed tree object');
    // Only a folder's mode ("40000") starts with a 4.
    visit(raw.toString('latin1', space + 1, nul), at, end, raw[at] === 0x34);
    at = end;
  }
}

/**
 * The raw tree with `changes` applied: entries of a changed name dropped, new ones inserted where
 * git sorts them (by name, a folder's name read as if it ended in '/'), the rest copied as they are.
 */
function splice(raw: Buffer, changes: Changes, hashBytes: number): Buffer {
  const inserts = [...changes]
    .filter(([, entry]) => entry !== null)
    .map(([name, entry]) => ({
      key: entry!.mode === '40000' ? name + '/' : name,
      bytes: Buffer.concat([Buffer.from(`${entry!.mode} ${name}\0`, 'latin1'), Buffer.from(entry!.oid, 'hex')]),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const parts: Buffer[] = [];
  let copied = 0;
  let next = 0;
  forEachEntry(raw, hashBytes, (name, at, end, tree) => {
    const key = tree ? name + '/' : name;
    for (; next < inserts.length && inserts[next].key < key; copied = at)
      parts.push(raw.subarray(copied, at), inserts[next++].bytes);
    if (changes.has(name)) {
      parts.push(raw.subarray(copied, at));
      copied = end;
    }
  });
  parts.push(raw.subarray(copied), ...inserts.slice(next).map((i) => i.bytes));
  return Buffer.concat(parts);
}

/** The trees as one pack stream for `git unpack-objects` (stored, not compressed: it is read once, at once). */
async function unpackObjects(repo: Repo, trees: Buffer[]): Promise<void> {
  if (trees.length === 0) return;
  // "PACK", version 2, the object count.
  const header = Buffer.from('PACK\0\0\0\x02\0\0\0\0', 'latin1');
  header.writeUInt32BE(trees.length, 8);
  const parts = [header];
  for (const body of trees) {
    // Type 2 (tree) and the size, 4 bits then 7 per byte, the high bit saying another byte follows.
    const size = [0x20 | (body.length & 0x0f)];
    for (let rest = Math.floor(body.length / 16); rest > 0; rest = Math.floor(rest / 128)) {
      size[size.length - 1] |= 0x80;
      size.push(rest & 0x7f);
    }
    parts.push(Buffer.from(size), deflateSync(body, { level: 0 }));
  }
  parts.push(createHash(repo.objectFormat).update(Buffer.concat(parts)).digest());
  await runGit(repo.dir, ['unpack-objects', '-q'], { input: Buffer.concat(parts) });
}

function latin1(name: string): string {
  return Buffer.from(name, 'utf8').toString('latin1');
}

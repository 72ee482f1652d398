import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { runGit } from './exec.js';
import { RawTree, readTreeMemo } from './objects.js';
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
  const root = new Folder('', undefined, base);
  for (const edit of edits) {
    const names = edit.path.split('/').map((name) => Buffer.from(name).toString('latin1'));
    let at = root;
    for (const name of names.slice(0, -1))
      at = at.children.get(name) ?? at.children.set(name, new Folder(name, at, null)).get(name)!;
    const mode = edit.mode === '100755' || edit.mode === '120000' ? edit.mode : '100644';
    at.changes.set(names[names.length - 1], edit.oid === null ? null : { mode, oid: edit.oid });
  }
  // The old objects, a depth at a time (a folder's old id is in its parent's raw entries).
  const all: Folder[] = [];
  for (let level = [root]; level.length > 0; level = level.flatMap((f) => [...f.children.values()])) {
    await Promise.all(
      level.map(async (f) => {
        f.raw = f.old === null ? new RawTree(Buffer.alloc(0), hashBytes) : await readTreeMemo(repo, f.old);
        for (const [name, child] of f.children) child.old = f.raw.oid(f.raw.find(name + '/'));
      }),
    );
    all.push(...level);
  }
  // The new objects, deepest first, so a folder's new id is in its parent's changes before the parent is spliced.
  const trees: Buffer[] = [];
  let tree = '';
  for (const f of all.reverse()) {
    const body = f.raw!.splice(f.changes);
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

/**
 * A folder on an edited path: its name (latin1: the bytes of its UTF-8 name), old id and raw object,
 * what changes in it.
 */
class Folder {
  raw?: RawTree;
  readonly changes: Changes = new Map();
  readonly children = new Map<string, Folder>();
  constructor(
    readonly name: string,
    readonly parent: Folder | undefined,
    public old: string | null,
  ) {}
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

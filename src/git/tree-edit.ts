import git, { type TreeEntry } from 'isomorphic-git';
import { treeEntries } from './objects.js';
import { type Repo, gitArgs } from './repo.js';

export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Put a blob at `path`, or (oid null) take whatever is there away. */
export interface TreeEdit {
  path: string;
  oid: string | null;
  mode?: string;
}

/**
 * The tree you get by applying `edits` to `base` (null: the empty tree). Only the folders on the edited
 * paths are read and rewritten, so the cost follows the edit, not the size of the repository; folders
 * left empty disappear, as in git.
 */
export async function editTree(repo: Repo, base: string | null, edits: readonly TreeEdit[]): Promise<string> {
  const split = edits.map((edit) => ({ segments: edit.path.split('/'), edit }));
  return (await editFolder(repo, base, split, 0)) ?? (await git.writeTree({ ...gitArgs(repo), tree: [] }));
}

interface SplitEdit {
  segments: string[];
  edit: TreeEdit;
}

async function editFolder(repo: Repo, base: string | null, edits: SplitEdit[], depth: number): Promise<string | null> {
  const entries = new Map(base ? await treeEntries(repo, base) : []);
  const byName = new Map<string, SplitEdit[]>();
  let changed = false;
  for (const item of edits) {
    const name = item.segments[depth];
    if (item.segments.length === depth + 1) {
      const before = entries.get(name);
      if (item.edit.oid === null) {
        if (before) {
          entries.delete(name);
          changed = true;
        }
      } else {
        const mode = item.edit.mode ?? '100644';
        if (!before || before.oid !== item.edit.oid || before.mode !== mode) changed = true;
        entries.set(name, { mode, path: name, oid: item.edit.oid, type: 'blob' });
      }
    } else {
      const list = byName.get(name) ?? [];
      list.push(item);
      byName.set(name, list);
    }
  }
  for (const [name, list] of byName) {
    const before = entries.get(name);
    const child = await editFolder(repo, before?.type === 'tree' ? before.oid : null, list, depth + 1);
    if (child === null) {
      if (before) {
        entries.delete(name);
        changed = true;
      }
    } else if (before?.oid !== child || before.type !== 'tree') {
      entries.set(name, { mode: '040000', path: name, oid: child, type: 'tree' });
      changed = true;
    }
  }
  if (entries.size === 0) return null;
  if (!changed && base) return base;
  const tree: TreeEntry[] = [...entries.values()];
  return git.writeTree({ ...gitArgs(repo), tree });
}

import type { ReadSession } from './bulk-fs.js';
import type { ChangedPath } from './changed-paths.js';
import { isFileKey, oidOfKey, treeKeys } from './objects.js';
import type { Repo } from './repo.js';

/** One child of a folder whose entry differs between two versions; keys are "mode rawOid" (treeKeys). */
export interface ChildDelta {
  name: string;
  before?: string;
  after?: string;
}

/** The children whose entry (mode, oid or presence) differs between two scanned versions of a folder. */
export function diffKeys(before: Map<string, string>, after: Map<string, string>): ChildDelta[] {
  const out: ChildDelta[] = [];
  for (const [name, key] of before) {
    const other = after.get(name);
    if (other !== key) out.push(other === undefined ? { name, before: key } : { name, before: key, after: other });
  }
  for (const [name, key] of after) if (!before.has(name)) out.push({ name, after: key });
  return out;
}

/**
 * The changes inside a folder present on both sides, when they are all files: read straight from the
 * two raw tree objects, without the walker parsing each of the folder's entries. Undefined when a
 * subfolder changed too (the caller walks those).
 */
export async function diffFileFolder(
  repo: Repo,
  path: string,
  before: string,
  after: string,
  readText: ((oid: string) => Promise<string>) | undefined,
  session?: ReadSession,
): Promise<ChangedPath[] | undefined> {
  const [a, b] = await Promise.all([treeKeys(repo, before, session), treeKeys(repo, after, session)]);
  const deltas = diffKeys(a, b);
  if (deltas.some((d) => (d.before !== undefined && !isFileKey(d.before)) || (d.after !== undefined && !isFileKey(d.after)))) return undefined;
  deltas.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const out: ChangedPath[] = [];
  for (const delta of deltas) {
    if (delta.name.startsWith('.')) continue;
    const oldOid = delta.before === undefined ? undefined : oidOfKey(delta.before);
    const newOid = delta.after === undefined ? undefined : oidOfKey(delta.after);
    if (oldOid === newOid) continue; // a mode change only
    const change: ChangedPath = { path: `${path}/${delta.name}`, change: !oldOid ? 'added' : !newOid ? 'removed' : 'modified' };
    if (oldOid) change.oldOid = oldOid;
    if (newOid) change.newOid = newOid;
    out.push(change);
  }
  if (readText) {
    await Promise.all(out.map(async (change) => {
      if (change.oldOid) change.oldText = await readText(change.oldOid);
      if (change.newOid) change.newText = await readText(change.newOid);
    }));
  }
  return out;
}

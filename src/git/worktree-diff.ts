import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSession } from './bulk-fs.js';
import type { ChangedPath } from './changed-paths.js';
import { blobText } from './object-io.js';
import { forEachLimited } from './limit.js';
import type { Repo } from './repo.js';
import { differingPaths } from './status.js';
import { treeFiles } from './tree-files.js';
import { scanWorktree } from './worktree-scan.js';

/**
 * The files under `prefix` that differ between a commit and the working tree. Files on disk get their
 * blob id from the index when its stat data still match, else by hashing them (git hash-object's id);
 * untracked files that .gitignore does not exclude count as added, dot-files are left out. `withContent`
 * reads both sides' text, or only the commit's ('old') or only the disk's ('new').
 */
export async function diffCommitWithWorktree(repo: Repo, commit: string, prefix: string, withContent: boolean | 'old' | 'new'): Promise<ChangedPath[]> {
  const before = await treeFiles(repo, commit, prefix, { skipDotFiles: true });
  const scan = await scanWorktree(repo, { prefix, skipDotFiles: true, headPaths: before.keys() });
  const out: ChangedPath[] = [];
  for (const path of differingPaths(before, scan.files)) {
    const oldOid = before.get(path);
    const newOid = scan.files.get(path);
    const change: ChangedPath = { path, change: oldOid === undefined ? 'added' : newOid === undefined ? 'removed' : 'modified' };
    if (oldOid !== undefined) change.oldOid = oldOid;
    if (newOid !== undefined) change.newOid = newOid;
    out.push(change);
  }
  if (withContent) {
    const session = readSession(repo);
    await forEachLimited(out, 32, async (change) => {
      if (change.oldOid && withContent !== 'new') change.oldText = await blobText(repo, change.oldOid, session);
      if (change.newOid && withContent !== 'old') change.newText = await readFile(join(repo.dir, change.path), 'utf8');
    });
  }
  return out;
}

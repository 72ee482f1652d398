import { readSession } from './bulk-fs.js';
import { isFileKey, isTreeKey, oidOfKey, readCommitMemo, treeKeys } from './objects.js';
import type { Repo } from './repo.js';

/**
 * Every file under `prefix` in a commit's tree as path → blob oid, from raw tree scans (memoised per
 * handle), for comparing a commit with the index and the working tree.
 */
export async function treeFiles(repo: Repo, commit: string | null, prefix: string, { skipDotFiles = false } = {}): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!commit) return out;
  const session = readSession(repo);
  let tree: string | undefined = (await readCommitMemo(repo, commit)).tree;
  let base = '';
  if (prefix !== '.') {
    for (const segment of prefix.split('/')) {
      const key: string | undefined = (await treeKeys(repo, tree, session)).get(segment);
      const path: string = base ? `${base}/${segment}` : segment;
      if (!key) return out;
      if (!isTreeKey(key)) {
        if (isFileKey(key)) out.set(path, oidOfKey(key));
        return out;
      }
      tree = oidOfKey(key);
      base = path;
    }
  }
  const visit = async (oid: string, folder: string): Promise<void> => {
    for (const [name, key] of await treeKeys(repo, oid, session)) {
      if (skipDotFiles && name.startsWith('.')) continue;
      const path = folder ? `${folder}/${name}` : name;
      if (isTreeKey(key)) await visit(oidOfKey(key), path);
      else if (isFileKey(key)) out.set(path, oidOfKey(key));
    }
  };
  await visit(tree, base);
  return out;
}

import type { Repo } from '../git/index.js';
import { lsTree } from '../git/stream-labels.js';
import { repoPathOf } from '../store/read.js';

/**
 * The label files a clean tree still does not share with its commit: `extra` on disk but not in the
 * commit (git ignores them, so status calls the tree clean), `missing` in the commit but not on disk
 * (hidden from status by skip-worktree). A release takes the files on disk for the commit it pins, so
 * either would put a manifest in the record that the tag's labels do not match.
 *
 * `files` are the absolute paths the label walk reads (listLabelFiles: *.json, no temp files), in its
 * order; the commit's are streamed beside them, so nothing but the differences is kept.
 */
export async function labelFilesNotCommitted(
  repo: Repo,
  dir: string,
  files: readonly string[],
  commit: string,
): Promise<{ extra: string[]; missing: string[] }> {
  const repoPath = repoPathOf(dir);
  const extra: string[] = [];
  const missing: string[] = [];
  let k = 0;
  let previous = '';
  let ordered = true;
  const committed: string[] = [];
  for await (const entry of lsTree(repo, commit, 'labels')) {
    const path = entry.path;
    if (!path.endsWith('.json') || path.includes('.steward-tmp-')) continue;
    // git lists paths in byte order, the walk in code-unit order: the same but for names with characters
    // beyond U+FFFF, which are then compared as sets below.
    if (!ordered || path < previous) {
      ordered = false;
      committed.push(path);
      continue;
    }
    previous = path;
    for (; k < files.length; k++) {
      const onDisk = repoPath(files[k]);
      if (onDisk >= path) break;
      extra.push(onDisk);
    }
    if (k < files.length && repoPath(files[k]) === path) k++;
    else missing.push(path);
  }
  for (; k < files.length; k++) extra.push(repoPath(files[k]));
  if (ordered) return { extra, missing };
  const disk = new Set(extra);
  const all = new Set([...missing, ...committed]);
  return { extra: [...disk].filter((p) => !all.has(p)), missing: [...all].filter((p) => !disk.has(p)) };
}

/** Why a release refuses the differences labelFilesNotCommitted found, or undefined when there are none. */
export function notCommittedMessage(found: { extra: string[]; missing: string[] }): string | undefined {
  const list = (paths: string[]) => `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`;
  const { extra, missing } = found;
  if (extra.length === 0 && missing.length === 0) return undefined;
  return [
    extra.length ? `${extra.length} label file(s) on disk are not committed (git ignores them): ${list(extra)}` : '',
    missing.length ? `${missing.length} committed label file(s) are missing on disk: ${list(missing)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

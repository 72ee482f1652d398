import { type Repo, changedPaths, WORKTREE } from '../git/index.js';
import type { Label } from '../label/types.js';
import { parseLabelText } from '../store/read.js';
import { readReleaseRecord } from './load-labels.js';
import type { ManifestItem } from './manifest.js';
import type { ReleaseTag } from './releases.js';

export interface SincePrevious {
  /** The previous release's labels, by id: the current objects where the file is unchanged. */
  previous: Map<string, Label>;
  /** Manifest entries that still hold, by id: every label whose file did not change since the release. */
  unchangedHashes: Map<string, ManifestItem>;
}

/**
 * What a release needs of the previous one without reading its whole tree: the files that changed since
 * its tag (one two-tree walk that skips unchanged folders) with their old text, and the previous
 * manifest's hashes, still valid for every file that did not change.
 */
export async function sincePrevious(repo: Repo, release: ReleaseTag, current: Map<string, Label>): Promise<SincePrevious> {
  const { record } = await readReleaseRecord(repo, release.version);
  const changes = await changedPaths(repo, { from: release.tag, to: WORKTREE, prefix: 'labels', withContent: true });
  const changedIds = new Set<string>();
  const previous = new Map(current);
  for (const c of changes) {
    if (!c.path.endsWith('.json')) continue;
    const id = c.path.slice(c.path.lastIndexOf('/') + 1, -'.json'.length);
    changedIds.add(id);
    previous.delete(id);
  }
  for (const c of changes) {
    if (!c.path.endsWith('.json') || c.oldText === undefined) continue;
    const old = parseLabelText(c.path, c.oldText);
    if (old.json) previous.set((old.json as Label).id, old.json as Label);
  }
  const unchangedHashes = new Map(record.manifest.items.filter((item) => !changedIds.has(item[0]) && current.has(item[0])).map((item) => [item[0], item]));
  return { previous, unchangedHashes };
}

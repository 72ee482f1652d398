import { type ChangedPath, type Repo, changedPaths } from '../git/index.js';
import type { Label } from '../label/types.js';
import { parseLabelText } from '../store/read.js';
import { readReleaseRecord } from './load-labels.js';
import type { ManifestIndex } from './manifest-index.js';
import type { ReadReleaseRecord } from './record.js';
import type { ReleaseTag } from './releases.js';

export interface SincePrevious {
  tag: string;
  record: ReadReleaseRecord;
  /** sha256 of the record file's bytes at the tag (a record on disk with these bytes is this one). */
  recordSha256: string;
  /** Label files that differ between the release's tag and `to`, with their text at the tag. */
  changes: ChangedPath[];
  changedFiles: ReadonlySet<string>;
  /** The previous manifest's entries by id: still valid for every label whose file did not change. */
  items: ManifestIndex;
}

/**
 * What a release needs of the previous one without reading its whole tree: its record, and the label
 * files that changed since its tag (one two-tree walk that skips unchanged folders) with their old text.
 * `to` is HEAD's commit when the working tree is clean (no scan of the disk), else WORKTREE.
 */
export async function sincePrevious(repo: Repo, release: ReleaseTag, to: string): Promise<SincePrevious> {
  const { record, recordSha256 } = await readReleaseRecord(repo, release.version);
  const changes = await changedPaths(repo, { from: release.tag, to, prefix: 'labels', withContent: 'old' });
  return {
    tag: release.tag,
    record,
    recordSha256,
    changes,
    changedFiles: new Set(changes.map((c) => c.path)),
    items: record.manifest.items,
  };
}

/**
 * The previous release's labels as the statistics need them: the old side of every changed file, and
 * for unchanged labels the very objects of the current side (so they compare as unchanged at once).
 */
export function previousLabels(since: SincePrevious, unchanged: Iterable<Label>): Map<string, Label> {
  const previous = new Map<string, Label>();
  for (const label of unchanged) previous.set(label.id, label);
  for (const c of since.changes) {
    if (!c.path.endsWith('.json') || c.oldText === undefined) continue;
    const old = parseLabelText(c.path, c.oldText);
    if (old.json) previous.set((old.json as Label).id, old.json as Label);
  }
  return previous;
}

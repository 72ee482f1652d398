import { StewardError, inputError } from '../errors/index.js';
import { blobsAt, isGitStoreError, openRepo, readBlobs, resolveCommit, type TreeEntry } from '../git/index.js';
import type { Label } from '../label/types.js';
import { isSemver, tagOf } from '../core/semver.js';
import { openRelease } from '../release/stream-release.js';
import { parseLabelPath } from '../store/paths.js';
import { forEachLabelFile, listLabelFiles, parseLabelText } from '../store/read.js';
import { CanonicalItemCache, canonicalScoringItem } from './canonical-item.js';
import { type ScoringItem, scoringItem } from './items.js';

export { scoringItem } from './items.js';

export interface LoadedItems {
  /** The version as the user named it ("working tree" when none). */
  name: string;
  /** Sorted by id. */
  items: ScoringItem[];
  /** How the labels were read, for the report. */
  note: string;
}

/**
 * The scoring items of a version, as loadVersionLabels reads its labels (a release verified against its
 * manifest, a bare tag, a ref, or the working tree) but streamed: each label is cut down to what scoring
 * needs as it is read, so notes and explanations (most of a label's bytes) are never all in memory.
 */
export async function loadVersionItems(options: {
  dir: string;
  version?: string;
  /** Stops the read (the predictions turned out unreadable, say): the read then throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Called once, when what comes before the labels is read: a release's record (226 MB at 1M labels, held
   * whole while it is scanned) and its file list. scorePredictions parses the predictions from then on.
   */
  opened?: () => void;
}): Promise<LoadedItems> {
  const { dir, version, signal } = options;
  const opened = options.opened ?? (() => {});
  const items: ScoringItem[] = [];
  // Calculators and splits repeat over a whole version: each name is kept once, not once per label.
  const cache = new CanonicalItemCache();
  const add = (label: Label) => {
    signal?.throwIfAborted();
    items.push(cache.shared(scoringItem(label)));
  };
  if (version === undefined) {
    opened();
    await forEachLabelFile(dir, await listLabelFiles(dir), (f) => {
      if (f.parseError) {
        throw inputError(
          'LABEL_BROKEN_JSON',
          `${f.file}${f.parseError.line ? `:${f.parseError.line}:${f.parseError.column}` : ''}: ` +
            `${f.parseError.message}`,
          { file: f.file, ...f.parseError },
        );
      }
      add(f.json as Label);
    });
    return { name: 'working tree', items: byId(items), note: 'working tree: the label files on disk' };
  }
  if (isSemver(version)) {
    try {
      const release = await openRelease({ dir, version });
      opened();
      // A released file that hashed to its manifest item is canonical JSON: cut to its item without parsing it all.
      for await (const released of release.labels()) {
        signal?.throwIfAborted();
        const item = released.canonical ? canonicalScoringItem(released.bytes, cache) : undefined;
        if (item) items.push(item);
        else add(released.label);
      }
      return {
        name: version,
        items: byId(items),
        note:
          `${version}: release ${release.tag}, labels verified against its ` +
          `manifest${release.trust.signer ? `, ${release.trust.note}` : ''}`,
      };
    } catch (error) {
      if (!(error instanceof StewardError && error.code === 'RELEASE_RECORD_MISSING')) throw error;
      const tag = tagOf(version);
      opened();
      await itemsAtRef(dir, tag, add);
      return {
        name: version,
        items: byId(items),
        note: `${version}: tag ${tag} has no release record; labels read at the tag, not verified`,
      };
    }
  }
  opened();
  await itemsAtRef(dir, version, add);
  return { name: version, items: byId(items), note: `${version}: labels at that ref` };
}

function byId(items: ScoringItem[]): ScoringItem[] {
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function itemsAtRef(dir: string, ref: string, add: (label: Label) => void): Promise<void> {
  const repo = await openRepo({ dir });
  let commit: string;
  try {
    commit = await resolveCommit(repo, ref);
  } catch (error) {
    if (isGitStoreError(error, 'UNKNOWN_REF'))
      throw inputError('UNKNOWN_VERSION', `no version "${ref}": ${error.message}`, { version: ref });
    throw error;
  }
  // Read as git lists them (ls-tree and the reads overlap), with no list of every file kept meanwhile.
  for await (const { path, bytes } of readBlobs(repo, labelFiles(blobsAt(repo, { ref: commit })))) {
    const file = parseLabelText(path, bytes.toString('utf8'));
    if (file.parseError)
      throw inputError('LABEL_BROKEN_JSON', `${path} at ${ref}: ${file.parseError.message}`, { file: path, ref });
    add(file.json as Label);
  }
}

async function* labelFiles(entries: AsyncIterable<TreeEntry>): AsyncIterable<TreeEntry> {
  for await (const entry of entries) if (parseLabelPath(entry.path)) yield entry;
}

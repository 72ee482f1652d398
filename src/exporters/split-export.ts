import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import type { LoadedRelease } from '../release/load-labels.js';
import { JSONL_HEADER_PREFIX, type PinnedHeader, pinnedHeader } from '../release/pinned-export.js';
import { sha256Hex } from '../store/canonical.js';
import { jsonlLines } from './jsonl.js';
import { medcalcCsvLines } from './medcalc-csv.js';

/**
 * The sidecar of a pinned export of one split (<out>.manifest.json): the release it comes from (name,
 * version, root of the whole release), the split, and each of its items with the hash the release's
 * manifest gives for that item's CSV row or JSONL line, in file order. `splitRoot` pins the split alone
 * ("the test split of 1.1.0, root …"); `verify` recomputes everything from the release record.
 */
export interface SplitSidecar extends PinnedHeader {
  split: string;
  /** Items in this split (`count` stays the release's count). */
  splitCount: number;
  splitRoot: string;
  /** [id, manifest hash of the item in this format], in the export's order. */
  items: [string, string][];
  /** For CSV: [id, Row Number] in row order (rows pair with items by position). */
  rows?: [string, number][];
}

/** sha256 over "<id> <hash>\n" for the split's items sorted by id. */
export function splitRootOf(items: readonly (readonly [string, string])[]): string {
  const sorted = [...items].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return 'sha256:' + sha256Hex(sorted.map(([id, hash]) => `${id} ${hash}\n`).join(''));
}

export function labelsOfSplit(release: LoadedRelease, split: string): Label[] {
  const labels = release.labels.filter((l) => l.split === split);
  if (labels.length === 0) {
    const splits = [...new Set(release.labels.map((l) => l.split))].sort();
    throw inputError(
      'UNKNOWN_SPLIT',
      `release ${release.version} has no split "${split}" (splits: ${splits.join(', ') || 'none'})`,
      { split, version: release.version },
    );
  }
  return labels;
}

/** One split of a release as a MedCalc CSV (the harness's drop-in test_data.csv) and its sidecar. */
export function pinnedSplitCsv(release: LoadedRelease, split: string): { csv: string[]; sidecar: string } {
  const labels = labelsOfSplit(release, split);
  const ordered = [...labels].sort((a, b) => a.source.row - b.source.row || a.id.localeCompare(b.id));
  const hashOf = manifestColumn(release, 2);
  const items = ordered.map((l) => [l.id, hashOf(l.id)] as [string, string]);
  const sidecar: SplitSidecar = {
    ...pinnedHeader(release, 'medcalc-csv'),
    split,
    splitCount: labels.length,
    splitRoot: splitRootOf(items),
    items,
    rows: ordered.map((l) => [l.id, l.source.row]),
  };
  return { csv: medcalcCsvLines(labels), sidecar: JSON.stringify(sidecar, null, 1) + '\n' };
}

/** One split of a release as JSONL (header line naming the split) and its sidecar. */
export function pinnedSplitJsonl(release: LoadedRelease, split: string): { lines: string[]; sidecar: string } {
  const labels = labelsOfSplit(release, split);
  const body = jsonlLines(labels, { order: 'id' });
  const ids = [...labels].map((l) => l.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hashOf = manifestColumn(release, 3);
  const items = ids.map((id) => [id, hashOf(id)] as [string, string]);
  const head = { ...pinnedHeader(release, 'jsonl'), split, splitCount: labels.length, splitRoot: splitRootOf(items) };
  const sidecar: SplitSidecar = { ...head, items };
  return {
    lines: [JSONL_HEADER_PREFIX + JSON.stringify(head) + '\n', ...body],
    sidecar: JSON.stringify(sidecar, null, 1) + '\n',
  };
}

/** The manifest's hash of an item in one column (2: CSV row, 3: JSONL line). */
function manifestColumn(release: LoadedRelease, column: 2 | 3): (id: string) => string {
  return (id) => {
    const hash = release.record.manifest.items.hashOf(id, column);
    // loadLabels verified the labels against the manifest, so every id is there.
    if (hash === undefined) throw new Error(`release manifest lacks ${id}`);
    return hash;
  };
}

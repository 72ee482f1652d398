import { jsonlLines } from '../exporters/jsonl.js';
import { medcalcCsvLines } from '../exporters/medcalc-csv.js';
import type { LoadedRelease } from './load-labels.js';

export const JSONL_HEADER_PREFIX = '# ';

export interface PinnedHeader {
  steward: 'medcalc-steward';
  name: string;
  version: string;
  root: string;
  count: number;
  format: 'jsonl' | 'medcalc-csv';
}

export function pinnedHeader(
  release: Pick<LoadedRelease, 'record' | 'version'>,
  format: PinnedHeader['format'],
): PinnedHeader {
  return {
    steward: 'medcalc-steward',
    name: release.record.name,
    version: release.version,
    root: release.record.manifest.root,
    count: release.record.manifest.count,
    format,
  };
}

/**
 * A release as JSONL lines whose first is a comment naming the version and root hash ("# {…}"); loaders
 * that do not skip comment lines should drop line 1. Lines, not one text: see jsonlLines.
 */
export function pinnedJsonl(release: LoadedRelease): string[] {
  return [
    JSONL_HEADER_PREFIX + JSON.stringify(pinnedHeader(release, 'jsonl')) + '\n',
    ...jsonlLines(release.labels, { order: 'id' }),
  ];
}

/** A release as MedCalc CSV plus its sidecar: the header facts and which item each Row Number is. */
export function pinnedCsv(release: LoadedRelease): { csv: string[]; sidecar: string } {
  // In the CSV's own row order (medcalcCsvLines sorts by Row Number, then id), so row k of the CSV is item k here.
  const rows = [...release.labels]
    .sort((a, b) => a.source.row - b.source.row || a.id.localeCompare(b.id))
    .map((l) => [l.id, l.source.row] as const);
  return {
    csv: medcalcCsvLines(release.labels),
    sidecar: JSON.stringify({ ...pinnedHeader(release, 'medcalc-csv'), rows }, null, 1) + '\n',
  };
}

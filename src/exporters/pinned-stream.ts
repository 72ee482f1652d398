import { JSONL_HEADER_PREFIX, type PinnedHeader, pinnedHeader } from '../release/pinned-export.js';
import type { ReleaseStream } from '../release/stream-release.js';
import { type ExportFormatSpec, type ExportKey, exportKey } from './format.js';
import type { Sink } from './sink.js';
import { writeSortedExport } from './stream-export.js';

/** A one-pass export (`rowsInOrder`) met a label that sorts before the one written before it. */
export class RowsOutOfOrder extends Error {
  constructor() {
    super('the release is not in the export order: it needs the sorted export');
  }
}

/**
 * A release exported as it is read from git, verified label by label (see openRelease). A format kept in
 * manifest order (JSONL) goes straight from git to `out` after its "# {…}" header line; one in its own
 * order (the MedCalc CSV, by Row Number) waits for the last label, and its sidecar names the item of
 * every row. When a label does not match the manifest, RELEASE_MISMATCH is thrown after the last one:
 * a file output is then never put in place; standard output has had the lines before it.
 *
 * With `rowsInOrder` (for a staged file, which is thrown away when the export fails) a format in its own
 * order is also written as it is read, betting that the labels come in that order already (ids that
 * follow Row Numbers, as imports make them): no line waits in a SpillSorter's file. At the first label
 * that sorts before the one written before it, RowsOutOfOrder is thrown, and the caller starts again
 * without it. Lines in order are what a stable sort leaves as they are, so both give the same bytes.
 */
export async function writePinnedExport(
  release: ReleaseStream,
  format: ExportFormatSpec,
  out: Sink,
  sidecar?: Sink,
  options: { rowsInOrder?: boolean } = {},
): Promise<void> {
  const header = pinnedHeader(release, format.name as PinnedHeader['format']);
  if (format.pinnedInManifestOrder) {
    out.write(JSONL_HEADER_PREFIX + JSON.stringify(header) + '\n' + format.header());
    const fromBytes = format.lineFromCanonicalBytes;
    for await (const released of release.labels()) {
      out.write(
        fromBytes && released.canonical
          ? fromBytes(released.bytes)
          : format.line(released.label, { keysSorted: released.canonical }),
      );
    }
    return;
  }
  const keys = options.rowsInOrder
    ? await writeInOrder(release, format, out)
    : await writeSortedExport(
        async (add) => {
          for await (const { label, canonical } of release.labels()) add({ label, keysSorted: canonical });
        },
        format,
        out,
      );
  // In the CSV's own row order, so row k of the CSV is item k here.
  sidecar?.write(JSON.stringify({ ...header, rows: keys.map((k) => [k.id, k.row]) }, null, 1) + '\n');
}

async function writeInOrder(release: ReleaseStream, format: ExportFormatSpec, out: Sink): Promise<ExportKey[]> {
  const keys: ExportKey[] = [];
  out.write(format.header());
  for await (const released of release.labels()) {
    // A canonical file's row is made from its bytes where the format can (its long texts never decoded).
    const fromBytes = released.canonical ? format.rowFromCanonicalBytes?.(released.bytes) : undefined;
    const label = fromBytes ? fromBytes.label : released.label;
    const key = exportKey(label);
    // Equal keys stay in the order read, as the sorted export's stable sort keeps them.
    if (keys.length > 0 && format.compare(keys[keys.length - 1], key) > 0) throw new RowsOutOfOrder();
    out.write(fromBytes ? fromBytes.row : format.line(label, { keysSorted: released.canonical }));
    keys.push(key);
  }
  return keys;
}

import { JSONL_HEADER_PREFIX, type PinnedHeader, pinnedHeader } from '../release/pinned-export.js';
import type { ReleaseStream } from '../release/stream-release.js';
import type { ExportFormatSpec } from './format.js';
import type { Sink } from './sink.js';
import { writeSortedExport } from './stream-export.js';

/**
 * A release exported as it is read from git, verified label by label (see openRelease). A format kept in
 * manifest order (JSONL) goes straight from git to `out` after its "# {…}" header line; one in its own
 * order (the MedCalc CSV, by Row Number) waits for the last label, and its sidecar names the item of
 * every row. When a label does not match the manifest, RELEASE_MISMATCH is thrown after the last one:
 * a file output is then never put in place; standard output has had the lines before it.
 */
export async function writePinnedExport(
  release: ReleaseStream,
  format: ExportFormatSpec,
  out: Sink,
  sidecar?: Sink,
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
  const keys = await writeSortedExport(
    async (add) => {
      for await (const { label, canonical } of release.labels()) add({ label, keysSorted: canonical });
    },
    format,
    out,
  );
  // In the CSV's own row order, so row k of the CSV is item k here.
  sidecar?.write(JSON.stringify({ ...header, rows: keys.map((k) => [k.id, k.row]) }, null, 1) + '\n');
}

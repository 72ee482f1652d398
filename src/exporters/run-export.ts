import { inputError } from '../errors/index.js';
import { openRelease } from '../release/stream-release.js';
import { exportFormat } from './formats.js';
import { RowsOutOfOrder, writePinnedExport } from './pinned-stream.js';
import { BufferedSink, type Sink, writeStaged } from './sink.js';
import { NotInPathOrder, writePathOrderedExport } from './path-ordered-export.js';
import { workingTreeFeed, writeSortedExport } from './stream-export.js';
import { listLabelFiles } from '../store/read.js';

export interface RunExportOptions {
  dir: string;
  format: string;
  split?: string;
  /** A release version: its labels as released, read from git and verified as they stream. */
  version?: string;
  /** Output file (atomic: a temp file renamed into place); standard output when undefined. */
  out?: string;
  /** Where standard output goes (the CLI's io.out). */
  stdout: (text: string) => void;
}

/**
 * `steward export`, streaming: labels go from git (or the disk) to the output one at a time, so memory does
 * not grow with the benchmark (bench/export-verify.ts measures it at 1M labels). Returns what was exported.
 */
export async function runExport(options: RunExportOptions): Promise<{ version?: string; root?: string }> {
  const format = exportFormat(options.format);
  const { out } = options;
  if (options.version !== undefined) {
    if (options.split)
      throw inputError(
        'SPLIT_WITH_VERSION',
        '--split cannot be combined with --version: a pinned export is the whole release',
        {},
      );
    const needsSidecar = !format.pinnedInManifestOrder;
    if (needsSidecar && !out)
      throw inputError(
        'OUT_REQUIRED',
        'a pinned CSV export needs --out (its sidecar <out>.manifest.json carries the version and root hash)',
        {},
      );
    const release = await openRelease({ dir: options.dir, version: options.version });
    if (out) {
      const paths = needsSidecar ? [out, `${out}.manifest.json`] : [out];
      const write = (rowsInOrder: boolean) =>
        writeStaged(paths, ([main, sidecar]) => writePinnedExport(release, format, main, sidecar, { rowsInOrder }));
      // One pass when the labels come in the export's order (the usual case), a sorted second pass when not.
      await write(true).catch((error: unknown) => {
        if (error instanceof RowsOutOfOrder) return write(false);
        throw error;
      });
    } else {
      const sink = new BufferedSink((bytes) => options.stdout(bytes.toString('utf8')));
      try {
        await writePinnedExport(release, format, sink);
      } finally {
        sink.flush();
      }
    }
    return { version: release.version, root: release.record.manifest.root };
  }
  if (out && format.orderedBySplitAndId) {
    // Straight to the file in the paths' order; a label out of its path's place (or a broken one)
    // throws before the file is put in place, and the export is made again through the sort below.
    const files = await listLabelFiles(options.dir);
    let done = false;
    await writeStaged([out], async ([main]) => {
      done = await writePathOrderedExport(options.dir, files, format, main, { split: options.split });
      if (!done) throw new NotInPathOrder(out);
    }).catch((error: unknown) => {
      if (!(error instanceof NotInPathOrder)) throw error;
    });
    if (done) return {};
  }
  const feed = workingTreeFeed(options.dir);
  if (out)
    await writeStaged([out], ([main]) =>
      writeSortedExport(feed, format, main, { split: options.split }).then(() => {}),
    );
  else {
    const sink = new BufferedSink((bytes) => options.stdout(bytes.toString('utf8')));
    await writeSortedExport(feed, format, sink as Sink, { split: options.split });
    sink.flush();
  }
  return {};
}

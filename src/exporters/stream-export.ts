import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { keysInCanonicalOrder } from '../release/canonical-file.js';
import { forEachLabelFile, listLabelFiles } from '../store/read.js';
import { type ExportFormatSpec, type ExportKey, exportKey } from './format.js';
import type { Sink } from './sink.js';
import { SpillSorter } from './spill.js';

/** A label on its way to an export; `keysSorted` when it was parsed from canonical bytes. */
export interface StreamedLabel {
  label: Label;
  keysSorted: boolean;
}

/** Hands each label to `add` as it is read, keeping none. */
export type LabelFeed = (add: (entry: StreamedLabel) => void) => Promise<void>;

/**
 * An export in the format's order: each label is rendered as it is read and its line waits in a
 * SpillSorter (on disk past a few MB), so memory holds keys, not lines. Nothing is written to `sink`
 * until every label has been read, so a broken label or an empty split fails before any output.
 * Returns the keys in the order written (a pinned CSV's sidecar lists them).
 */
export async function writeSortedExport(
  feed: LabelFeed,
  format: ExportFormatSpec,
  sink: Sink,
  options: { split?: string } = {},
): Promise<ExportKey[]> {
  const sorter = new SpillSorter<ExportKey>(format.compare);
  try {
    await feed(({ label, keysSorted }) => {
      if (options.split === undefined || label.split === options.split)
        sorter.add(exportKey(label), format.line(label, { keysSorted }));
    });
    if (options.split !== undefined && sorter.size === 0)
      throw inputError('UNKNOWN_SPLIT', `no labels in split "${options.split}"`, { split: options.split });
    const keys: ExportKey[] = [];
    sink.write(format.header());
    for (const { key, bytes } of sorter.sortedBytes()) {
      sink.write(bytes);
      keys.push(key);
    }
    return keys;
  } finally {
    sorter.close();
  }
}

/**
 * The working tree's labels, one at a time in path order (the first unreadable file stops it, as readAllLabels does).
 */
export function workingTreeFeed(dir: string): LabelFeed {
  return async (add) => {
    await forEachLabelFile(dir, await listLabelFiles(dir), (f) => {
      if (f.parseError) {
        throw inputError(
          'LABEL_BROKEN_JSON',
          `${f.file}${f.parseError.line ? `:${f.parseError.line}:${f.parseError.column}` : ''}: ` +
            `${f.parseError.message}`,
          {
            file: f.file,
            ...f.parseError,
          },
        );
      }
      add({ label: f.json as Label, keysSorted: keysInCanonicalOrder(f.json) });
    });
  };
}

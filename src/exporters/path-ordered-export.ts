import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { keysInCanonicalOrder } from '../release/canonical-file.js';
import { parseLabelPath } from '../store/paths.js';
import { forEachLabelFile, repoPathOf } from '../store/read.js';
import { type ExportFormatSpec, exportKey } from './format.js';
import type { Sink } from './sink.js';

/**
 * A label whose content names another split or id than its file's path (the paths' order is not the
 * export's), or a file that does not parse (the sorting path reads in path order, so it names the same
 * broken file as before).
 */
export class NotInPathOrder extends Error {}

/**
 * The working tree's export for a format ordered by split and id alone (ExportFormatSpec.orderedBySplitAndId),
 * with no spill file: label files are labels/<split>/<slug>/<id>.json, so the order is known from the
 * paths before a file is read, and each line goes to `sink` as it is made (an export of 100,000 labels
 * wrote its 430 MB twice through the spill file). `files` are listLabelFiles' paths. Each label's
 * split and id are checked against its path; the first that differs (validate refuses such a label,
 * export takes any tree), or the first file that does not parse, throws NotInPathOrder, and the caller,
 * whose `sink` must then be discarded, exports through the sorting path. Every file is read, as there,
 * with --split too. Returns false, having read nothing, when a path is not a label path.
 */
export async function writePathOrderedExport(
  dir: string,
  files: readonly string[],
  format: ExportFormatSpec,
  sink: Sink,
  options: { split?: string } = {},
): Promise<boolean> {
  const repoPath = repoPathOf(dir);
  const placed: { file: string; split: string; id: string; at: number }[] = [];
  for (let at = 0; at < files.length; at++) {
    const parts = parseLabelPath(repoPath(files[at]));
    if (!parts) return false;
    placed.push({ file: files[at], split: parts.split, id: parts.id, at });
  }
  // Ties (one id in two calculators' folders) keep the path order, as the sorting path's ties keep theirs.
  placed.sort(
    (a, b) => format.compare({ id: a.id, split: a.split, row: 0 }, { id: b.id, split: b.split, row: 0 }) || a.at - b.at,
  );
  sink.write(format.header());
  let k = 0;
  let written = 0;
  await forEachLabelFile(
    dir,
    placed.map((p) => p.file),
    (f) => {
      if (f.parseError) throw new NotInPathOrder(f.file);
      const label = f.json as Label;
      const key = exportKey(label);
      if (key.split !== placed[k].split || key.id !== placed[k].id) throw new NotInPathOrder(f.file);
      k++;
      if (options.split !== undefined && key.split !== options.split) return;
      sink.write(format.line(label, { keysSorted: keysInCanonicalOrder(label) }));
      written++;
    },
  );
  if (options.split !== undefined && written === 0)
    throw inputError('UNKNOWN_SPLIT', `no labels in split "${options.split}"`, { split: options.split });
  return true;
}

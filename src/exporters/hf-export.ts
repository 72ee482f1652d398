import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { loadConfig } from '../config/config.js';
import { inputError } from '../errors/index.js';
import { openRepo } from '../git/index.js';
import { citationFactsOf } from '../release/citation.js';
import { type LoadedRelease, loadLabels, readReleaseRecord } from '../release/load-labels.js';
import type { Progress } from '../progress/progress.js';
import { writeFilesAtomically } from '../store/atomic.js';
import { datasetCard, type HfSplitFile, manifestChanges } from './hf-card.js';
import { type HfColumn, hfColumns, parquetSchemaOf } from './hf-columns.js';
import { labelsOfSplit } from './split-export.js';

export interface HfExportOptions {
  dir: string;
  version: string;
  /** The folder to write (README.md and data/); files already there are replaced, others left. */
  out: string;
  /** Only this split. */
  split?: string;
  progress?: Progress;
}

export interface HfExportResult {
  version: string;
  root: string;
  files: HfSplitFile[];
  card: string;
}

/** The Hub's split names: \w+(\.\w+)*. */
export function hfSplitName(split: string): string {
  return split.replace(/[^A-Za-z0-9_.]/g, '_');
}

/** One split's Parquet bytes: one row group, typed columns, the release pinned in the key-value metadata. */
export function splitParquet(
  columns: readonly HfColumn[],
  release: Pick<LoadedRelease, 'version' | 'record'>,
  split: string,
): Buffer {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.name, data: c.data as never })),
    schema: parquetSchemaOf(columns) as never,
    rowGroupSize: Math.max(1, columns[0]?.data.length ?? 1),
    createdBy: 'medcalc-steward',
    kvMetadata: [
      { key: 'medcalc-steward.version', value: release.version },
      { key: 'medcalc-steward.root', value: release.record.manifest.root },
      { key: 'medcalc-steward.label-commit', value: release.record.labelCommit },
      { key: 'medcalc-steward.split', value: split },
    ],
  });
  return Buffer.from(buffer);
}

/**
 * `export --version X --format hf`: a folder `datasets.load_dataset(dir)` reads as it is and the Hub
 * takes unchanged: data/<split>-00000-of-00001.parquet per split and a dataset card README.md. Written
 * from the release's labels verified against its manifest, all files at once or none.
 */
export async function exportHf(options: HfExportOptions): Promise<HfExportResult> {
  const progress = options.progress;
  progress?.phase(`reading release ${options.version}`);
  const release = await loadLabels({ dir: options.dir, version: options.version });
  const splits = options.split ? [options.split] : [...new Set(release.labels.map((l) => l.split))].sort();
  if (splits.length === 0)
    throw inputError('EMPTY_RELEASE', `release ${release.version} has no labels to export`, {
      version: release.version,
    });
  const names = new Map<string, string>();
  for (const split of splits) {
    const name = hfSplitName(split);
    if (names.has(name))
      throw inputError(
        'HF_SPLIT_CLASH',
        `splits "${names.get(name)}" and "${split}" would both be "${name}" on the Hub`,
        { split },
      );
    names.set(name, split);
  }
  const parquet: { path: string; bytes: Buffer }[] = [];
  const files: HfSplitFile[] = [];
  let columns: HfColumn[] = [];
  for (const [k, split] of splits.entries()) {
    const labels = labelsOfSplit(release, split);
    const hfSplit = hfSplitName(split);
    const path = `data/${hfSplit}-00000-of-00001.parquet`;
    progress?.tick(`writing ${path}`, k + 1, splits.length);
    columns = hfColumns(labels);
    parquet.push({ path, bytes: splitParquet(columns, release, split) });
    files.push({ split, hfSplit, path, rows: labels.length });
  }
  const repo = await openRepo({ dir: options.dir });
  const previous = release.record.previousVersion
    ? (await readReleaseRecord(repo, release.record.previousVersion)).record
    : null;
  const config = await loadConfig(options.dir);
  const card = datasetCard({
    record: release.record,
    citation: citationFactsOf(release.record, config, release.commit),
    files,
    columns,
    changes: manifestChanges(release.record, previous),
  });
  await writeFilesAtomically([
    { path: join(options.out, 'README.md'), content: card },
    ...parquet.map((p) => ({ path: join(options.out, p.path), content: p.bytes })),
  ]);
  progress?.end();
  return { version: release.version, root: release.record.manifest.root, files, card };
}

import { inputError } from '../errors/index.js';
import { commitIfRepository } from '../git/commit-if-repository.js';
import { schemaValidator } from '../schema/load.js';
import { findingsFromAjv, formatFinding } from '../schema/findings.js';
import { readAllLabels } from '../store/read.js';
import { pathOfLabel, writeLabels } from '../store/write.js';
import { labelsFromMedcalcCsv } from './medcalc-rows.js';
import { mergeUpload } from './merge.js';
import { readSourceText } from '../core/source-text.js';
import { withRepositoryLock } from '../git/lock.js';

export interface ImportOptions {
  dir: string;
  /** A path or an http(s) URL. */
  source: string;
  split: string;
  sourceVersion?: string;
  dataset?: string;
  /** Commit the written files when dir is a git repository (default true). */
  commit?: boolean;
  message?: string;
  /** Called as the import advances (the CLI draws a progress line on a terminal). */
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface ImportResult {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  notInFile: number;
  /** Repository paths written (empty for a re-import of the same file). */
  written: string[];
  /** The commit made, when there was one. */
  commit: string | null;
}

/**
 * Imports a MedCalc-Bench CSV into labels/<split>/: parse every row, merge with the items already there
 * (matched by Calculator ID + Note ID), check every resulting label against the schema, then write only
 * the files that change, all-or-nothing.
 */
export async function importMedcalcBench(options: ImportOptions): Promise<ImportResult> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'import', () => importMedcalcBenchLocked(options));
}

async function importMedcalcBenchLocked(options: ImportOptions): Promise<ImportResult> {
  const text = await readSourceText(options.source);
  const incoming = labelsFromMedcalcCsv({
    text,
    file: options.source,
    split: options.split,
    sourceVersion: options.sourceVersion,
    dataset: options.dataset,
  });
  options.onProgress?.('parsed rows', incoming.length, incoming.length);
  const existing = (await readAllLabels(options.dir)).map((f) => f.label);
  const plan = mergeUpload(existing, incoming, options.split);
  const validate = schemaValidator('label.schema.json');
  for (const label of plan.labels) {
    const candidate: unknown = label;
    if (!validate(candidate)) {
      const finding = findingsFromAjv(pathOfLabel(label), validate.errors)[0];
      throw inputError(
        'IMPORT_INVALID_LABEL',
        `${options.source}: row ${label.source.row} would make an invalid label: ${formatFinding(finding)}`,
        {
          file: options.source,
          row: label.source.row,
        },
      );
    }
  }
  options.onProgress?.('checked labels', plan.labels.length, plan.labels.length);
  const result = await writeLabels(options.dir, plan.labels);
  options.onProgress?.('written files', result.written.length, result.written.length);
  const commit =
    options.commit === false
      ? null
      : await commitIfRepository({
          dir: options.dir,
          paths: result.written,
          message:
            options.message ??
            `Import ${options.source.split(/[\\/]/).pop()} into split ${options.split}: ${plan.added} added, ` +
              `${plan.updated} updated`,
        });
  return {
    rows: incoming.length,
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    notInFile: plan.notInFile,
    written: result.written,
    commit,
  };
}

import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { readAllLabels } from '../store/read.js';
import { jsonlLines } from './jsonl.js';
import { medcalcCsvLines } from './medcalc-csv.js';

export type ExportFormat = 'medcalc-csv' | 'jsonl';

/** Serialises labels (optionally one split) in a format, as lines; the caller decides where they go. */
export function renderExport(labels: Label[], options: { format: ExportFormat; split?: string }): string[] {
  const chosen = options.split ? labels.filter((l) => l.split === options.split) : labels;
  if (options.split && chosen.length === 0)
    throw inputError('UNKNOWN_SPLIT', `no labels in split "${options.split}"`, { split: options.split });
  return options.format === 'jsonl' ? jsonlLines(chosen) : medcalcCsvLines(chosen);
}

/** The working tree's labels, exported, as lines (each with its line end). */
export async function exportLabelLines(options: {
  dir: string;
  format: ExportFormat;
  split?: string;
}): Promise<string[]> {
  const labels = (await readAllLabels(options.dir)).map((f) => f.label);
  return renderExport(labels, options);
}

/** The working tree's labels, exported, as one text. */
export async function exportLabels(options: { dir: string; format: ExportFormat; split?: string }): Promise<string> {
  return (await exportLabelLines(options)).join('');
}

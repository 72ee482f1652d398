import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { readAllLabels } from '../store/read.js';
import { toJsonl } from './jsonl.js';
import { toMedcalcCsv } from './medcalc-csv.js';

export type ExportFormat = 'medcalc-csv' | 'jsonl';

/** Serialises labels (optionally one split) in a format; the caller decides where the text goes. */
export function renderExport(labels: Label[], options: { format: ExportFormat; split?: string }): string {
  const chosen = options.split ? labels.filter((l) => l.split === options.split) : labels;
  if (options.split && chosen.length === 0) throw inputError('UNKNOWN_SPLIT', `no labels in split "${options.split}"`, { split: options.split });
  return options.format === 'jsonl' ? toJsonl(chosen) : toMedcalcCsv(chosen);
}

/** The working tree's labels, exported. */
export async function exportLabels(options: { dir: string; format: ExportFormat; split?: string }): Promise<string> {
  const labels = (await readAllLabels(options.dir)).map((f) => f.label);
  return renderExport(labels, options);
}

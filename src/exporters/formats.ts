import { inputError } from '../errors/index.js';
import type { ExportFormatSpec } from './format.js';
import { jsonlFormat } from './jsonl.js';
import { medcalcCsvFormat } from './medcalc-csv.js';

/** Every export format by its --format name. */
export const EXPORT_FORMATS: Record<string, ExportFormatSpec> = {
  [medcalcCsvFormat.name]: medcalcCsvFormat,
  [jsonlFormat.name]: jsonlFormat,
};

export function exportFormat(name: string): ExportFormatSpec {
  const format = EXPORT_FORMATS[name];
  if (!format)
    throw inputError(
      'UNKNOWN_FORMAT',
      `unknown export format "${name}" (formats: ${Object.keys(EXPORT_FORMATS).join(', ')})`,
      {},
    );
  return format;
}

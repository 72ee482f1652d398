import { schemaValidator } from '../schema/load.js';
import { type Finding, findingsFromAjv } from '../schema/findings.js';
import type { Label } from '../label/types.js';
import { type LabelFile, readLabelFiles } from '../store/read.js';
import { loadCategories } from '../taxonomy/categories.js';
import { checkLabel } from './cross-checks.js';

export interface ValidationReport {
  files: number;
  valid: number;
  findings: Finding[];
}

/** Validates label files already read: JSON, schema, path and catalog agreement, limits, unique ids. */
export function validateLabelFiles(files: LabelFile[], categories: ReadonlySet<string>): ValidationReport {
  const validate = schemaValidator('label.schema.json');
  const findings: Finding[] = [];
  const idFirstSeen = new Map<string, string>();
  let valid = 0;
  for (const f of files) {
    if (f.parseError) {
      const at = f.parseError.line ? ` (line ${f.parseError.line}, column ${f.parseError.column})` : '';
      findings.push({ file: f.file, pointer: '', code: 'json/parse', message: f.parseError.message + at });
      continue;
    }
    if (!validate(f.json)) {
      findings.push(...findingsFromAjv(f.file, validate.errors));
      continue;
    }
    const label = f.json as Label;
    const own = checkLabel(f.file, label, categories);
    const first = idFirstSeen.get(label.id);
    if (first) own.push({ file: f.file, pointer: '/id', code: 'id/duplicate', message: `id "${label.id}" is also used by ${first}` });
    else idFirstSeen.set(label.id, f.file);
    findings.push(...own);
    if (own.length === 0) valid++;
  }
  return { files: files.length, valid, findings };
}

/** Reads and validates every label under dir (or the given paths). */
export async function validateLabels(options: { dir: string; paths?: string[] }): Promise<ValidationReport> {
  const files = await readLabelFiles(options.dir, { paths: options.paths });
  const categories = await loadCategories(options.dir);
  return validateLabelFiles(files, new Set(categories.map((c) => c.id)));
}

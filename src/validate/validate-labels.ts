import { schemaValidator } from '../schema/load.js';
import { type Finding, findingsFromAjv } from '../schema/findings.js';
import type { Label } from '../label/types.js';
import { forEachLabelFile, type LabelFile, listLabelFiles, repoPathOf } from '../store/read.js';
import { loadCategories } from '../taxonomy/categories.js';
import { checkLabel } from './cross-checks.js';

export interface ValidationReport {
  files: number;
  valid: number;
  findings: Finding[];
}

/** Validates label files already read: JSON, schema, path and catalog agreement, limits, unique ids. */
export function validateLabelFiles(files: LabelFile[], categories: ReadonlySet<string>): ValidationReport {
  const validator = labelValidator(categories, new Map(), (n) => files[n].file);
  for (const f of files) validator.add(f);
  return validator.report();
}

/**
 * The checks of validateLabelFiles one file at a time, so files can be validated as they are read and
 * dropped. Files must come in the order they are to be reported (the first of two equal ids keeps it).
 */
export function labelValidator(
  categories: ReadonlySet<string>,
  /** Ids already taken by labels not passed to `add` (id → where), for the duplicate check. */
  takenIds: ReadonlyMap<string, string> = new Map(),
  /**
   * The path of the n-th file passed to `add` (0-based), when the caller can give it again: then the
   * duplicate check keeps one small number per id instead of a copy of every path (1,000,000 of them
   * in a large benchmark).
   */
  fileAt?: (n: number) => string,
): { add(file: LabelFile): Finding[]; report(): ValidationReport } {
  const validate = schemaValidator('label.schema.json');
  const findings: Finding[] = [];
  const idFirstSeen = new Map<string, number | string>();
  let files = 0;
  let valid = 0;
  return {
    add(f) {
      files++;
      if (f.parseError) {
        const at = f.parseError.line ? ` (line ${f.parseError.line}, column ${f.parseError.column})` : '';
        const own: Finding[] = [{ file: f.file, pointer: '', code: 'json/parse', message: f.parseError.message + at }];
        findings.push(...own);
        return own;
      }
      if (!validate(f.json)) {
        const own = findingsFromAjv(f.file, validate.errors);
        findings.push(...own);
        return own;
      }
      const label = f.json as Label;
      const own = checkLabel(f.file, label, categories);
      const seen = takenIds.get(label.id) || idFirstSeen.get(label.id);
      const first = typeof seen === 'number' ? fileAt?.(seen) : seen;
      if (first)
        own.push({
          file: f.file,
          pointer: '/id',
          code: 'id/duplicate',
          message: `id "${label.id}" is also used by ${first}`,
        });
      else idFirstSeen.set(label.id, fileAt ? files - 1 : f.file);
      findings.push(...own);
      if (own.length === 0) valid++;
      return own;
    },
    report: () => ({ files, valid, findings }),
  };
}

/**
 * Reads and validates every label under dir (or the given paths), streaming: each file is checked as it
 * is read and then dropped, so memory stays flat however many labels there are.
 */
export async function validateLabels(options: {
  dir: string;
  paths?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Sees every file after it is validated, so a caller can keep what it needs of the same single read. */
  onFile?: (file: LabelFile, findings: readonly Finding[]) => void;
  /** Ids of labels not among `paths` (id → where), for the duplicate check. */
  takenIds?: ReadonlyMap<string, string>;
  /** Hand onFile each file's sha256 (LabelFile.sha256), made on the reader thread: a release's manifest needs it. */
  sha256?: boolean;
}): Promise<ValidationReport> {
  const files = await listLabelFiles(options.dir, { paths: options.paths });
  const categories = await loadCategories(options.dir);
  const repoPath = repoPathOf(options.dir);
  const fileAt = (n: number) => repoPath(files[n]);
  const validator = labelValidator(new Set(categories.map((c) => c.id)), options.takenIds, fileAt);
  let done = 0;
  const visit = (f: LabelFile) => {
    const own = validator.add(f);
    options.onFile?.(f, own);
    done++;
    if (options.onProgress && (done % 1000 === 0 || done === files.length)) options.onProgress(done, files.length);
  };
  await forEachLabelFile(options.dir, files, visit, { sha256: options.sha256 });
  return validator.report();
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors/index.js';
import { PACKAGE_SCHEMA_DIR, schemaValidator } from '../schema/load.js';
import { findingsFromAjv, formatFinding } from '../schema/findings.js';

export interface ErrorCategory {
  id: string;
  title: string;
  description: string;
}

/**
 * The error-category taxonomy: the benchmark's own schema/error-categories.json when it has one (a
 * benchmark may extend the taxonomy), else the tool's default.
 */
export async function loadCategories(dir: string): Promise<ErrorCategory[]> {
  const own = join(dir, 'schema', 'error-categories.json');
  let file = own;
  let text = await readFile(own, 'utf8').catch(() => null);
  if (text === null) {
    file = join(PACKAGE_SCHEMA_DIR, 'error-categories.json');
    text = await readFile(file, 'utf8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw inputError('TAXONOMY_BROKEN_JSON', `${file}: invalid JSON: ${(error as Error).message}`, { file });
  }
  const validate = schemaValidator('error-categories.schema.json');
  if (!validate(json)) {
    const first = findingsFromAjv(file, validate.errors)[0];
    throw inputError('TAXONOMY_INVALID', formatFinding(first), { file, pointer: first.pointer });
  }
  return (json as { categories: ErrorCategory[] }).categories;
}

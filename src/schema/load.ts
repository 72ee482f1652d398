import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The package's own schema/ folder (the tool's schemas; a benchmark may extend the taxonomy). */
export const PACKAGE_SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** One strict Ajv instance for the process; schemas compile once and are cached by file name. */
export function schemaValidator(file: string): ValidateFunction {
  const hit = compiled.get(file);
  if (hit) return hit;
  ajv ??= createAjv();
  const schema = JSON.parse(readFileSync(join(PACKAGE_SCHEMA_DIR, file), 'utf8'));
  const validate = ajv.compile(schema);
  compiled.set(file, validate);
  return validate;
}

export function createAjv(): Ajv2020 {
  const instance = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats.default(instance);
  return instance;
}

export type { ErrorObject };

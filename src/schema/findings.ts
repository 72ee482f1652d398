import type { ErrorObject } from 'ajv';

/** A validation finding: data, not an exception, so it can be printed, counted or sent as JSON. */
export interface Finding {
  file: string;
  /** JSON pointer into the file ('' is the whole document). */
  pointer: string;
  code: string;
  message: string;
}

/** Ajv errors as findings. `oneOf` noise from the answer union is narrowed to the branch of the kind. */
export function findingsFromAjv(file: string, errors: ErrorObject[] | null | undefined): Finding[] {
  if (!errors) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') message = `unknown property "${String(e.params.additionalProperty)}"`;
    if (e.keyword === 'required') message = `missing property "${String(e.params.missingProperty)}"`;
    if (e.keyword === 'enum')
      message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    const finding = { file, pointer: e.instancePath, code: `schema/${e.keyword}`, message };
    const key = `${finding.pointer}\u0000${finding.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(finding);
    }
  }
  return out;
}

/** `labels/test/…/test-0001.json /answer/value: must be number` */
export function formatFinding(f: Finding): string {
  return `${f.file} ${f.pointer || '/'}: ${f.message}`;
}

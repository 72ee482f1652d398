import { inputError } from '../errors/index.js';
import { findingsFromAjv, formatFinding } from '../schema/findings.js';
import { schemaValidator } from '../schema/load.js';
import { checkLabel } from '../validate/cross-checks.js';
import type { LabelEntry } from './label-index.js';

/** Every label about to be written is valid (schema and cross-checks), or nothing is written. */
export function assertValidLabels(entries: LabelEntry[], categories: ReadonlySet<string>): void {
  const validate = schemaValidator('label.schema.json');
  for (const { file, label } of entries) {
    const candidate: unknown = label;
    const findings = validate(candidate) ? checkLabel(file, label, categories) : findingsFromAjv(file, validate.errors);
    if (findings.length > 0) {
      throw inputError('INVALID_RESULT', `${label.id} would become invalid: ${formatFinding(findings[0])}`, {
        file,
        pointer: findings[0].pointer,
      });
    }
  }
}

/** Categorical entities: the option a phrase names, under either convention. */
import type { Inputs } from './inputs.js';

export interface ChoiceOptions<T> {
  /** An absent entity is recorded as missing (default); with `absent`, it takes that option's value instead. */
  required?: boolean;
  /** The value of an absent entity ("not reported" scores as this), when not required. */
  absent?: T;
  /** Compare phrases exactly (the default under v1.0, whose dictionary lookups were exact). */
  exact?: boolean;
}

/**
 * Picks the option a categorical entity names (case- and space-insensitive under the reference
 * convention; exact under v1.0, whose dictionary lookups were exact). An unknown phrase is recorded
 * as missing, naming what was found.
 */
export function readChoice<T>(
  inputs: Inputs,
  key: string,
  options: Record<string, T>,
  { required = true, absent, exact = inputs.isV1 }: ChoiceOptions<T> = {},
): { phrase: string; value: T } | undefined {
  const phrase = inputs.text(key, required && absent === undefined);
  if (phrase === undefined) {
    if (absent !== undefined && inputs.raw(key) === undefined) return { phrase: 'not reported', value: absent };
    if (absent !== undefined)
      inputs.missing.push(`${key} (value ${JSON.stringify(inputs.raw(key))} is not a known choice)`);
    return undefined;
  }
  const wanted = exact ? phrase : normalizePhrase(phrase);
  for (const [option, value] of Object.entries(options)) {
    if ((exact ? option : normalizePhrase(option)) === wanted) return { phrase, value };
  }
  inputs.missing.push(`${key} (unrecognized value '${phrase}')`);
  return undefined;
}

function normalizePhrase(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

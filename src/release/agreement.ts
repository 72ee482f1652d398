import type { Label, Signoff } from '../label/types.js';

/** Sign-offs that carry a physician's own value (the ground truth the release statistics use), oldest first. */
export function physicianValues(label: Label, physicianRoles: readonly string[]): Signoff[] {
  return label.signoffs
    .filter((s) => physicianRoles.includes(s.role) && s.parsedValue !== undefined)
    .sort((a, b) => a.time.localeCompare(b.time));
}

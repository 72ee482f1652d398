import type { KeyObject } from 'node:crypto';
import type { Label, Signoff } from '../label/types.js';
import { contentHash } from '../store/canonical.js';
import { amendLabel } from './amend.js';
import type { PhysicianValue } from './physician-value.js';
import type { Reviewer } from './reviewer.js';
import { signSignoff } from './sign.js';

export interface SignoffRequest {
  decision: Signoff['decision'];
  /** The physician's own value as written, and as read (undefined when it could not be read). */
  value?: string;
  parsedValue?: PhysicianValue;
  /** For `amend`: the value the label becomes when it is not `parsedValue` (a panel's decided value). */
  amendTo?: PhysicianValue;
  note?: string;
  time: string;
}

/**
 * True when the label's last sign-off is this request already, bound to the label as it is now (same
 * reviewer, role, decision, value and note): a re-run of a sign-off whose commit landed before the
 * command was killed must not sign twice.
 */
export function alreadySignedOff(label: Label, reviewer: Reviewer, request: SignoffRequest): boolean {
  const last = label.signoffs[label.signoffs.length - 1];
  if (!last || last.reviewer !== reviewer.id || last.role !== reviewer.role) return false;
  if (last.decision !== request.decision) return false;
  return last.value === request.value && last.note === request.note && last.contentHash === contentHash(label);
}

/**
 * The label with one more signed sign-off. `amend` first makes the physician's value the answer, so
 * the sign-off approves (and its hash binds) the amended content.
 */
export function applySignoff(label: Label, reviewer: Reviewer, request: SignoffRequest, key: KeyObject): Label {
  let next = label;
  if (request.decision === 'amend') {
    const value = request.amendTo !== undefined ? request.amendTo : request.parsedValue;
    if (value === undefined) throw new TypeError(`amend of ${label.id} needs a physician value`);
    next = amendLabel(label, value, { reviewer: reviewer.id, note: request.note, time: request.time });
  }
  const signoff = signSignoff(
    label.id,
    {
      reviewer: reviewer.id,
      role: reviewer.role,
      decision: request.decision,
      ...(request.value !== undefined ? { value: request.value } : {}),
      ...(request.parsedValue !== undefined ? { parsedValue: request.parsedValue } : {}),
      ...(request.note !== undefined ? { note: request.note } : {}),
      time: request.time,
      contentHash: contentHash(next),
    },
    key,
  );
  return { ...next, signoffs: [...next.signoffs, signoff] };
}

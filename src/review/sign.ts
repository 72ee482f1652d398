import { type KeyObject, sign } from 'node:crypto';
import type { Signoff } from '../label/types.js';
import { type SignedFields, signedBytes } from './signed-bytes.js';

/** A complete sign-off: the fields with an ed25519 signature (base64) over `signedBytes`. */
export function signSignoff(labelId: string, fields: SignedFields, privateKey: KeyObject): Signoff {
  const signature = sign(null, signedBytes(labelId, fields), privateKey).toString('base64');
  const out: Signoff = {
    reviewer: fields.reviewer,
    role: fields.role,
    decision: fields.decision,
    time: fields.time,
    contentHash: fields.contentHash,
    signature,
  };
  if (fields.value !== undefined) out.value = fields.value;
  if (fields.parsedValue !== undefined) out.parsedValue = fields.parsedValue;
  if (fields.note !== undefined) out.note = fields.note;
  return out;
}

import type { Signoff } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';

/** The fields of a sign-off that its signature covers (everything but the signature), plus the label id. */
export type SignedFields = Omit<Signoff, 'signature'>;

/**
 * The exact bytes an ed25519 sign-off signature covers: the UTF-8 encoding of the canonical JSON
 * (`canonicalJson`: keys sorted, 2-space indent, LF line ends, a trailing newline, absent fields left
 * out, `null` kept) of exactly
 *
 *   { reviewer, role, decision, value, parsedValue, note, time, contentHash, labelId }
 *
 * `contentHash` binds the sign-off to the label's content (everything but its sign-offs), `labelId`
 * keeps a signature from being copied onto another label with the same content. The fields are picked
 * one by one so that a field added to Signoff later never changes what old signatures cover.
 */
export function signedBytes(labelId: string, s: SignedFields): Uint8Array {
  const payload = {
    reviewer: s.reviewer,
    role: s.role,
    decision: s.decision,
    value: s.value,
    parsedValue: s.parsedValue,
    note: s.note,
    time: s.time,
    contentHash: s.contentHash,
    labelId,
  };
  return new TextEncoder().encode(canonicalJson(payload));
}

import { verify } from 'node:crypto';
import type { Label, Signoff } from '../label/types.js';
import { contentHash } from '../store/canonical.js';
import { publicKeyFromText } from './keys.js';
import type { SignoffProblem } from './problems.js';
import type { Reviewer } from './reviewer.js';
import { signedBytes } from './signed-bytes.js';

export interface SignoffVerdict {
  /** The signature verifies against the reviewer's registered key. */
  signatureValid: boolean;
  /** Signed a different content hash than the label has now. */
  stale: boolean;
  reviewer?: Reviewer;
  /** Empty when the sign-off is sound and current. */
  problems: SignoffProblem[];
}

export type ReviewerRegistry = ReadonlyMap<string, Reviewer> | readonly Reviewer[];

/**
 * Checks one sign-off of a label: the reviewer is registered, the signature verifies with the
 * registered key over `signedBytes`, the role signed is the role registered, and the content hash
 * signed is the label's current one (else the sign-off is stale: the label changed after it).
 * `hash` may pass the label's content hash when the caller has it already.
 */
export function verifySignoff(
  label: Label,
  signoff: Signoff,
  reviewers: ReviewerRegistry,
  hash: string = contentHash(label),
): SignoffVerdict {
  const registry =
    reviewers instanceof Map ? reviewers : new Map((reviewers as readonly Reviewer[]).map((r) => [r.id, r]));
  const who = signoff.reviewer;
  const stale = signoff.contentHash !== hash;
  const problems: SignoffProblem[] = [];
  const reviewer = registry.get(who);
  if (!reviewer) {
    problems.push({
      code: 'unknown-reviewer',
      reviewer: who,
      message: `sign-off by "${who}", who is not a registered reviewer (no reviewers/${who}.json)`,
    });
    if (stale) problems.push(staleProblem(signoff));
    return { signatureValid: false, stale, problems };
  }
  const signatureValid = checkSignature(label.id, signoff, reviewer.publicKey);
  if (!signatureValid) {
    problems.push({
      code: 'bad-signature',
      reviewer: who,
      message:
        `sign-off by ${who} (${signoff.decision}, ${signoff.time}): the signature does not verify against the key ` +
        `registered in reviewers/${who}.json`,
    });
  }
  if (signoff.role !== reviewer.role) {
    problems.push({
      code: 'role-mismatch',
      reviewer: who,
      message: `sign-off by ${who} says role "${signoff.role}", but the reviewer is registered as "${reviewer.role}"`,
    });
  }
  if (stale) problems.push(staleProblem(signoff));
  return { signatureValid, stale, reviewer, problems };
}

function staleProblem(signoff: Signoff): SignoffProblem {
  return {
    code: 'stale-signoff',
    reviewer: signoff.reviewer,
    message:
      `sign-off by ${signoff.reviewer} (${signoff.decision}, ${signoff.time}) is stale: it approved content ` +
      `${signoff.contentHash.slice(0, 19)}…, and the label has changed since`,
  };
}

function checkSignature(labelId: string, signoff: Signoff, publicKey: string): boolean {
  const key = publicKeyFromText(publicKey);
  if (!key || typeof signoff.signature !== 'string') return false;
  const signature = Buffer.from(signoff.signature, 'base64');
  if (signature.length !== 64 || signature.toString('base64') !== signoff.signature) return false;
  try {
    return verify(null, signedBytes(labelId, signoff), key, signature);
  } catch {
    return false;
  }
}

import type { Label, Signoff } from '../label/types.js';
import type { Reviewer } from '../review/reviewer.js';
import { verifySignoff } from '../review/verify-signoff.js';
import { canonicalJson } from '../store/canonical.js';
import type { CheckProblem } from './problems.js';

/** How one sign-off of a label stands against the trust root. */
export interface SignoffStanding {
  index: number;
  signoff: Signoff;
  /** Registered at the trust root, signature verifies with the root's key, role as registered there. */
  authentic: boolean;
  signatureValid: boolean;
  /** Signed a different content hash than the label has now. */
  stale: boolean;
  /** The same sign-off is in the label at the base (so it was accepted before; revocation spares it). */
  atBase: boolean;
  /** A later sign-off by the same reviewer, or (for a reject) the policy's quorum after it, replaces it. */
  superseded: boolean;
  /** The key it is verified with (approvals are counted by key, not by id). */
  publicKey?: string;
  /** The reviewer proposed the revision this sign-off would approve. */
  selfApproval: boolean;
  problems: CheckProblem[];
}

export interface StandingOptions {
  label: Label;
  base: Label | null;
  hash: string;
  /** The registry of the trust root (the base in a pull request). */
  reviewers: ReadonlyMap<string, Reviewer>;
  /** The trust root as people name it, for messages ("v1.0.0", a short oid). */
  root: string;
  physicianRoles: readonly string[];
  /** Physicians (distinct keys) whose later approval overrules a reject. */
  quorum: number;
}

/**
 * Every sign-off judged against the trust root: who signed (registered there, with that key and
 * role, not revoked before signing), on what (current content or stale), and whether it still stands.
 * Sign-offs at the base must all be there, unchanged and in order: they are append-only.
 */
export function signoffStandings(o: StandingOptions): { standings: SignoffStanding[]; lost: CheckProblem[] } {
  const { label, reviewers, root } = o;
  const baseSignoffs = o.base?.signoffs ?? [];
  const lost: CheckProblem[] = [];
  const headTexts = label.signoffs.map((s) => canonicalJson(s));
  baseSignoffs.forEach((s, i) => {
    if (headTexts[i] === canonicalJson(s)) return;
    const moved = headTexts.includes(canonicalJson(s));
    lost.push({
      code: 'signoff-lost',
      reviewer: s.reviewer,
      message:
        `the ${s.decision} by ${s.reviewer} (${s.time}) at the base ${root} was ` +
        `${moved ? 'moved' : 'removed or changed'}: sign-offs are append-only; a decision is changed only by a ` +
        `later signed one`,
    });
  });
  const atBaseCount = lost.length === 0 ? baseSignoffs.length : 0;
  const baseSet = new Set(baseSignoffs.map((s) => canonicalJson(s)));
  const proposer = label.revision?.proposer;

  const standings: SignoffStanding[] = label.signoffs.map((s, index) => {
    const verdict = verifySignoff(label, s, reviewers, o.hash);
    const reviewer = verdict.reviewer;
    const atBase = index < atBaseCount || (lost.length > 0 && baseSet.has(headTexts[index]));
    const problems: CheckProblem[] = [];
    const what = `the ${s.decision} by ${s.reviewer} (${s.time})`;
    for (const p of verdict.problems) {
      if (p.code === 'unknown-reviewer')
        problems.push({
          code: p.code,
          reviewer: s.reviewer,
          message:
            `${what} does not count: ${s.reviewer} is not registered at the base ${root} (a reviewer added in a ` +
            `pull request signs only once that is merged)`,
        });
      else if (p.code === 'bad-signature')
        problems.push({
          code: p.code,
          reviewer: s.reviewer,
          message:
            `${what} does not count: the signature does not verify against the key registered for ${s.reviewer} at ` +
            `the base ${root}`,
        });
      else if (p.code === 'role-mismatch')
        problems.push({
          code: p.code,
          reviewer: s.reviewer,
          message:
            `${what} does not count: it says role "${s.role}", but ${s.reviewer} is registered at the base ${root} ` +
            `as "${reviewer!.role}"`,
        });
      else problems.push({ code: p.code, reviewer: s.reviewer, message: p.message });
    }
    if (reviewer?.revoked && !atBase) {
      problems.push({
        code: 'revoked-reviewer',
        reviewer: s.reviewer,
        message:
          `${what} does not count: ${s.reviewer} was revoked by ${reviewer.revoked.by} (${reviewer.revoked.time}) ` +
          `and this sign-off is not at the base ${root}`,
      });
    }
    const authentic =
      reviewer !== undefined &&
      verdict.signatureValid &&
      s.role === reviewer.role &&
      !problems.some((p) => p.code === 'revoked-reviewer');
    const selfApproval =
      authentic &&
      proposer !== undefined &&
      (s.decision === 'approve' || s.decision === 'amend') &&
      isProposer(proposer, reviewer!);
    return {
      index,
      signoff: s,
      authentic,
      signatureValid: verdict.signatureValid,
      stale: verdict.stale,
      atBase,
      superseded: false,
      publicKey: reviewer?.publicKey,
      selfApproval,
      problems,
    };
  });

  // Superseded: a later authentic decision by the same reviewer; for a reject also the quorum of
  // physicians (distinct keys, none of them the proposer) approving the current content after it.
  const lastIndexOf = new Map<string, number>();
  for (const st of standings) if (st.authentic) lastIndexOf.set(st.signoff.reviewer, st.index);
  for (const st of standings) {
    const last = lastIndexOf.get(st.signoff.reviewer);
    if (last !== undefined && last > st.index) st.superseded = true;
  }
  for (const st of standings) {
    if (!st.superseded && st.signoff.decision === 'reject' && st.authentic) {
      const later = currentApprovals(
        standings.filter((x) => x.index > st.index && lastIndexOf.get(x.signoff.reviewer) === x.index),
        reviewers,
        o.physicianRoles,
      );
      if (later.keys.size >= Math.max(1, o.quorum)) st.superseded = true;
    }
  }
  return { standings, lost };
}

/**
 * Physician approve/amend sign-offs that count now: authentic, current, the reviewer's latest, not self-approvals; by
 * distinct key.
 */
export function currentApprovals(
  standings: readonly SignoffStanding[],
  reviewers: ReadonlyMap<string, Reviewer>,
  physicianRoles: readonly string[],
): { reviewers: string[]; keys: Set<string> } {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const st of standings) {
    const s = st.signoff;
    if (!st.authentic || st.stale || st.superseded || st.selfApproval) continue;
    if (s.decision !== 'approve' && s.decision !== 'amend') continue;
    if (!physicianRoles.includes(reviewers.get(s.reviewer)!.role)) continue;
    out.push(s.reviewer);
    keys.add(st.publicKey!);
  }
  return { reviewers: out, keys };
}

/** A revision's proposer is a reviewer when it names their id or their name ("Name" or "Name <email>"). */
export function isProposer(proposer: string, reviewer: Reviewer): boolean {
  const p = proposer.trim();
  return p === reviewer.id || p === reviewer.name || p.startsWith(`${reviewer.name} <`);
}

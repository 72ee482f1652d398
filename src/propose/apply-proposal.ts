import { withinTolerance } from '../label/answer.js';
import type { Label, Revision } from '../label/types.js';
import { answerKindOf, answerOf, type ProposedValue, sameAnswer } from '../core/answer-kind.js';
import { relabelExplanation } from '../core/explanation.js';

export type ProposalOutcome = 'confirmed' | 'relabeled' | 'incomputable' | 'unchanged';

export interface Proposal {
  value: ProposedValue;
  category: string;
  rationale: string;
  evidence?: string;
  contentious?: boolean;
  /** The new answer's explanation (--explanation, or the verifier's); see relabelExplanation for the fallbacks. */
  explanation?: string;
  /** Whether `rationale` is the verifier's own words (then it may serve as the explanation). */
  rationaleFromVerifier?: boolean;
}

export interface ProposalMeta {
  /** "Name <email>". */
  proposer: string;
  verifier?: string;
  /** ISO 8601. */
  time: string;
}

export interface AppliedProposal {
  outcome: ProposalOutcome;
  /** The label after the proposal (the same object when nothing changes). */
  label: Label;
}

/**
 * Applies one proposed value to a label. With `confirmWithinTolerance` (batches from verifiers), a
 * value inside the current label's tolerance confirms it: an original label becomes `confirmed` with
 * its answer kept and no revision; a label that is already confirmed or relabeled is left as it is
 * (`unchanged`). Otherwise (and for a single proposal, whenever the answer differs at all) the answer
 * becomes the proposed one with the kind's limits, the status `relabeled` or `incomputable`, and the
 * revision records the previous answer, the proposal and who made it. Sign-offs are kept: they now
 * name an older content hash, so `check` reports them stale until the physicians look again.
 */
export function applyProposal(
  label: Label,
  proposal: Proposal,
  meta: ProposalMeta,
  options: { confirmWithinTolerance: boolean },
): AppliedProposal {
  const answer = answerOf(answerKindOf(label), proposal.value);
  if (options.confirmWithinTolerance && withinTolerance(label.answer, proposal.value)) {
    if (label.status !== 'original') return { outcome: 'unchanged', label };
    return { outcome: 'confirmed', label: { ...label, status: 'confirmed' } };
  }
  if (sameAnswer(label.answer, answer)) return { outcome: 'unchanged', label };
  const revision: Revision = {
    previous: label.answer,
    proposed: answer,
    category: proposal.category,
    rationale: proposal.rationale,
    proposer: meta.proposer,
    time: meta.time,
  };
  if (proposal.evidence !== undefined) revision.evidence = proposal.evidence;
  if (meta.verifier !== undefined) revision.verifier = meta.verifier;
  if (proposal.contentious) revision.contentious = true;
  // The old explanation explains the old answer (revision.previous): it moves into the revision with it.
  revision.previousExplanation = label.explanation;
  const explanation = relabelExplanation(label, answer, {
    explanation: proposal.explanation,
    rationale: proposal.rationaleFromVerifier ? proposal.rationale : undefined,
    by: meta.verifier ? `verifier ${meta.verifier}` : meta.proposer,
    reason: proposal.rationale,
  });
  const outcome = answer.kind === 'incomputable' ? 'incomputable' : 'relabeled';
  return { outcome, label: { ...label, answer, status: outcome, revision, explanation } };
}

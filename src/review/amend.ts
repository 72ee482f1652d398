import { answerKindOf, answerOf } from '../core/answer-kind.js';
import { relabelExplanation, traceExplanation } from '../core/explanation.js';
import type { Revision } from '../label/types.js';
import type { Label } from '../label/types.js';
import { answerValueOf, type PhysicianValue } from './physician-value.js';

export interface AmendMeta {
  reviewer: string;
  note?: string;
  time: string;
}

/**
 * The label with a physician's value as its answer. The relabel record keeps what was proposed
 * (`revision.proposed`, which release statistics compare with physician values); a label amended
 * without any proposal gets a revision of its own, left `unclassified` for a maintainer.
 */
export function amendLabel(label: Label, value: PhysicianValue, meta: AmendMeta): Label {
  const kind = answerKindOf(label);
  const answer = answerOf(kind, value === null ? null : answerValueOf(kind, value));
  const revision: Revision = label.revision
    ? { ...label.revision, proposed: label.revision.proposed ?? label.answer }
    : {
        previous: label.answer,
        category: 'unclassified',
        rationale: `Amended by physician ${meta.reviewer}${meta.note ? `: ${meta.note}` : ''}`,
        proposer: meta.reviewer,
        time: meta.time,
      };
  // The explanation follows the answer: a physician's value gets its own (the calculator's trace when it
  // reproduces the value), and the first explanation stays in the revision.
  revision.previousExplanation ??= label.explanation;
  const byPhysician = {
    rationale: meta.note ? `Set by physician ${meta.reviewer}: ${meta.note}` : undefined,
    by: `physician ${meta.reviewer}`,
  };
  const explanation =
    (answer.kind !== 'incomputable' ? traceExplanation(label, answer) : undefined) ??
    relabelExplanation(label, answer, byPhysician);
  return {
    ...label,
    answer,
    status: answer.kind === 'incomputable' ? 'incomputable' : 'relabeled',
    revision,
    explanation,
  };
}

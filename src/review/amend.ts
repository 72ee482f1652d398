import { answerKindOf, answerOf } from '../propose/answer-kind.js';
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
  const revision = label.revision
    ? { ...label.revision, proposed: label.revision.proposed ?? label.answer }
    : {
        previous: label.answer,
        category: 'unclassified',
        rationale: `Amended by physician ${meta.reviewer}${meta.note ? `: ${meta.note}` : ''}`,
        proposer: meta.reviewer,
        time: meta.time,
      };
  return { ...label, answer, status: answer.kind === 'incomputable' ? 'incomputable' : 'relabeled', revision };
}

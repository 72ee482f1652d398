import { auditLabel } from '../audit/classify.js';
import type { LabelCheck } from '../check/evaluate-label.js';
import type { Label } from '../label/types.js';

/**
 * Why an item is in a reviewer's queue: a relabel nobody has signed yet, their own sign-off gone stale
 * (the label changed after it), a relabel that has a physician but needs another (contentious), or
 * done (their current sign-off stands).
 */
export type QueueStatus = 'proposed' | 'stale' | 'second-physician' | 'done';

export interface QueueEntry {
  id: string;
  calculator: { id: number; name: string };
  status: QueueStatus;
  /** The audit's priority of the answer under review (higher first). */
  priority: number;
  outcome: string;
  crossesThreshold: boolean;
  /** The reviewer's own current decision, when done. */
  decision?: string;
}

/**
 * The items that need `reviewer`'s decision, from the gate's own verdict (`steward check`), in the
 * audit's triage order: what is in question is the answer before the relabel, so that is what the
 * audit ranks (a proposal that moves a score across a treatment threshold first). Without a reviewer,
 * every relabel still short of its sign-offs.
 */
export function buildQueue(
  checks: readonly LabelCheck[],
  labels: ReadonlyMap<string, Label>,
  reviewer?: string,
): QueueEntry[] {
  const out: (QueueEntry & { order: number })[] = [];
  for (const check of checks) {
    const label = labels.get(check.id);
    if (!label || !check.calculator) continue;
    const status = statusFor(check, reviewer);
    if (!status) continue;
    const ranked = auditLabel(label.revision ? { ...label, answer: label.revision.previous } : label);
    const mine = reviewer ? check.signoffs.find((s) => s.reviewer === reviewer && !s.superseded) : undefined;
    out.push({
      id: check.id,
      calculator: check.calculator,
      status,
      priority: ranked.priority,
      outcome: ranked.outcome,
      crossesThreshold: ranked.crossesThreshold,
      ...(status === 'done' && mine ? { decision: mine.decision } : {}),
      order: out.length,
    });
  }
  out.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.map(({ order: _order, ...entry }) => entry);
}

function statusFor(check: LabelCheck, reviewer: string | undefined): QueueStatus | undefined {
  const mine = reviewer ? check.signoffs.find((s) => s.reviewer === reviewer && !s.superseded) : undefined;
  if (mine?.signatureValid && !mine.stale) return check.needsSignoff ? 'done' : undefined;
  if (mine?.stale) return 'stale';
  if (!reviewer && check.signoffs.some((s) => s.stale && !s.superseded)) return 'stale';
  if (!check.needsSignoff || check.approvedBy.length >= check.required) return undefined;
  return check.approvedBy.length > 0 ? 'second-physician' : 'proposed';
}

import type { SignoffPolicy } from '../config/config.js';
import { formatAnswerValue } from '../label/answer.js';
import type { Answer, Label, LabelStatus, Revision, Signoff } from '../label/types.js';
import type { Finding } from '../schema/findings.js';
import { canonicalJson, contentHash } from '../store/canonical.js';
import type { Reviewer } from '../review/reviewer.js';
import { verifySignoff } from '../review/verify-signoff.js';
import type { CheckProblem } from './problems.js';

export type LabelChange = 'added' | 'modified' | 'removed' | 'unchanged';

export interface SignoffStatus {
  reviewer: string;
  role: string;
  decision: Signoff['decision'];
  time: string;
  value?: string;
  signatureValid: boolean;
  stale: boolean;
  /** A later sign-off by the same reviewer on this label replaces this one. */
  superseded: boolean;
}

export interface LabelCheck {
  id: string;
  file: string;
  /** `unchanged` labels are listed only when they have problems (a broken signature, a stale sign-off). */
  changed: LabelChange;
  /** At least one sound, current physician approve/amend. */
  physicianSigned: boolean;
  /** A relabel allowed on its verifier alone (policy.allowVerifierOnly), without physician sign-off. */
  verifierOnly: boolean;
  /** The change is a relabel: the policy asks for physician sign-off. */
  needsSignoff: boolean;
  required: number;
  /** Physicians whose latest sign-off on the label is a sound, current approve or amend. */
  approvedBy: string[];
  problems: CheckProblem[];
  calculator?: { id: number; name: string };
  status?: LabelStatus;
  before: Answer | null;
  after: Answer | null;
  revision: Revision | null;
  signoffs: SignoffStatus[];
}

export interface EvaluateLabelOptions {
  id: string;
  file: string;
  change: LabelChange;
  /** The label now (null when removed or unreadable). */
  label: Label | null;
  /** The label at the base (null when added). */
  base: Label | null;
  /** Validation findings of the file now. */
  findings: Finding[];
  reviewers: ReadonlyMap<string, Reviewer>;
  policy: SignoffPolicy;
}

/**
 * The gate for one label. Every label: valid, and each sign-off from a registered reviewer with a
 * signature that verifies and a content hash that is current (unless the same reviewer signed again
 * later). A changed label that is a relabel (its answer or revision differs from the base) also needs
 * `policy.relabel` physicians (`policy.contentious` when marked contentious) whose latest sign-off is
 * an approve or amend, none whose latest is a reject; with `policy.allowVerifierOnly`, a relabel with a
 * verifier and no physician sign-off passes, flagged `verifierOnly`.
 */
export function evaluateLabel(o: EvaluateLabelOptions): LabelCheck {
  const { label, base, policy } = o;
  const shown = label ?? base;
  const out: LabelCheck = {
    id: o.id,
    file: o.file,
    changed: o.change,
    physicianSigned: false,
    verifierOnly: false,
    needsSignoff: false,
    required: 0,
    approvedBy: [],
    problems: [],
    before: base?.answer ?? null,
    after: label?.answer ?? null,
    revision: label?.revision ?? null,
    signoffs: [],
  };
  if (shown?.calculator) out.calculator = { id: shown.calculator.id, name: shown.calculator.name };
  if (label?.status) out.status = label.status;
  if (o.change === 'removed') {
    out.problems.push({ code: 'removed', message: 'the label file was removed; items are never deleted (mark the item incomputable instead)' });
    return out;
  }
  for (const f of o.findings) out.problems.push({ code: 'invalid-label', message: `${f.pointer || '/'}: ${f.message}`, pointer: f.pointer });
  if (!label || o.findings.some((f) => f.code.startsWith('json/') || f.code.startsWith('schema/'))) return out;

  const hash = label.signoffs.length > 0 ? contentHash(label) : '';
  const lastIndexOf = new Map<string, number>();
  label.signoffs.forEach((s, i) => lastIndexOf.set(s.reviewer, i));
  const sound = new Set<number>();
  label.signoffs.forEach((s, i) => {
    const verdict = verifySignoff(label, s, o.reviewers, hash);
    const superseded = lastIndexOf.get(s.reviewer) !== i;
    const status: SignoffStatus = { reviewer: s.reviewer, role: s.role, decision: s.decision, time: s.time, signatureValid: verdict.signatureValid, stale: verdict.stale, superseded };
    if (s.value !== undefined) status.value = s.value;
    out.signoffs.push(status);
    for (const p of verdict.problems) if (!(p.code === 'stale-signoff' && superseded)) out.problems.push({ code: p.code, message: p.message, reviewer: p.reviewer });
    if (verdict.problems.length === 0) sound.add(i);
  });
  const latest = [...lastIndexOf.values()].filter((i) => sound.has(i)).map((i) => ({ s: label.signoffs[i], role: o.reviewers.get(label.signoffs[i].reviewer)!.role }));
  out.approvedBy = latest.filter((x) => policy.physicianRoles.includes(x.role) && (x.s.decision === 'approve' || x.s.decision === 'amend')).map((x) => x.s.reviewer);
  out.physicianSigned = out.approvedBy.length > 0;
  if (o.change === 'unchanged') return out;

  for (const x of latest.filter((l) => l.s.decision === 'reject')) {
    out.problems.push({ code: 'rejected', reviewer: x.s.reviewer, message: `rejected by ${x.s.reviewer} (${x.s.time})${x.s.note ? `: ${x.s.note}` : ''}` });
  }
  const answerChanged = base !== null && canonicalJson(base.answer) !== canonicalJson(label.answer);
  const revisionChanged = canonicalJson(base?.revision ?? null) !== canonicalJson(label.revision);
  if (answerChanged && !revisionChanged) {
    out.problems.push({
      code: 'unrecorded-change',
      message: `the answer changed (${formatAnswerValue(base!.answer)} → ${formatAnswerValue(label.answer)}) without a new revision record; use steward propose`,
    });
  }
  out.needsSignoff = answerChanged || (revisionChanged && label.revision !== null);
  if (!out.needsSignoff) return out;
  out.required = label.revision?.contentious ? policy.contentious : policy.relabel;
  if (out.approvedBy.length >= out.required) return out;
  // A verifier may stand in for an absent physician, never for one who rejected the label.
  const rejected = out.problems.some((p) => p.code === 'rejected');
  if (policy.allowVerifierOnly && out.approvedBy.length === 0 && label.revision?.verifier && !rejected) {
    out.verifierOnly = true;
    return out;
  }
  const contentious = label.revision?.contentious ? ' (marked contentious)' : '';
  out.problems.push({
    code: 'missing-signoff',
    message: `a relabel${contentious} needs ${out.required} physician sign-off(s) (approve or amend), has ${out.approvedBy.length}${out.approvedBy.length ? ` (${out.approvedBy.join(', ')})` : ''}`,
  });
  return out;
}

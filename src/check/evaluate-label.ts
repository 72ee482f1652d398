import type { SignoffPolicy } from '../config/config.js';
import { formatAnswerValue } from '../label/answer.js';
import type { Answer, Label, LabelStatus, Revision, Signoff } from '../label/types.js';
import type { Reviewer } from '../review/reviewer.js';
import type { Finding } from '../schema/findings.js';
import { canonicalJson, contentHash } from '../store/canonical.js';
import type { CheckProblem } from './problems.js';
import { insaneAnswer } from './sane-answer.js';
import { currentApprovals, signoffStandings } from './signoff-standing.js';

export type LabelChange = 'added' | 'modified' | 'removed' | 'unchanged';

export interface SignoffStatus {
  reviewer: string;
  role: string;
  decision: Signoff['decision'];
  time: string;
  value?: string;
  signatureValid: boolean;
  stale: boolean;
  /** A later sign-off by the same reviewer on this label (or, for a reject, the policy's quorum) replaces this one. */
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
  /** The change needs sign-off under the policy: new, or any content changed (a confirmation alone does not). */
  needsSignoff: boolean;
  required: number;
  /** Physicians whose latest sign-off on the label is a sound, current approve or amend (distinct keys count). */
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
  /** The trust root's registry: sign-offs are verified against it, never against the tree checked. */
  reviewers: ReadonlyMap<string, Reviewer>;
  /** The trust root's policy. */
  policy: SignoffPolicy;
  /** The trust root as people name it (a tag, a short oid) for messages. */
  root?: string;
  /** False for a first release: a label added as imported (status original, no revision) needs no sign-off. */
  addedOriginalsNeedSignoff?: boolean;
}

/** Content fields a confirmation may change: only its status, from original to confirmed. */
function isConfirmation(base: Label, label: Label): boolean {
  return (
    base.status === 'original' &&
    label.status === 'confirmed' &&
    contentHash({ ...label, status: 'original' }) === contentHash(base)
  );
}

/**
 * The gate for one label, against the trust root (the base). Every label: valid, and each sign-off
 * registered at the root, with the root's key and role, current, and every sign-off of the base still
 * there. A label that is new, or whose content (anything but its sign-offs: answer, limits, note,
 * question, entities, explanation, source, revision, status) differs from the base, needs
 * `policy.relabel` physician approvals (`policy.contentious` when marked contentious at either side),
 * counted by distinct key, not from the proposer, and no reject in force; its answer must be sane.
 */
export function evaluateLabel(o: EvaluateLabelOptions): LabelCheck {
  const { label, base, policy } = o;
  const root = o.root ?? 'base';
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
    out.problems.push({
      code: 'removed',
      message:
        `the label file was removed (it is at the base ${root}); items are never deleted (mark the item ` +
        `incomputable instead)`,
    });
    return out;
  }
  for (const f of o.findings)
    out.problems.push({ code: 'invalid-label', message: `${f.pointer || '/'}: ${f.message}`, pointer: f.pointer });
  if (!label || o.findings.some((f) => f.code.startsWith('json/') || f.code.startsWith('schema/'))) return out;

  const contentious = Boolean(label.revision?.contentious || base?.revision?.contentious);
  const quorum = contentious ? policy.contentious : policy.relabel;
  // The content hash serves sign-offs and the comparison with the base: a label added without
  // sign-offs (every label of a first release) needs neither, and hashing it is most of its check.
  const hash = label.signoffs.length > 0 || base ? contentHash(label) : '';
  const { standings, lost } = signoffStandings({
    label,
    base,
    hash,
    reviewers: o.reviewers,
    root,
    physicianRoles: policy.physicianRoles,
    quorum,
  });
  out.problems.push(...lost);
  for (const st of standings) {
    const s = st.signoff;
    const status: SignoffStatus = {
      reviewer: s.reviewer,
      role: s.role,
      decision: s.decision,
      time: s.time,
      signatureValid: st.signatureValid,
      stale: st.stale,
      superseded: st.superseded,
    };
    if (s.value !== undefined) status.value = s.value;
    out.signoffs.push(status);
    for (const p of st.problems) if (!(p.code === 'stale-signoff' && st.superseded)) out.problems.push(p);
  }
  const approvals = currentApprovals(standings, o.reviewers, policy.physicianRoles);
  out.approvedBy = approvals.reviewers;
  out.physicianSigned = approvals.keys.size > 0;
  if (o.change === 'unchanged') return out;

  for (const st of standings.filter((x) => x.selfApproval && !x.superseded)) {
    out.problems.push({
      code: 'self-approval',
      reviewer: st.signoff.reviewer,
      message:
        `the ${st.signoff.decision} by ${st.signoff.reviewer} (${st.signoff.time}) does not count: ` +
        `${st.signoff.reviewer} proposed this revision (proposer "${label.revision!.proposer}") and cannot approve ` +
        `it`,
    });
  }
  const rejected = standings.filter((x) => x.authentic && x.signoff.decision === 'reject' && !x.superseded);
  for (const x of rejected) {
    out.problems.push({
      code: 'rejected',
      reviewer: x.signoff.reviewer,
      message:
        `rejected by ${x.signoff.reviewer} (${x.signoff.time})${x.signoff.note ? `: ${x.signoff.note}` : ''}; in ` +
        `force until ${x.signoff.reviewer} or ${quorum} other physician(s) sign a later decision`,
    });
  }

  const added = base === null;
  const contentChanged = !added && contentHash(base) !== hash;
  const answerChanged = !added && canonicalJson(base.answer) !== canonicalJson(label.answer);
  const revisionChanged = canonicalJson(base?.revision ?? null) !== canonicalJson(label.revision);
  if (answerChanged && !revisionChanged) {
    out.problems.push({
      code: 'unrecorded-change',
      message:
        `the answer changed (${formatAnswerValue(base!.answer)} → ${formatAnswerValue(label.answer)}) without a ` +
        `new revision record; use steward propose`,
    });
  }
  const importedOriginal =
    added &&
    o.addedOriginalsNeedSignoff === false &&
    label.status === 'original' &&
    label.revision === null &&
    label.signoffs.length === 0;
  out.needsSignoff = added ? !importedOriginal : contentChanged && !isConfirmation(base, label);
  if (!out.needsSignoff) return out;
  const insane = insaneAnswer(label.answer);
  if (insane) out.problems.push({ code: 'insane-answer', message: `${insane}; refused whatever its sign-offs` });
  // Never fewer than one: a policy of 0 would let anything through.
  out.required = Math.max(1, quorum);
  if (approvals.keys.size >= out.required) return out;
  // A verifier may stand in for an absent physician when the base's policy allows it: only for a new
  // revision that changes nothing but the answer and status, and never for one who rejected the label.
  // (In a first release, a label imported with a verifier's relabel on it is such a revision.)
  // A relabel carries its own explanation (the previous one moves into the revision record), so the
  // explanation changes with the answer; every other field must be the base's.
  const onlyAnswer =
    added ||
    contentHash({
      ...label,
      answer: base.answer,
      status: base.status,
      revision: base.revision,
      explanation: base.explanation,
    }) === contentHash(base);
  const onlyAnswerAllowed = added ? o.addedOriginalsNeedSignoff === false : onlyAnswer;
  if (
    policy.allowVerifierOnly &&
    approvals.keys.size === 0 &&
    label.revision?.verifier &&
    revisionChanged &&
    onlyAnswerAllowed &&
    rejected.length === 0
  ) {
    out.verifierOnly = true;
    return out;
  }
  const shared =
    out.approvedBy.length > approvals.keys.size
      ? `; ${out.approvedBy.join(', ')} share keys, so they count as ${approvals.keys.size}`
      : '';
  const what = added ? 'a new label' : label.revision && revisionChanged ? 'a relabel' : 'a content change';
  out.problems.push({
    code: 'missing-signoff',
    message:
      `${what}${contentious ? ' (marked contentious)' : ''} needs ${out.required} physician sign-off(s) (approve ` +
      `or amend) by reviewers registered at the base ${root}, has ` +
      `${approvals.keys.size}${out.approvedBy.length ? ` (${out.approvedBy.join(', ')})` : ''}${shared}`,
  });
  return out;
}

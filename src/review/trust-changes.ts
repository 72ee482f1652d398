import type { SignoffPolicy } from '../config/config.js';
import { canonicalJson } from '../store/canonical.js';
import {
  POLICY_SUBJECT,
  type TrustChangeRecord,
  changeRecordSignatureValid,
  parseChangeRecord,
  stateHash,
} from './change-record.js';
import { type Reviewer, reviewerPath, reviewerProblems } from './reviewer.js';
import type { TrustState } from './registry-at.js';

import { MAINTAINER_ROLE, describePolicyChange, policyProblem } from './signoff-policy.js';

export { MAINTAINER_ROLE } from './signoff-policy.js';

export type TrustProblemCode =
  | 'unsigned-trust-change'
  | 'bad-change-record'
  | 'change-record-signer'
  | 'change-record-mismatch'
  | 'change-record-altered'
  | 'reviewer-removed'
  | 'duplicate-key'
  | 'invalid-reviewer'
  | 'stray-file'
  | 'mixed-trust-root-change';

export interface TrustProblem {
  code: TrustProblemCode;
  /** The file at fault: a reviewer file, a change record, or steward.config.json. */
  file: string;
  /** The reviewer concerned (the subject changed, or the signer of a record). */
  reviewer?: string;
  message: string;
}

/** One change to the trust root between base and head, and the records that sign it. */
export interface TrustChange {
  subject: string;
  file: string;
  change: 'added' | 'modified' | 'removed';
  signedBy: { record: string; action: string; signer: string }[];
}

export interface TrustVerdict {
  changes: TrustChange[];
  problems: TrustProblem[];
  /** The registry and policy once every verified record is applied to the base's. */
  reviewers: Map<string, Reviewer>;
  policy: SignoffPolicy;
}

/**
 * Verifies the trust-root changes from base to head: every reviewer file or policy that differs must be
 * explained by change records new in head, applied in time order, each signed by a maintainer who is
 * registered (and not revoked) in the registry as it stands when the record applies, starting from the
 * base's. Records are append-only; reviewers are revoked, never deleted; a public key is registered
 * under one id only. Pure: both states are given.
 */
export function verifyTrustChanges(base: TrustState, head: TrustState): TrustVerdict {
  const problems: TrustProblem[] = [];
  for (const p of head.problems) problems.push({ code: 'invalid-reviewer', file: p.file, message: p.message });
  for (const file of head.strays.filter((f) => !base.strays.includes(f))) {
    problems.push({
      code: 'stray-file',
      file,
      message:
        `${file}: only reviewer files (reviewers/<id>.json) and change records (reviewers/changes/*.json) belong ` +
        `under reviewers/`,
    });
  }
  for (const [file, text] of base.records) {
    const now = head.records.get(file);
    if (now !== text)
      problems.push({
        code: 'change-record-altered',
        file,
        message:
          `${file}: a change record at the base was ${now === undefined ? 'removed' : 'changed'}; change records ` +
          `are append-only`,
      });
  }

  const reviewers = new Map(base.reviewers);
  let policy = base.policy;
  const signedBy = new Map<string, TrustChange['signedBy']>();
  const fresh: { file: string; record: TrustChangeRecord }[] = [];
  for (const [file, text] of head.records) {
    if (base.records.has(file)) continue;
    const parsed = parseChangeRecord(file, text);
    if (typeof parsed === 'string') problems.push({ code: 'bad-change-record', file, message: parsed });
    else fresh.push({ file, record: parsed });
  }
  fresh.sort((a, b) =>
    a.record.time < b.record.time ? -1 : a.record.time > b.record.time ? 1 : a.file < b.file ? -1 : 1,
  );
  for (const { file, record } of fresh) {
    const why = refusal(record, reviewers, policy);
    if (why) {
      problems.push({
        code: why.code,
        file,
        reviewer: why.code === 'change-record-signer' ? record.signer : record.subject,
        message: `${file} (${record.action} ${record.subject}, signed by ${record.signer}): ${why.message}`,
      });
      continue;
    }
    if (record.action === 'set-policy') policy = record.after as SignoffPolicy;
    else reviewers.set(record.subject, record.after as Reviewer);
    const list = signedBy.get(record.subject) ?? [];
    list.push({ record: file, action: record.action, signer: record.signer });
    signedBy.set(record.subject, list);
  }

  const changes: TrustChange[] = [];
  const ids = [
    ...new Set([
      ...base.reviewers.keys(),
      ...head.reviewers.keys(),
      ...head.problems.map((p) => p.file.slice('reviewers/'.length, -'.json'.length)),
    ]),
  ].sort();
  for (const id of ids) {
    const before = base.reviewers.get(id);
    const after = head.reviewers.get(id);
    const file = reviewerPath(id);
    const broken = head.problems.some((p) => p.file === file);
    if (!broken && canonicalJson(before ?? null) === canonicalJson(after ?? null)) continue;
    const change = before === undefined ? 'added' : after === undefined && !broken ? 'removed' : 'modified';
    changes.push({ subject: id, file, change, signedBy: signedBy.get(id) ?? [] });
    if (broken) continue;
    if (change === 'removed') {
      problems.push({
        code: 'reviewer-removed',
        file,
        reviewer: id,
        message:
          `${file} was removed: a reviewer is revoked (steward reviewer revoke ${id}), never deleted, so the ` +
          `sign-offs already made stay verifiable`,
      });
      continue;
    }
    const expected = reviewers.get(id);
    if (canonicalJson(expected ?? null) === canonicalJson(after ?? null)) continue;
    problems.push(
      signedBy.has(id)
        ? {
            code: 'change-record-mismatch',
            file,
            reviewer: id,
            message: `${file} differs from what its signed change record says (${signedBy
              .get(id)!
              .map((s) => s.record)
              .join(', ')})`,
          }
        : {
            code: 'unsigned-trust-change',
            file,
            reviewer: id,
            message:
              `${file} ${change} without a change record signed by a maintainer registered at the base (steward ` +
              `reviewer ${change === 'added' ? 'add' : 'add --replace'} ${id} --signer <maintainer> --signer-key ` +
              `<key>)`,
          },
    );
  }
  for (const [id, r] of reviewers) {
    if (!head.reviewers.has(id) && !head.problems.some((p) => p.file === reviewerPath(id)) && !base.reviewers.has(id)) {
      problems.push({
        code: 'change-record-mismatch',
        file: reviewerPath(id),
        reviewer: id,
        message: `a change record registers ${r.id}, but ${reviewerPath(id)} is missing`,
      });
    }
  }
  if (canonicalJson(base.policy) !== canonicalJson(head.policy)) {
    changes.push({
      subject: POLICY_SUBJECT,
      file: 'steward.config.json',
      change: 'modified',
      signedBy: signedBy.get(POLICY_SUBJECT) ?? [],
    });
    if (canonicalJson(policy) !== canonicalJson(head.policy)) {
      problems.push(
        signedBy.has(POLICY_SUBJECT)
          ? {
              code: 'change-record-mismatch',
              file: 'steward.config.json',
              message: 'steward.config.json: the policy differs from what its signed change record says',
            }
          : {
              code: 'unsigned-trust-change',
              file: 'steward.config.json',
              message:
                `steward.config.json: the sign-off policy changed ` +
                `(${describePolicyChange(base.policy, head.policy)}) without a change record signed by a ` +
                `maintainer registered at the base (steward reviewer set-policy)`,
            },
      );
    }
  } else if (signedBy.has(POLICY_SUBJECT) && canonicalJson(policy) !== canonicalJson(head.policy)) {
    problems.push({
      code: 'change-record-mismatch',
      file: 'steward.config.json',
      message: 'a set-policy record changes the policy, but steward.config.json does not',
    });
  }
  return {
    changes,
    problems,
    reviewers: problems.length === 0 ? reviewers : new Map(base.reviewers),
    policy: problems.length === 0 ? policy : base.policy,
  };
}

/** Why a record cannot apply to the registry and policy as they stand; undefined when it can. */
function refusal(
  record: TrustChangeRecord,
  reviewers: ReadonlyMap<string, Reviewer>,
  policy: SignoffPolicy,
): { code: TrustProblemCode; message: string } | undefined {
  const signer = reviewers.get(record.signer);
  if (!signer)
    return {
      code: 'change-record-signer',
      message: `the signer ${record.signer} is not a registered reviewer at the base`,
    };
  if (signer.role !== MAINTAINER_ROLE)
    return {
      code: 'change-record-signer',
      message:
        `the signer ${record.signer} is registered as "${signer.role}", and only a ${MAINTAINER_ROLE} may change ` +
        `the trust root`,
    };
  if (signer.revoked)
    return {
      code: 'change-record-signer',
      message: `the signer ${record.signer} was revoked (${signer.revoked.time})`,
    };
  if (!changeRecordSignatureValid(record, signer.publicKey))
    return {
      code: 'change-record-signer',
      message: `the signature does not verify against the key registered for ${record.signer}`,
    };
  const mismatch = (message: string) => ({ code: 'change-record-mismatch' as const, message });
  if (record.action === 'set-policy') {
    if (record.subject !== POLICY_SUBJECT) return mismatch(`a set-policy record's subject is "${POLICY_SUBJECT}"`);
    if (record.before !== stateHash(policy)) return mismatch('it replaces a different policy than the one in force');
    const bad = policyProblem(record.after as SignoffPolicy);
    return bad ? mismatch(bad) : undefined;
  }
  const after = record.after as Reviewer;
  const file = reviewerPath(record.subject);
  const current = reviewers.get(record.subject);
  const invalid = reviewerProblems(file, after);
  if (invalid.length > 0) return mismatch(invalid.map((p) => p.message).join('; '));
  if (record.action === 'add') {
    if (current) return mismatch(`${record.subject} is registered already`);
    if (record.before !== null) return mismatch('an add record replaces nothing (before: null)');
  } else {
    if (!current) return mismatch(`${record.subject} is not registered`);
    if (record.before !== stateHash(current))
      return mismatch(`it replaces a different ${file} than the one registered`);
    if (current.revoked)
      return mismatch(`${record.subject} was revoked; a revoked reviewer stays revoked (register a new id)`);
  }
  if (record.action === 'revoke') {
    const { revoked, ...rest } = after;
    if (!revoked || revoked.by !== record.signer || canonicalJson(rest) !== canonicalJson(current))
      return mismatch('a revoke record changes nothing but the revoked field, set by its signer');
  } else if (after.revoked) {
    return mismatch('only a revoke record sets revoked');
  }
  for (const [id, other] of reviewers) {
    if (id !== record.subject && other.publicKey === after.publicKey)
      return { code: 'duplicate-key', message: `the public key is registered already as ${id}; one key, one reviewer` };
  }
  return undefined;
}

import { join } from 'node:path';
import { loadConfig, type SignoffPolicy } from '../config/config.js';
import { type ChangedPath, changedPaths, openRepo, resolveCommit, WORKTREE } from '../git/index.js';
import type { Label } from '../label/types.js';
import { readReviewers, type ReviewerFileProblem } from '../review/reviewer.js';
import { parseLabelPath } from '../store/paths.js';
import { type LabelFile, forEachLabelFile, listLabelFiles, parseLabelText } from '../store/read.js';
import { loadCategories } from '../taxonomy/categories.js';
import type { Finding } from '../schema/findings.js';
import { labelValidator } from '../validate/validate-labels.js';
import { defaultBase } from './default-base.js';
import { type LabelChange, type LabelCheck, evaluateLabel } from './evaluate-label.js';

export interface RunCheckOptions {
  dir: string;
  /** Tag, branch (origin/main), commit. Default: the latest v<semver> tag, else the first commit. */
  base?: string;
  /** Let relabels with a verifier and no physician sign-off pass (flagged); also policy.allowVerifierOnly. */
  allowVerifierOnly?: boolean;
  /**
   * The label changes since the base with their text, when the caller has them already: a release on a
   * clean tree diffs its previous tag with HEAD, which needs no scan of the working tree.
   */
  changes?: ChangedPath[];
  /** Sees every label file as it is read and checked, so a caller (a release) needs no second read. */
  onFile?: (file: LabelFile, info: { change: LabelChange; findings: readonly Finding[] }) => void;
  /**
   * Check only these label files (repository paths), the others being known to pass: a release passes
   * the files changed since the previous release, whose checks the rest passed under the same rules.
   */
  paths?: string[];
  /** With `paths`: the ids of the label files left out (id → where), so a duplicate id is still found. */
  takenIds?: ReadonlyMap<string, string>;
}

export interface CheckResult {
  passed: boolean;
  /** The base as named (a tag, a ref, or the first commit's oid); null in a repository without commits. */
  base: string | null;
  baseCommit: string | null;
  policy: SignoffPolicy;
  /** Changed labels, and unchanged ones that have problems; sorted by id. */
  labels: LabelCheck[];
  reviewerProblems: ReviewerFileProblem[];
  /** Reviewer files added, changed or removed since the base: a reviewer must not be approved by the same PR that uses them unnoticed. */
  reviewersChanged: { file: string; change: string }[];
  summary: { changed: number; withProblems: number; needSignoff: number; physicianSigned: number; verifierOnly: number };
}

/**
 * The pull-request gate: every label valid; every sign-off from a registered reviewer, with a
 * verifying signature, not stale; every label changed since the base carries the sign-offs the policy
 * asks for. Labels are compared as they are on disk (the PR's head in CI).
 */
export async function runCheck(options: RunCheckOptions): Promise<CheckResult> {
  const { dir } = options;
  const repo = await openRepo({ dir });
  const base = options.base !== undefined ? { ref: options.base, commit: await resolveCommit(repo, options.base) } : await defaultBase(repo);
  const config = await loadConfig(dir);
  const policy: SignoffPolicy = { ...config.policy, allowVerifierOnly: Boolean(options.allowVerifierOnly || config.policy.allowVerifierOnly) };
  const [categories, { reviewers, problems: reviewerProblems }] = await Promise.all([loadCategories(dir), readReviewers(dir)]);
  const validator = labelValidator(new Set(categories.map((c) => c.id)), options.takenIds);

  const changes = new Map<string, ChangedPath>();
  let reviewersChanged: CheckResult['reviewersChanged'] = [];
  if (base) {
    const labelChanges = options.changes ?? (await changedPaths(repo, { from: base.commit, to: WORKTREE, prefix: 'labels', withContent: 'old' }));
    for (const c of labelChanges) if (parseLabelPath(c.path)) changes.set(c.path, c);
    reviewersChanged = (await changedPaths(repo, { from: base.commit, to: WORKTREE, prefix: 'reviewers' })).map((c) => ({ file: c.path, change: c.change }));
  }

  // One streaming pass: each file is validated, checked and handed on, then dropped, so memory stays flat.
  const labels: LabelCheck[] = [];
  const files = options.paths ? options.paths.map((p) => join(dir, p)).sort() : await listLabelFiles(dir);
  await forEachLabelFile(dir, files, (f) => {
    const findings = validator.add(f);
    const parts = parseLabelPath(f.file);
    const id = (f.json as Label | undefined)?.id ?? parts?.id ?? f.file;
    const change: LabelChange = !base ? 'added' : (changes.get(f.file)?.change ?? 'unchanged');
    const check = evaluateLabel({
      id,
      file: f.file,
      change,
      label: f.parseError ? null : (f.json as Label),
      base: parseSide(changes.get(f.file)?.oldText),
      findings,
      reviewers,
      policy,
    });
    if (change !== 'unchanged' || check.problems.length > 0) labels.push(check);
    options.onFile?.(f, { change, findings });
  });
  for (const c of changes.values()) {
    if (c.change !== 'removed') continue;
    const before = parseSide(c.oldText);
    labels.push(evaluateLabel({ id: before?.id ?? parseLabelPath(c.path)!.id, file: c.path, change: 'removed', label: null, base: before, findings: [], reviewers, policy }));
  }
  labels.sort((a, b) => a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
  const withProblems = labels.filter((l) => l.problems.length > 0).length;
  return {
    passed: withProblems === 0 && reviewerProblems.length === 0,
    base: base?.ref ?? null,
    baseCommit: base?.commit ?? null,
    policy,
    labels,
    reviewerProblems,
    reviewersChanged,
    summary: {
      changed: labels.filter((l) => l.changed !== 'unchanged').length,
      withProblems,
      needSignoff: labels.filter((l) => l.needsSignoff).length,
      physicianSigned: labels.filter((l) => l.needsSignoff && l.physicianSigned).length,
      verifierOnly: labels.filter((l) => l.verifierOnly).length,
    },
  };
}

function parseSide(text: string | undefined): Label | null {
  if (text === undefined) return null;
  const parsed = parseLabelText('', text);
  return parsed.parseError ? null : (parsed.json as Label);
}

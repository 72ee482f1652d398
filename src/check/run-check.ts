import { loadConfig, type SignoffPolicy } from '../config/config.js';
import { type ChangedPath, changedPaths, openRepo, resolveCommit, WORKTREE } from '../git/index.js';
import type { Label } from '../label/types.js';
import { readReviewers, type ReviewerFileProblem } from '../review/reviewer.js';
import { parseLabelPath } from '../store/paths.js';
import { type LabelFile, parseLabelText, readLabelFiles } from '../store/read.js';
import { loadCategories } from '../taxonomy/categories.js';
import { validateLabelFiles } from '../validate/validate-labels.js';
import { defaultBase } from './default-base.js';
import { type LabelChange, type LabelCheck, evaluateLabel } from './evaluate-label.js';

export interface RunCheckOptions {
  dir: string;
  /** Tag, branch (origin/main), commit. Default: the latest v<semver> tag, else the first commit. */
  base?: string;
  /** Let relabels with a verifier and no physician sign-off pass (flagged); also policy.allowVerifierOnly. */
  allowVerifierOnly?: boolean;
  /** The label files, when the caller has already read them (a release reads them once for everything). */
  files?: LabelFile[];
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
  const [files, categories, { reviewers, problems: reviewerProblems }] = await Promise.all([options.files ?? readLabelFiles(dir), loadCategories(dir), readReviewers(dir)]);
  const report = validateLabelFiles(files, new Set(categories.map((c) => c.id)));
  const findingsByFile = groupBy(report.findings, (f) => f.file);

  const changes = new Map<string, ChangedPath>();
  let reviewersChanged: CheckResult['reviewersChanged'] = [];
  if (base) {
    const labelChanges = await changedPaths(repo, { from: base.commit, to: WORKTREE, prefix: 'labels', withContent: true });
    for (const c of labelChanges) if (parseLabelPath(c.path)) changes.set(c.path, c);
    reviewersChanged = (await changedPaths(repo, { from: base.commit, to: WORKTREE, prefix: 'reviewers' })).map((c) => ({ file: c.path, change: c.change }));
  }

  const labels: LabelCheck[] = [];
  for (const f of files) {
    const parts = parseLabelPath(f.file);
    const id = (f.json as Label | undefined)?.id ?? parts?.id ?? f.file;
    const change: LabelChange = !base ? 'added' : (changes.get(f.file)?.change ?? 'unchanged');
    const check = evaluateLabel({
      id,
      file: f.file,
      change,
      label: f.parseError ? null : (f.json as Label),
      base: parseSide(changes.get(f.file)?.oldText),
      findings: findingsByFile.get(f.file) ?? [],
      reviewers,
      policy,
    });
    if (change !== 'unchanged' || check.problems.length > 0) labels.push(check);
  }
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

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

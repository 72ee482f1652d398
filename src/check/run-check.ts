import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, type SignoffPolicy } from '../config/config.js';
import { type ChangedPath, changedPaths, openRepo, type Repo, WORKTREE } from '../git/index.js';
import { lsTree } from '../git/stream-labels.js';
import type { Label } from '../label/types.js';
import { trustStateAt, trustStateOnDisk } from '../review/registry-at.js';
import { type Reviewer, readReviewers, type ReviewerFileProblem } from '../review/reviewer.js';
import { MAINTAINER_ROLE, type TrustChange, type TrustProblem, verifyTrustChanges } from '../review/trust-changes.js';
import { parseLabelPath } from '../store/paths.js';
import { type LabelFile, forEachLabelFile, listLabelFiles, parseLabelText } from '../store/read.js';
import { loadCategories } from '../taxonomy/categories.js';
import type { Finding } from '../schema/findings.js';
import { labelValidator } from '../validate/validate-labels.js';
import { type LabelChange, type LabelCheck, evaluateLabel } from './evaluate-label.js';
import { shortRef } from './format-check.js';
import { resolveTrustRoot } from './trust-root.js';

export interface RunCheckOptions {
  dir: string;
  /** Tag, branch (origin/main), commit. Default: the latest release tag vX.Y.Z, else the first commit. */
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
  /** Hand onFile each file's sha256 (LabelFile.sha256), made on the reader thread: a release's manifest needs it. */
  sha256?: boolean;
  /**
   * The commit whose labels are on disk, when the caller found the tree clean and its label files the
   * commit's (a release: labelFilesNotCommitted): what changed since the base is then a diff of two
   * commits, and nothing to diff at all when the base has no labels (a first release), instead of a
   * diff of the base against every file of the working tree (1,000,000 entries in a large benchmark).
   */
  committedOnDisk?: string;
  /** The label files to read (absolute paths in listLabelFiles' order), when the caller listed them already. */
  files?: readonly string[];
  /**
   * Check only these label files (repository paths), the others being known to pass: a release passes
   * the files changed since the previous release, whose checks the rest passed under the same rules.
   */
  paths?: string[];
  /** With `paths`: the ids of the label files left out (id → where), so a duplicate id is still found. */
  takenIds?: ReadonlyMap<string, string>;
  /**
   * 'pr' (default): a pull request, judged by the base's reviewers and policy only; a trust-root change
   * must come alone. 'release': the range since the previous release (or, for a first release, the
   * root commit), where trust-root and label changes were merged one after another; reviewer and policy
   * changes count once their signed change records verify, and labels imported as they were published
   * (status original, no revision, no sign-offs) need no sign-off in a first release.
   */
  purpose?: 'pr' | 'release';
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
  /**
   * Reviewer files added, changed or removed since the base: a reviewer must not be approved by the same PR that uses
   * them unnoticed.
   */
  reviewersChanged: { file: string; change: string }[];
  /** Whose reviewers and policy the check trusted: the base commit, or null without git (the working tree's own). */
  trustRoot: { ref: string; commit: string } | null;
  /**
   * Changes to reviewers/ or the policy since the base (a trust-root pull request), with the records that sign them.
   */
  trustChanges: TrustChange[];
  /** Unsigned or badly signed trust-root changes, or a trust-root change mixed with label changes. */
  trustProblems: TrustProblem[];
  summary: {
    changed: number;
    withProblems: number;
    needSignoff: number;
    physicianSigned: number;
    verifierOnly: number;
  };
}

/**
 * The pull-request gate: every label valid; every sign-off from a reviewer registered at the base,
 * verifying with the base's key, in the base's role, not stale; every label new or changed since the
 * base carries the sign-offs the base's policy asks for; every reviewer or policy change is signed by a
 * maintainer registered at the base and comes in a pull request of its own. Labels are compared as
 * they are on disk (the PR's head in CI). Fails closed: with a .git, HEAD and the base must resolve.
 */
export async function runCheck(options: RunCheckOptions): Promise<CheckResult> {
  const { dir } = options;
  const purpose = options.purpose ?? 'pr';
  const hasGit = await stat(join(dir, '.git')).then(
    () => true,
    () => false,
  );
  const repo = hasGit ? await openRepo({ dir }) : null;
  const root = repo ? await resolveTrustRoot(repo, options.base) : null;
  const base = root ? { ref: root.ref, commit: root.commit } : null;

  // The trust root: reviewers and policy as committed at the base, never as the tree checked has them.
  let reviewers: ReadonlyMap<string, Reviewer>;
  let rootPolicy: SignoffPolicy;
  let reviewerProblems: ReviewerFileProblem[];
  let trustChanges: TrustChange[] = [];
  let trustProblems: TrustProblem[] = [];
  if (repo && root) {
    const [atBase, onDisk] = await Promise.all([trustStateAt(repo, root.commit), trustStateOnDisk(repo)]);
    const verdict = verifyTrustChanges(atBase, onDisk);
    reviewerProblems = onDisk.problems;
    trustChanges = verdict.changes;
    trustProblems = verdict.problems.filter((p) => p.code !== 'invalid-reviewer');
    reviewers = purpose === 'release' ? verdict.reviewers : atBase.reviewers;
    rootPolicy = purpose === 'release' ? verdict.policy : atBase.policy;
    if (purpose === 'release' && !hasMaintainer(atBase.reviewers)) {
      // A benchmark without a maintainer at its trust root has nobody to sign a trust change: its
      // release trusts its own branch (the changes stay listed as unsigned). With a maintainer, never.
      trustProblems = trustProblems.filter((p) => p.code !== 'unsigned-trust-change');
      if (trustProblems.length === 0) {
        reviewers = onDisk.reviewers;
        rootPolicy = onDisk.policy;
      }
    }
  } else {
    // No git: no base to trust, so the folder's own reviewers and policy (the result says so).
    const [config, read] = await Promise.all([loadConfig(dir), readReviewers(dir)]);
    reviewers = read.reviewers;
    reviewerProblems = read.problems;
    rootPolicy = config.policy;
  }
  const policy: SignoffPolicy = {
    ...rootPolicy,
    allowVerifierOnly: Boolean(options.allowVerifierOnly || rootPolicy.allowVerifierOnly),
  };
  const rootName = base ? shortRef(base.ref) : 'working tree';
  const addedOriginalsNeedSignoff = !(purpose === 'release' && root?.isRootCommit);
  const categories = await loadCategories(dir);
  const validator = labelValidator(new Set(categories.map((c) => c.id)), options.takenIds);

  const changes = new Map<string, ChangedPath>();
  // Every label file is new when the base has none and the files on disk are a commit's.
  let allAdded = false;
  if (repo && base) {
    const onDisk = options.committedOnDisk;
    allAdded = !options.changes && onDisk !== undefined && !(await hasLabelFiles(repo, base.commit));
    const labelChanges =
      options.changes ??
      (allAdded
        ? []
        : await changedPaths(repo, {
            from: base.commit,
            to: onDisk ?? WORKTREE,
            prefix: 'labels',
            withContent: 'old',
          }));
    for (const c of labelChanges) if (parseLabelPath(c.path)) changes.set(c.path, c);
  }
  const reviewersChanged = trustChanges.map((c) => ({ file: c.file, change: c.change }));
  if (purpose === 'pr' && trustChanges.length > 0 && changes.size > 0) {
    trustProblems.push({
      code: 'mixed-trust-root-change',
      file: trustChanges[0].file,
      message:
        `this pull request changes the trust root (${trustChanges.map((c) => `${c.file} ${c.change}`).join(', ')}) ` +
        `and ${changes.size} label file(s): a reviewer or policy change is its own pull request, merged before any ` +
        `sign-off relies on it`,
    });
  }

  // One streaming pass: each file is validated, checked and handed on, then dropped, so memory stays flat.
  // A release asks only for the labels with problems (its refusal lists them) and the counts: at 1M
  // labels, keeping every label's check would hold a result per label in memory.
  const labels: LabelCheck[] = [];
  const summary = { changed: 0, withProblems: 0, needSignoff: 0, physicianSigned: 0, verifierOnly: 0 };
  const keep = (check: LabelCheck) => {
    if (check.changed !== 'unchanged') summary.changed++;
    if (check.problems.length > 0) summary.withProblems++;
    if (check.needsSignoff) summary.needSignoff++;
    if (check.needsSignoff && check.physicianSigned) summary.physicianSigned++;
    if (check.verifierOnly) summary.verifierOnly++;
    if (purpose !== 'release' || check.problems.length > 0) labels.push(check);
  };
  const files = options.paths
    ? options.paths.map((p) => join(dir, p)).sort()
    : (options.files ?? (await listLabelFiles(dir)));
  const visit = (f: LabelFile) => {
    const findings = validator.add(f);
    const parts = parseLabelPath(f.file);
    const id = (f.json as Label | undefined)?.id ?? parts?.id ?? f.file;
    const change: LabelChange = !base || allAdded ? 'added' : (changes.get(f.file)?.change ?? 'unchanged');
    const check = evaluateLabel({
      id,
      file: f.file,
      change,
      label: f.parseError ? null : (f.json as Label),
      // An unchanged file is its base version, byte for byte (so its sign-offs are all at the base).
      base: change === 'unchanged' && !f.parseError ? (f.json as Label) : parseSide(changes.get(f.file)?.oldText),
      findings,
      reviewers,
      policy,
      root: rootName,
      addedOriginalsNeedSignoff,
    });
    if (change !== 'unchanged' || check.problems.length > 0) keep(check);
    options.onFile?.(f, { change, findings });
  };
  await forEachLabelFile(dir, files, visit, { sha256: options.sha256 });
  for (const c of changes.values()) {
    if (c.change !== 'removed') continue;
    const before = parseSide(c.oldText);
    keep(
      evaluateLabel({
        id: before?.id ?? parseLabelPath(c.path)!.id,
        file: c.path,
        change: 'removed',
        label: null,
        base: before,
        findings: [],
        reviewers,
        policy,
        root: rootName,
      }),
    );
  }
  labels.sort((a, b) => a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
  return {
    passed: summary.withProblems === 0 && reviewerProblems.length === 0 && trustProblems.length === 0,
    base: base?.ref ?? null,
    baseCommit: base?.commit ?? null,
    policy,
    labels,
    reviewerProblems,
    reviewersChanged,
    trustRoot: base,
    trustChanges,
    trustProblems,
    summary,
  };
}

/** Whether a commit has any label file (labels/<split>/<slug>/<id>.json); stops at the first. */
async function hasLabelFiles(repo: Repo, commit: string): Promise<boolean> {
  for await (const entry of lsTree(repo, commit, 'labels')) if (parseLabelPath(entry.path)) return true;
  return false;
}

function hasMaintainer(reviewers: ReadonlyMap<string, Reviewer>): boolean {
  return [...reviewers.values()].some((r) => r.role === MAINTAINER_ROLE && !r.revoked);
}

function parseSide(text: string | undefined): Label | null {
  if (text === undefined) return null;
  const parsed = parseLabelText('', text);
  return parsed.parseError ? null : (parsed.json as Label);
}

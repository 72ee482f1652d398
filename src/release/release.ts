import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { type ErrorCode, findingsError } from '../errors/index.js';
import { defaultIdentity } from '../git/default-identity.js';
import {
  type ChangedPath,
  type Identity,
  WORKTREE,
  commitFiles,
  createTag,
  isClean,
  openRepo,
  resolveCommit,
} from '../git/index.js';
import type { Label } from '../label/types.js';
import { writeFilesAtomically } from '../store/atomic.js';
import { withRepositoryLock } from '../git/lock.js';
import { contentHash } from '../store/canonical.js';
import { type LabelFile, listLabelFiles } from '../store/read.js';
import { labelFilesNotCommitted, notCommittedMessage } from './committed-labels.js';
import { validateLabels } from '../validate/validate-labels.js';
import { withChartLinks } from './charts-files.js';
import { CompactItems } from './compact-items.js';
import { type Manifest, manifestItemOfFile, rootHash } from './manifest.js';
import { releaseMarkdown } from './notes.js';
import type { ReleaseRecord } from './record.js';
import { latestRelease, listReleases } from './releases.js';
import { compareSemver, parseSemver, tagOf } from '../core/semver.js';
import { previousLabels, sincePrevious } from './since-previous.js';
import { checkBasis, checkRulesFingerprint } from './check-basis.js';
import { nextVersion, releaseFiles } from './release-files.js';
import { releaseStatistics } from './statistics.js';
import { releaseSigner, signReleaseRecordHash, signaturePath } from './record-signature.js';
export { nextVersion } from './release-files.js';

/** The pull-request gate, run against the previous release (injected: the check room owns it). */
export type Gate = (options: {
  dir: string;
  base?: string;
  allowVerifierOnly?: boolean;
  changes?: ChangedPath[];
  onFile?: (file: LabelFile, info: { findings: readonly unknown[] }) => void;
  paths?: string[];
  takenIds?: ReadonlyMap<string, string>;
  purpose?: 'release';
  committedOnDisk?: string;
  files?: readonly string[];
  sha256?: boolean;
}) => Promise<{
  passed: boolean;
  labels: { id: string; problems: { code: string; message: string }[] }[];
  trustProblems?: { message: string }[];
}>;

export interface ReleaseOptions {
  dir: string;
  version: string;
  dryRun?: boolean;
  message?: string;
  allowVerifierOnly?: boolean;
  gate?: Gate;
  now?: Date;
  author?: Identity;
  /** The maintainer who signs the release record, and their private key (record-signature.ts). */
  signer?: string;
  keyPath?: string;
}

export interface ReleaseResult {
  version: string;
  tag: string;
  dryRun: boolean;
  /** Why the release may not be made; a dry run lists them, a real release refuses on the first. */
  refusals: string[];
  record: ReleaseRecord;
  markdown: string;
  /**
   * Which label files were read and checked: all, or (all: false) those changed since the previous
   * release and those carrying sign-offs, the rest being byte-identical to it under the same rules.
   */
  checked: { files: number; all: boolean; unchangedSince: string | null };
  commit: string | null;
  files: string[];
}

/**
 * Makes release <version>: refuses unless the version is greater than the latest release, the tree is
 * clean, every label validates and the gate passes against the previous release; then writes the notes
 * (Markdown + JSON with statistics and the manifest), CHANGELOG.md and CITATION.cff, commits them and
 * creates the annotated tag v<version> whose message holds the root hash. A dry run computes and
 * returns everything and writes nothing.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  // A release is exclusive: a second one at the same time is refused at once (LOCKED), not queued.
  return options.dryRun
    ? releaseLocked(options)
    : withRepositoryLock(options.dir, 'release', () => releaseLocked(options), { waitMs: 0 });
}

async function releaseLocked(options: ReleaseOptions): Promise<ReleaseResult> {
  const { dir } = options;
  const repo = await openRepo({ dir });
  const releases = await listReleases(repo);
  const previous = latestRelease(releases);
  const version = nextVersion(options.version, previous?.version);
  const tag = tagOf(version);
  const config = await loadConfig(dir);
  const allowVerifierOnly = Boolean(options.allowVerifierOnly || config.policy.allowVerifierOnly);
  const refusals: string[] = [];
  const refuse = (code: ErrorCode, message: string) => {
    if (!options.dryRun) throw findingsError(code, `release ${version} refused: ${message}`, { version });
    refusals.push(message);
  };

  if (previous && compareSemver(parseSemver(version), parseSemver(previous.version)) <= 0) {
    refuse('VERSION_NOT_GREATER', `version ${version} is not greater than the latest release ${previous.version}`);
  }
  if (releases.some((r) => r.version === version)) refuse('VERSION_EXISTS', `tag ${tag} already exists`);
  const labelCommit = await resolveCommit(repo, 'HEAD');
  const signer = await releaseSigner(repo, {
    dir,
    previousTag: previous?.tag,
    signer: options.signer,
    keyPath: options.keyPath,
  }).catch((error: Error) => {
    if (!options.dryRun) throw error;
    refusals.push(error.message);
    return null;
  });
  const clean = await isClean(repo);
  if (!clean) refuse('DIRTY_TREE', 'the working tree has uncommitted changes; commit or discard them first');
  // On a clean tree the labels on disk are HEAD's, so what changed is a two-tree walk, no disk scan.
  const since = previous ? await sincePrevious(repo, previous, clean ? labelCommit : WORKTREE) : null;

  // Labels byte-identical to the previous release passed its checks, and under the same rules (the
  // tool's version, schemas and catalog; the repository's taxonomy, reviewers and config) they pass
  // again: then only the files changed since, and the signed ones (whose physician values the
  // agreement counts), are read and checked. Otherwise, or on a dirty tree, every label is.
  const basis = since && clean ? await checkBasis(repo, since, labelCommit) : null;

  // One streaming read serves the gate (validation, signatures) and this: each new or changed label is
  // hashed for the manifest as it is read, and a label is kept whole only when the statistics need it
  // (changed since the previous release, or carrying sign-offs); new labels are counted, unchanged ones
  // counted and their manifest entries reused, so memory does not grow with the benchmark. Labels with
  // findings make the release refuse and are left out of notes and manifest (a dry run still shows them).
  const hashed = new CompactItems();
  const changed: Label[] = [];
  const unchangedSigned: Label[] = [];
  const unchangedSeen: string[] = [];
  const signed: string[] = [];
  let addedUnsigned = 0;
  const addedUnsignedByCalculator: Record<string, number> = {};
  let checkedFiles = 0;
  const collect = (f: LabelFile, findings: readonly unknown[]) => {
    checkedFiles++;
    if (findings.length > 0) return;
    const label = f.json as Label;
    const hasSignoffs = label.signoffs.length > 0;
    if (hasSignoffs) signed.push(f.file);
    const known = since?.items.has(label.id) === true;
    if (known && !since.changedFiles.has(f.file)) {
      unchangedSeen.push(label.id);
      if (hasSignoffs) unchangedSigned.push(label);
      return;
    }
    hashed.push(manifestItemOfFile(label, f.text, f.sha256));
    if (known || hasSignoffs) changed.push(label);
    else {
      addedUnsigned++;
      addedUnsignedByCalculator[label.calculator.id] = (addedUnsignedByCalculator[label.calculator.id] ?? 0) + 1;
    }
  };
  const subset = { sha256: true, ...(basis ? { paths: basis.paths, takenIds: basis.takenIds } : {}) };
  // Every label is read from disk: on a clean tree those files must be the commit's, which status alone
  // does not tell (a file git ignores, one hidden by skip-worktree). Compared as the gate reads them.
  const labelFiles = clean && !basis ? await listLabelFiles(dir) : undefined;
  const notCommitted = labelFiles
    ? labelFilesNotCommitted(repo, dir, labelFiles, labelCommit).then(
        (found) => ({ found }),
        (error: unknown) => ({ error }),
      )
    : null;
  if (options.gate) {
    const gate = await options.gate({
      dir,
      base: previous?.tag,
      purpose: 'release',
      allowVerifierOnly,
      changes: since?.changes,
      onFile: (f, { findings }) => collect(f, findings),
      ...(clean ? { committedOnDisk: labelCommit } : {}),
      ...(labelFiles ? { files: labelFiles } : {}),
      ...subset,
    });
    if (!gate.passed) {
      const failing = gate.labels.filter((l) => l.problems.length > 0);
      const first = [
        ...(gate.trustProblems ?? []).map((p) => p.message),
        ...failing.slice(0, 5).map((l) => `${l.id}: ${l.problems.map((p) => p.message).join('; ')}`),
      ];
      refuse(
        'CHECK_FAILED',
        `steward check fails for ${failing.length} label(s) against ` +
          `${previous?.tag ?? 'the first commit'}` +
          `${allowVerifierOnly ? '' : ' (verifier-only relabels need --allow-verifier-only)'}: ` +
          `${first.join(' | ')}${failing.length > 5 ? ' | …' : ''}`,
      );
    }
  } else {
    const validation = await validateLabels({ dir, onFile: collect, ...subset });
    if (validation.findings.length > 0)
      refuse('INVALID_LABELS', `${validation.findings.length} validation finding(s); run steward validate`);
  }
  const compared = await notCommitted;
  if (compared && 'error' in compared) throw compared.error;
  const uncommitted = compared && notCommittedMessage(compared.found);
  if (uncommitted) refuse('DIRTY_TREE', uncommitted);
  const reusedIds = basis ? basis.unchangedIds : unchangedSeen;
  // Unchanged labels keep their previous manifest items, held compactly with the new ones.
  const reusedCount = since ? reusedIds.length : 0;
  if (since) for (const id of reusedIds) hashed.push(since.items.get(id)!);

  const statistics = releaseStatistics(
    {
      previous: since ? previousLabels(since, unchangedSigned) : new Map<string, Label>(),
      current: new Map([...changed, ...unchangedSigned].map((l) => [l.id, l])),
      physicianRoles: config.policy.physicianRoles,
      omittedUnchanged: reusedCount - unchangedSigned.length,
      omittedAdded: addedUnsigned,
      previousTotal: since?.record.manifest.count ?? 0,
      previousByCalculator: since?.record.statistics.labelsByCalculator,
      omittedAddedByCalculator: addedUnsignedByCalculator,
    },
    contentHash,
  );
  // A view in id order, each item made when read (hashing and writing the record): at 1M labels the
  // items as arrays of hex strings were ~320 MB, a third of the release's peak.
  const items = hashed.sortedById();
  const manifest: Manifest = { algorithm: 'sha256', count: items.length, root: rootHash(items), items };
  const now = options.now ?? new Date();
  const record: ReleaseRecord = {
    schema: 'medcalc-steward/release@1',
    name: config.name,
    version,
    previousVersion: previous?.version ?? null,
    date: now.toISOString().slice(0, 10),
    labelCommit,
    ...(options.message ? { message: options.message } : {}),
    verifierOnlyAllowed: allowVerifierOnly,
    statistics,
    checked: { rules: checkRulesFingerprint(), signed: signed.sort() },
    manifest,
  };
  const markdown = withChartLinks(
    releaseMarkdown({ ...record, root: manifest.root, count: manifest.count }, statistics),
    record,
  );
  const checked = { files: checkedFiles, all: basis === null, unchangedSince: basis ? previous!.version : null };
  const result: ReleaseResult = {
    version,
    tag,
    dryRun: Boolean(options.dryRun),
    refusals,
    record,
    markdown,
    checked,
    commit: null,
    files: [],
  };
  if (options.dryRun) return result;

  const { files, recordSha256 } = await releaseFiles(dir, record, markdown, config, since ?? undefined);
  if (signer) {
    files.push({ path: signaturePath(version), content: signReleaseRecordHash(record, recordSha256, tag, signer) });
  }
  const previousContent = await Promise.all(files.map((f) => readFile(join(dir, f.path), 'utf8').catch(() => null)));
  await writeFilesAtomically(files.map((f) => ({ path: join(dir, f.path), content: f.content })));
  const author = options.author ?? (await defaultIdentity(repo));
  try {
    result.commit = await commitFiles(repo, {
      paths: files.map((f) => f.path),
      message: `Release ${version}\n\n${manifest.count} labels, root ${manifest.root}`,
      author,
    });
    await createTag(repo, {
      name: tag,
      message:
        `${config.name} ${version}\n\nroot ${manifest.root}\n` +
        `labels ${manifest.count}\nlabel commit ${labelCommit}`,
      tagger: author,
    });
  } catch (error) {
    // Put the files back so a failed release leaves the tree as it was.
    await writeFilesAtomically(files.map((f, k) => ({ path: join(dir, f.path), content: previousContent[k] })));
    throw error;
  }
  result.files = files.map((f) => f.path);
  return result;
}

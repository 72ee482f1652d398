import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { findingsError } from '../errors/index.js';
import { defaultIdentity } from '../git/default-identity.js';
import { type Identity, commitFiles, createTag, isClean, openRepo, resolveCommit } from '../git/index.js';
import type { Label } from '../label/types.js';
import { writeFilesAtomically } from '../store/atomic.js';
import { contentHash } from '../store/canonical.js';
import { type LabelFile, readLabelFiles } from '../store/read.js';
import { loadCategories } from '../taxonomy/categories.js';
import { validateLabelFiles } from '../validate/validate-labels.js';
import { changelogIndex } from './changelog-index.js';
import { authorsOf, citationCff } from './citation.js';
import { buildManifest } from './manifest.js';
import { releaseMarkdown } from './notes.js';
import { type ReleaseRecord, notesPath, recordPath, serializeReleaseRecord } from './record.js';
import { latestRelease, listReleases } from './releases.js';
import { compareSemver, formatSemver, parseSemver, tagOf } from './semver.js';
import { sincePrevious } from './since-previous.js';
import { releaseStatistics } from './statistics.js';

/** The pull-request gate, run against the previous release (injected: the check room owns it). */
export type Gate = (options: { dir: string; base?: string; allowVerifierOnly?: boolean; files?: LabelFile[] }) => Promise<{
  passed: boolean;
  labels: { id: string; problems: { code: string; message: string }[] }[];
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
}

export interface ReleaseResult {
  version: string;
  tag: string;
  dryRun: boolean;
  /** Why the release may not be made; a dry run lists them, a real release refuses on the first. */
  refusals: string[];
  record: ReleaseRecord;
  markdown: string;
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
  const { dir } = options;
  const repo = await openRepo({ dir });
  const releases = await listReleases(repo);
  const previous = latestRelease(releases);
  const version = nextVersion(options.version, previous?.version);
  const tag = tagOf(version);
  const config = await loadConfig(dir);
  const allowVerifierOnly = Boolean(options.allowVerifierOnly || config.policy.allowVerifierOnly);
  const refusals: string[] = [];
  const refuse = (code: string, message: string) => {
    if (!options.dryRun) throw findingsError(code, `release ${version} refused: ${message}`, { version });
    refusals.push(message);
  };

  if (previous && compareSemver(parseSemver(version), parseSemver(previous.version)) <= 0) {
    refuse('VERSION_NOT_GREATER', `version ${version} is not greater than the latest release ${previous.version}`);
  }
  if (releases.some((r) => r.version === version)) refuse('VERSION_EXISTS', `tag ${tag} already exists`);
  if (!(await isClean(repo))) refuse('DIRTY_TREE', 'the working tree has uncommitted changes; commit or discard them first');
  // Every label is read and parsed once, then shared by validation (inside the gate), statistics and the manifest.
  const labelFiles = await readLabelFiles(dir);
  const categories = new Set((await loadCategories(dir)).map((c) => c.id));
  if (options.gate) {
    const gate = await options.gate({ dir, base: previous?.tag, allowVerifierOnly, files: labelFiles });
    if (!gate.passed) {
      const failing = gate.labels.filter((l) => l.problems.length > 0);
      const first = failing.slice(0, 5).map((l) => `${l.id}: ${l.problems.map((p) => p.message).join('; ')}`);
      refuse('CHECK_FAILED', `steward check fails for ${failing.length} label(s) against ${previous?.tag ?? 'the first commit'}${allowVerifierOnly ? '' : ' (verifier-only relabels need --allow-verifier-only)'}: ${first.join(' | ')}${failing.length > 5 ? ' | …' : ''}`);
    }
  } else {
    const validation = validateLabelFiles(labelFiles, categories);
    if (validation.findings.length > 0) refuse('INVALID_LABELS', `${validation.findings.length} validation finding(s); run steward validate`);
  }

  const current = new Map<string, Label>();
  for (const f of labelFiles) if (f.json && !f.parseError) current.set((f.json as Label).id, f.json as Label);
  const since = previous ? await sincePrevious(repo, previous, current) : { previous: new Map<string, Label>(), unchangedHashes: new Map() };
  const before = since.previous;
  const labelCommit = await resolveCommit(repo, 'HEAD');
  const now = options.now ?? new Date();
  const statistics = releaseStatistics({ previous: before, current, physicianRoles: config.policy.physicianRoles }, contentHash);
  const manifest = buildManifest([...current.values()], since.unchangedHashes);
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
    manifest,
  };
  const markdown = releaseMarkdown({ ...record, root: manifest.root, count: manifest.count }, statistics);
  const result: ReleaseResult = { version, tag, dryRun: Boolean(options.dryRun), refusals, record, markdown, commit: null, files: [] };
  if (options.dryRun) return result;

  const files = await releaseFiles(dir, record, markdown, authorsOf(config), config.description);
  const previousContent = await Promise.all(files.map((f) => readFile(join(dir, f.path), 'utf8').catch(() => null)));
  await writeFilesAtomically(files.map((f) => ({ path: join(dir, f.path), content: f.content })));
  const author = options.author ?? (await defaultIdentity(repo));
  try {
    result.commit = await commitFiles(repo, { paths: files.map((f) => f.path), message: `Release ${version}\n\n${manifest.count} labels, root ${manifest.root}`, author });
    await createTag(repo, { name: tag, message: `${config.name} ${version}\n\nroot ${manifest.root}\nlabels ${manifest.count}\nlabel commit ${labelCommit}`, tagger: author });
  } catch (error) {
    // Put the files back so a failed release leaves the tree as it was.
    await writeFilesAtomically(files.map((f, k) => ({ path: join(dir, f.path), content: previousContent[k] })));
    throw error;
  }
  result.files = files.map((f) => f.path);
  return result;
}

/** A version, or major/minor/patch: the next one after the latest release (from 0.0.0 when there is none). */
export function nextVersion(requested: string, latest: string | undefined): string {
  const bumps = ['major', 'minor', 'patch'];
  if (!bumps.includes(requested)) return formatSemver(parseSemver(requested));
  const [a, b, c] = parseSemver(latest ?? '0.0.0');
  if (requested === 'major') return formatSemver([a + 1, 0, 0]);
  if (requested === 'minor') return formatSemver([a, b + 1, 0]);
  return formatSemver([a, b, c + 1]);
}

async function releaseFiles(dir: string, record: ReleaseRecord, markdown: string, authors: { name: string; orcid?: string }[], description?: string) {
  const { readdir } = await import('node:fs/promises');
  const names = (await readdir(join(dir, 'changelogs')).catch(() => [] as string[])).filter((n) => /^v\d+\.\d+\.\d+\.json$/.test(n));
  const entries = [];
  for (const name of names) {
    const other = JSON.parse(await readFile(join(dir, 'changelogs', name), 'utf8')) as ReleaseRecord;
    if (other.version !== record.version) entries.push(other);
  }
  entries.push(record);
  entries.sort((a, b) => compareSemver(parseSemver(b.version), parseSemver(a.version)));
  const index = changelogIndex(
    record.name,
    entries.map((e) => ({ version: e.version, date: e.date, count: e.manifest.count, relabeled: e.statistics.relabeled, madeIncomputable: e.statistics.madeIncomputable, root: e.manifest.root })),
  );
  const cff = citationCff({ name: record.name, version: record.version, date: record.date, commit: record.labelCommit, root: record.manifest.root, count: record.manifest.count, authors, description });
  return [
    { path: recordPath(record.version), content: serializeReleaseRecord(record) },
    { path: notesPath(record.version), content: markdown },
    { path: 'CHANGELOG.md', content: index },
    { path: 'CITATION.cff', content: cff },
  ];
}

import { inputError } from '../errors/index.js';
import { type Repo, streamLabelsAt } from '../git/index.js';
import { sha256Hex } from '../store/canonical.js';
import type { Label } from '../label/types.js';
import { type ReadReleaseRecord, parseReleaseRecord, recordPath } from './record.js';
import { listReleases } from './releases.js';
import { formatSemver, parseSemver, tagOf } from '../core/semver.js';
import { type ReleaseTrust, verifyReleaseTrust } from './record-signature.js';

export interface LoadedRelease {
  version: string;
  tag: string;
  commit: string;
  record: ReadReleaseRecord;
  labels: Label[];
  /** Who signed the release (checked with the tag: see verifyReleaseTrust). */
  trust: ReleaseTrust;
}

/** The release record of a version as committed at its tag (UNKNOWN_VERSION when there is no such release). */
export async function readReleaseRecord(
  repo: Repo,
  version: string,
): Promise<{ record: ReadReleaseRecord; recordSha256: string; tag: string; commit: string; trust: ReleaseTrust }> {
  const v = formatSemver(parseSemver(version));
  const tag = tagOf(v);
  const releases = await listReleases(repo);
  const found = releases.find((r) => r.version === v);
  if (!found) {
    throw inputError(
      'UNKNOWN_VERSION',
      `no release ${v} (releases: ${releases.map((r) => r.version).join(', ') || 'none'})`,
      { version: v },
    );
  }
  // Only the record's own file: the other versions' records are as large (a manifest item per label).
  // It is parsed and hashed as its bytes come from git, never decoded whole nor kept (226 MB at 1M labels).
  let read: { record: ReadReleaseRecord; recordSha256: string } | undefined;
  for await (const { path, bytes } of streamLabelsAt(repo, { ref: tag, prefix: recordPath(v) })) {
    if (path !== recordPath(v)) continue;
    read = { record: parseReleaseRecord(bytes, `${recordPath(v)} at ${tag}`), recordSha256: sha256Hex(bytes) };
  }
  if (read === undefined)
    throw inputError('RELEASE_RECORD_MISSING', `tag ${tag} has no ${recordPath(v)}`, {
      version: v,
      file: recordPath(v),
    });
  const { record, recordSha256 } = read;
  const trust = await verifyReleaseTrust(repo, { record, recordSha256, tag, commit: found.commit });
  return { record, recordSha256, tag, commit: found.commit, trust };
}

/**
 * The labels of a release exactly as released, read from git at its tag and verified against the
 * release's manifest: a label whose content hash differs, or that is missing or extra, is an error.
 * All of them in memory: commands that go through a release once use openRelease's stream instead.
 */
export async function loadLabels(options: { dir: string; version: string }): Promise<LoadedRelease> {
  const { openRelease } = await import('./stream-release.js');
  const release = await openRelease(options);
  const labels: Label[] = [];
  for await (const { label } of release.labels()) labels.push(label);
  return {
    version: release.version,
    tag: release.tag,
    commit: release.commit,
    record: release.record,
    labels,
    trust: release.trust,
  };
}

export function describeManifestDifferences(d: { differing: string[]; missing: string[]; extra: string[] }): string {
  const part = (name: string, ids: string[]) =>
    ids.length ? `${ids.length} ${name} (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})` : null;
  return [part('changed', d.differing), part('missing', d.missing), part('unexpected', d.extra)]
    .filter(Boolean)
    .join('; ');
}

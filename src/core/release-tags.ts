import { compareSemver, isSemver, parseSemver } from './semver.js';

/**
 * What counts as a release, for every reader: a tag `v<MAJOR>.<MINOR>.<PATCH>` exactly, the only kind
 * `steward release` creates and signs a record for. A pre-release (`v1.1.0-rc.1`) or build tag
 * (`v1.1.0+ci.5`) is not a release: it has no signed release record, so letting it be the latest
 * release would let anyone who can push a tag move the gate's base (and the reviewers, keys and policy
 * read there) to a commit nobody released.
 */
export function isReleaseTag(name: string): boolean {
  // isSemver also takes a bare "1.0.0" (and strips one "v"): the tag must be "v" then a digit.
  return /^v\d/.test(name) && isSemver(name);
}

/** The release tags among `tags`, oldest first by semantic version (v1.9.0 before v1.10.0). */
export function releaseTagsInOrder<T extends { name: string }>(tags: readonly T[]): T[] {
  return tags
    .filter((t) => isReleaseTag(t.name))
    .sort((a, b) => compareSemver(parseSemver(a.name), parseSemver(b.name)));
}

/** The latest release among `tags` (highest v<MAJOR.MINOR.PATCH>), or undefined when there is none. */
export function latestReleaseTag<T extends { name: string }>(tags: readonly T[]): T | undefined {
  const releases = releaseTagsInOrder(tags);
  return releases[releases.length - 1];
}

/** Any semantic-version tag, release or pre-release (ordering only: it does not make a tag a release). */
const SEMVER_TAG = /^v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Semantic-version order of two version tags (a pre-release sorts before its release). */
export function compareReleaseTags(a: string, b: string): number {
  const x = SEMVER_TAG.exec(a);
  const y = SEMVER_TAG.exec(b);
  if (!x || !y) return a.localeCompare(b);
  for (let k = 1; k <= 3; k++) {
    const d = Number(x[k]) - Number(y[k]);
    if (d !== 0) return d;
  }
  if (x[4] === undefined || y[4] === undefined) return x[4] === y[4] ? 0 : x[4] === undefined ? 1 : -1;
  const p = x[4].split('.');
  const q = y[4].split('.');
  for (let k = 0; k < Math.max(p.length, q.length); k++) {
    if (p[k] === undefined) return -1;
    if (q[k] === undefined) return 1;
    const numeric = /^\d+$/.test(p[k]) && /^\d+$/.test(q[k]);
    const d = numeric ? Number(p[k]) - Number(q[k]) : p[k].localeCompare(q[k]);
    if (d !== 0) return d;
  }
  return 0;
}

import { type Repo, listTags } from '../git/index.js';
import { compareSemver, isSemver, parseSemver } from '../core/semver.js';

export interface ReleaseTag {
  version: string;
  tag: string;
  commit: string;
  date?: string;
  message?: string;
}

/** Release tags (v<MAJOR.MINOR.PATCH>), oldest first. */
export async function listReleases(repo: Repo): Promise<ReleaseTag[]> {
  const tags = await listTags(repo);
  return tags
    .filter((t) => /^v\d+\.\d+\.\d+$/.test(t.name) && isSemver(t.name))
    .map((t) => ({ version: t.name.slice(1), tag: t.name, commit: t.commit, date: t.date, message: t.message }))
    .sort((a, b) => compareSemver(parseSemver(a.version), parseSemver(b.version)));
}

export function latestRelease(releases: ReleaseTag[]): ReleaseTag | undefined {
  return releases[releases.length - 1];
}

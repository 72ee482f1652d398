import { type Repo, listTags } from '../git/index.js';
import { releaseTagsInOrder } from '../core/release-tags.js';

export interface ReleaseTag {
  version: string;
  tag: string;
  commit: string;
  date?: string;
  message?: string;
}

/** Release tags (v<MAJOR.MINOR.PATCH>), oldest first. */
export async function listReleases(repo: Repo): Promise<ReleaseTag[]> {
  return releaseTagsInOrder(await listTags(repo)).map((t) => ({
    version: t.name.slice(1),
    tag: t.name,
    commit: t.commit,
    date: t.date,
    message: t.message,
  }));
}

export function latestRelease(releases: ReleaseTag[]): ReleaseTag | undefined {
  return releases[releases.length - 1];
}

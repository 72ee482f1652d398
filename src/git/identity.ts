import git from 'isomorphic-git';
import { GitStoreError } from './errors.js';
import { type Repo, gitArgs } from './repo.js';

/** Who made a commit or a tag; the time defaults to now in the local time zone. */
export interface Identity {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp?: number;
  /** Minutes, as Date#getTimezoneOffset gives them (UTC+2 is -120). */
  timezoneOffset?: number;
}

export type Signature = Required<Identity>;

/**
 * The identity to record: the one given, else user.name / user.email from the repository's config.
 * Never a made-up one: with neither, NO_IDENTITY. (isomorphic-git reads .git/config only, not
 * ~/.gitconfig; callers that want the global identity or GIT_AUTHOR_* pass it in.)
 */
export async function resolveIdentity(repo: Repo, given: Identity | undefined, role: 'author' | 'committer' | 'tagger'): Promise<Signature> {
  const identity = given ?? (await configIdentity(repo));
  if (!identity || !identity.name.trim() || !identity.email.trim()) {
    throw new GitStoreError(
      'NO_IDENTITY',
      `no ${role} identity: pass one, or set user.name and user.email in ${repo.gitdir}/config ` +
        '(git config user.name "Your Name"; git config user.email you@example.org)',
      { role, dir: repo.dir },
    );
  }
  const now = new Date();
  return {
    name: identity.name,
    email: identity.email,
    timestamp: identity.timestamp ?? Math.floor(now.getTime() / 1000),
    timezoneOffset: identity.timezoneOffset ?? now.getTimezoneOffset(),
  };
}

async function configIdentity(repo: Repo): Promise<Identity | undefined> {
  const args = gitArgs(repo);
  const [name, email] = await Promise.all([
    git.getConfig({ ...args, path: 'user.name' }),
    git.getConfig({ ...args, path: 'user.email' }),
  ]);
  return typeof name === 'string' && typeof email === 'string' ? { name, email } : undefined;
}

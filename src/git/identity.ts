import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';

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
 * The identity to record: the one given, else user.name / user.email from the repository's own
 * config. Never a made-up one: with neither, NO_IDENTITY. (Callers that want the user's global
 * identity or GIT_AUTHOR_* resolve it with defaultIdentity and pass it in.)
 */
export async function resolveIdentity(
  repo: Repo,
  given: Identity | undefined,
  role: 'author' | 'committer' | 'tagger',
): Promise<Signature> {
  const identity = given ?? (await configIdentity(repo, 'local'));
  if (!identity?.name.trim() || !identity.email.trim()) {
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

/**
 * user.name and user.email as git config resolves them (all its files, or the repository's only), undefined when either
 * is unset.
 */
export async function configIdentity(repo: Repo, scope: 'all' | 'local' = 'all'): Promise<Identity | undefined> {
  const out = await runGit(
    repo.dir,
    ['config', ...(scope === 'local' ? ['--local'] : []), '--get-regexp', '^user\\.(name|email)$'],
    { okCodes: [1] },
  );
  const values = new Map<string, string>();
  for (const line of out.stdout.toString('utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) values.set(line.slice(0, space), line.slice(space + 1)); // the last one wins, as in git
  }
  const name = values.get('user.name');
  const email = values.get('user.email');
  return name !== undefined && email !== undefined ? { name, email } : undefined;
}

/** The environment that makes git record `signature` as `role` (author/committer): name, email, date. */
export function signatureEnv(signature: Signature, role: 'AUTHOR' | 'COMMITTER'): Record<string, string> {
  const offset = -signature.timezoneOffset;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return {
    [`GIT_${role}_NAME`]: signature.name,
    [`GIT_${role}_EMAIL`]: signature.email,
    [`GIT_${role}_DATE`]: `@${signature.timestamp} ${zone}`,
  };
}

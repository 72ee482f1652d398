import type { Identity } from './identity.js';
import { configIdentity } from './identity.js';
import type { Repo } from './repo.js';

/**
 * The identity the git CLI would use when none is given: GIT_AUTHOR_NAME/EMAIL, then user.name/email
 * as git config resolves them (repository, ~/.gitconfig, XDG). Undefined when none is set: the caller
 * then reports NO_IDENTITY rather than inventing one.
 */
export async function defaultIdentity(repo: Repo, env: NodeJS.ProcessEnv = process.env): Promise<Identity | undefined> {
  if (env.GIT_AUTHOR_NAME && env.GIT_AUTHOR_EMAIL) return { name: env.GIT_AUTHOR_NAME, email: env.GIT_AUTHOR_EMAIL };
  return configIdentity(repo);
}

/** "Name <email>" → Identity. */
export function parseIdentity(text: string): Identity | undefined {
  const m = /^\s*(.+?)\s*<([^>]+)>\s*$/.exec(text);
  return m ? { name: m[1], email: m[2] } : undefined;
}

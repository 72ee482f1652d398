import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import git from 'isomorphic-git';
import type { Identity } from './identity.js';
import { type Repo, gitArgs } from './repo.js';

/**
 * The identity the git CLI would use when none is given: GIT_AUTHOR_NAME/EMAIL, then the repository's
 * user.name/email, then the user's ~/.gitconfig (isomorphic-git reads only the repository's config).
 * Undefined when none is set: the caller then reports NO_IDENTITY rather than inventing one.
 */
export async function defaultIdentity(repo: Repo, env: NodeJS.ProcessEnv = process.env): Promise<Identity | undefined> {
  if (env.GIT_AUTHOR_NAME && env.GIT_AUTHOR_EMAIL) return { name: env.GIT_AUTHOR_NAME, email: env.GIT_AUTHOR_EMAIL };
  const args = gitArgs(repo);
  const [name, email] = await Promise.all([git.getConfig({ ...args, path: 'user.name' }), git.getConfig({ ...args, path: 'user.email' })]);
  if (typeof name === 'string' && typeof email === 'string') return { name, email };
  return globalIdentity(env);
}

async function globalIdentity(env: NodeJS.ProcessEnv): Promise<Identity | undefined> {
  const home = env.HOME ?? homedir();
  for (const file of [env.GIT_CONFIG_GLOBAL, join(home, '.gitconfig'), join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'git', 'config')]) {
    if (!file) continue;
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const user = parseUserSection(text);
    if (user.name && user.email) return { name: user.name, email: user.email };
  }
  return undefined;
}

/** The [user] section of a git config file (name and email only; enough for an identity). */
export function parseUserSection(text: string): { name?: string; email?: string } {
  const out: { name?: string; email?: string } = {};
  let inUser = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inUser = /^\[user\]$/i.test(line);
      continue;
    }
    if (!inUser || line.startsWith('#') || line.startsWith(';')) continue;
    const m = /^(name|email)\s*=\s*(.*)$/i.exec(line);
    if (m) out[m[1].toLowerCase() as 'name' | 'email'] = m[2].replace(/^"(.*)"$/, '$1').trim();
  }
  return out;
}

/** "Name <email>" → Identity. */
export function parseIdentity(text: string): Identity | undefined {
  const m = /^\s*(.+?)\s*<([^>]+)>\s*$/.exec(text);
  return m ? { name: m[1], email: m[2] } : undefined;
}

import { inputError } from '../errors/index.js';

export interface GithubRepository {
  owner: string;
  repo: string;
}

/**
 * owner/name of a GitHub (or GitHub Enterprise) repository from "owner/name" or a remote URL
 * (https://host/owner/name(.git), git@host:owner/name.git, ssh://git@host/owner/name.git).
 * Undefined for a remote that names no such repository (a local path).
 */
export function parseRepository(text: string): GithubRepository | undefined {
  const t = text.trim();
  const patterns = [
    /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/,
    /^https?:\/\/[^/]+\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/,
    /^[^@\s]+@[^:\s]+:([^/]+)\/([^/]+?)(?:\.git)?$/,
    /^ssh:\/\/[^/]+\/([^/]+)\/([^/]+?)(?:\.git)?$/,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(t);
    if (m && isName(m[1]) && isName(m[2])) return { owner: m[1], repo: m[2] };
  }
  return undefined;
}

const isName = (s: string) => /^[A-Za-z0-9._-]+$/.test(s) && s !== '.' && s !== '..';

/** The repository named by --repo, else by the remote's URL; an input error when neither names one. */
export function repositoryOf(options: { repo?: string; remoteUrl?: string; remote: string }): GithubRepository {
  if (options.repo !== undefined) {
    const named = parseRepository(options.repo);
    if (!named || options.repo.includes(':'))
      throw inputError('BAD_REPOSITORY', `--repo ${options.repo}: expected owner/name`, {});
    return named;
  }
  const fromUrl = options.remoteUrl ? parseRepository(options.remoteUrl) : undefined;
  if (!fromUrl) {
    throw inputError(
      'NO_REPOSITORY',
      `remote "${options.remote}" (${options.remoteUrl ?? 'no URL'}) names no GitHub repository: give --repo ` +
        `owner/name`,
      { remote: options.remote },
    );
  }
  return fromUrl;
}

import { defaultIdentity, parseIdentity } from '../git/default-identity.js';
import { GitStoreError, type Identity, type Repo, commitFiles, isGitStoreError, openRepo } from '../git/index.js';
import { inputError } from '../errors/index.js';

/** A repository handle with its author settled before anything is written. */
export interface Committer {
  /** Null when the benchmark folder is not a git repository (only allowed when not required). */
  repo: Repo | null;
  author: Identity | null;
  /** Commits the paths (null when nothing changed or there is no repository). */
  commit(paths: string[], message: string): Promise<string | null>;
}

export interface OpenCommitterOptions {
  dir: string;
  /** An identity, "Name <email>", or undefined for GIT_AUTHOR_*, then git config. */
  author?: Identity | string;
  /** Refuse a plain folder (NOT_A_REPOSITORY) instead of writing without committing. */
  requireRepository: boolean;
}

/**
 * Opens the repository and resolves who commits, failing (exit 2) before any file is written: a
 * proposal written but not committed would leave the tree half-done.
 */
export async function openCommitter({ dir, author, requireRepository }: OpenCommitterOptions): Promise<Committer> {
  let repo: Repo | null = null;
  try {
    repo = await openRepo({ dir });
  } catch (error) {
    if (!(isGitStoreError(error, 'NOT_A_REPOSITORY') && !requireRepository)) throw error;
  }
  let identity: Identity | null = null;
  if (typeof author === 'string') {
    identity = parseIdentity(author) ?? null;
    if (!identity) throw inputError('BAD_AUTHOR', `author "${author}" must look like "Name <email>"`, { author });
  } else if (author) identity = author;
  else if (repo) identity = (await defaultIdentity(repo)) ?? null;
  if (repo && !identity) {
    throw new GitStoreError(
      'NO_IDENTITY',
      'no author identity: pass --author "Name <email>", set GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL, or git config ' +
        'user.name / user.email',
      { dir },
    );
  }
  return {
    repo,
    author: identity,
    commit: async (paths, message) =>
      repo && paths.length > 0 ? commitFiles(repo, { paths, message, author: identity! }) : null,
  };
}

/** "Name <email>", as a revision records its proposer. */
export function formatIdentity(identity: Identity): string {
  return `${identity.name} <${identity.email}>`;
}

import { defaultIdentity } from './default-identity.js';
import { isGitStoreError } from './errors.js';
import { commitFiles } from './commit.js';
import type { Identity } from './identity.js';
import { openRepo } from './repo.js';

/**
 * Commits `paths` when dir is a git repository and something was written; a plain folder is fine
 * (the tool also serves benchmarks kept without git) and yields null.
 */
export async function commitIfRepository(options: {
  dir: string;
  paths: string[];
  message: string;
  author?: Identity;
}): Promise<string | null> {
  if (options.paths.length === 0) return null;
  let repo: Awaited<ReturnType<typeof openRepo>>;
  try {
    repo = await openRepo({ dir: options.dir });
  } catch (error) {
    if (isGitStoreError(error, 'NOT_A_REPOSITORY')) return null;
    throw error;
  }
  const author = options.author ?? (await defaultIdentity(repo));
  return commitFiles(repo, { paths: options.paths, message: options.message, author });
}

import { GitStoreError } from './errors.js';
import { runGit } from './exec.js';
import type { Repo } from './repo.js';

/** The index entries of these paths brought up to date with the disk (git add / git rm --cached for them). */
export async function stage(repo: Repo, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const out = await runGit(repo.dir, ['update-index', '--add', '--remove', '--replace', '-z', '--stdin'], {
    input: paths.join('\0') + '\0',
    okCodes: [128],
  });
  if (out.code === 0) return;
  if (/index\.lock/.test(out.stderr)) {
    throw new GitStoreError(
      'INDEX_LOCKED',
      `the index is locked by another git process (${out.stderr.trim()}); the commit was made, run "git status" ` +
        `once it is done`,
      { stderr: out.stderr },
    );
  }
  throw new GitStoreError('GIT_FAILED', `git update-index failed: ${out.stderr.trim()}`, { stderr: out.stderr });
}

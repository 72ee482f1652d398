import { execFile } from 'node:child_process';
import { inputError } from '../errors/index.js';

/** Runs git in `dir`; resolves with stdout, rejects with git's own message. */
export function git(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', dir, ...args], { maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error((stderr || error.message).trim()));
      else resolve(stdout);
    });
  });
}

/** The URL of a git remote, or undefined when there is no such remote. */
export async function remoteUrl(dir: string, remote: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['remote', 'get-url', remote])).trim();
  } catch {
    return undefined;
  }
}

/**
 * Pushes the branch to the remote with the git CLI, so the user's own credentials (helpers, SSH keys)
 * are used as for any push. A push git refuses (not a fast-forward, no access) is an input error with
 * git's message; nothing is forced.
 */
export async function pushBranch(options: { dir: string; remote: string; branch: string }): Promise<void> {
  try {
    await git(options.dir, [
      'push',
      '--porcelain',
      options.remote,
      `refs/heads/${options.branch}:refs/heads/${options.branch}`,
    ]);
  } catch (error) {
    throw inputError(
      'PUSH_FAILED',
      `git push ${options.remote} ${options.branch} failed: ${(error as Error).message}`,
      { remote: options.remote, branch: options.branch },
    );
  }
}

import { execFile } from 'node:child_process';
import { inputError } from '../errors/index.js';

/** Where the token came from, for messages (never the token itself). */
export type TokenSource = 'GITHUB_TOKEN' | 'gh auth token';

/**
 * The GitHub token: $GITHUB_TOKEN, else what `gh auth token` prints (the GitHub CLI's login). The token
 * is used for the API request only: it is never printed, logged or written anywhere.
 */
export async function githubToken(
  env: NodeJS.ProcessEnv = process.env,
  gh: () => Promise<string | null> = ghAuthToken,
): Promise<{ token: string; source: TokenSource }> {
  const fromEnv = env.GITHUB_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'GITHUB_TOKEN' };
  const fromGh = (await gh())?.trim();
  if (fromGh) return { token: fromGh, source: 'gh auth token' };
  throw inputError(
    'NO_GITHUB_TOKEN',
    'no GitHub token: set GITHUB_TOKEN, or log in with `gh auth login` so that `gh auth token` prints one',
    {},
  );
}

function ghAuthToken(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('gh', ['auth', 'token'], { timeout: 10_000 }, (error, stdout) => resolve(error ? null : stdout));
  });
}

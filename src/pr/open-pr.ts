import { prDescription } from '../check/pr-description.js';
import { inputError } from '../errors/index.js';
import { currentBranch, isClean, openRepo } from '../git/index.js';
import {
  type PlannedRequest,
  type PullRequestResult,
  type PullRequestSpec,
  openOrUpdate,
  plannedRequests,
} from './pull-request.js';
import { pushBranch, remoteUrl } from './push.js';
import { repositoryOf } from './repository.js';
import { githubToken, type TokenSource } from './token.js';

export interface OpenPrOptions {
  dir: string;
  /** The branch to merge into (default main). */
  base: string;
  /** The branch to push and open (default: the current branch). */
  branch?: string;
  remote: string;
  /** owner/name, when the remote's URL does not say (GitHub Enterprise hosts do; a local path does not). */
  repo?: string;
  draft: boolean;
  dryRun: boolean;
  /** The REST API root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise. */
  apiUrl: string;
  env?: NodeJS.ProcessEnv;
  gh?: () => Promise<string | null>;
}

export interface OpenPrResult {
  dryRun: boolean;
  branch: string;
  push: { remote: string; command: string };
  spec: PullRequestSpec;
  requests: { find: PlannedRequest; create: PlannedRequest; update: PlannedRequest };
  tokenSource: TokenSource | null;
  pullRequest: PullRequestResult | null;
}

/**
 * `steward pr open`: pushes the relabel branch and opens (or updates) its pull request with the
 * `pr-body` description, compared with the base branch. A dry run computes the description and the
 * requests and sends nothing (it needs no token).
 */
export async function openPullRequest(options: OpenPrOptions): Promise<OpenPrResult> {
  // Names reach git's argv: one that starts with "-" would be an option, one with ":" or a space a second refspec.
  for (const [what, name] of [
    ['branch', options.branch],
    ['branch', options.base],
    ['remote', options.remote],
  ] as const) {
    if (name !== undefined && !isSafeRefName(name))
      throw inputError(
        'BAD_NAME',
        `"${name}" is not a ${what} name this command accepts (letters, digits, . _ / -, not starting with - or /)`,
        { [what]: name },
      );
  }
  const repo = await openRepo({ dir: options.dir });
  const branch = options.branch ?? (await currentBranch(repo));
  if (!branch)
    throw inputError('DETACHED_HEAD', 'HEAD is not on a branch: check out the relabel branch (or give --branch)', {});
  if (branch === options.base)
    throw inputError(
      'BRANCH_IS_BASE',
      `the branch to open is the base branch ${options.base}: propose relabels on their own branch first`,
      {},
    );
  if (!options.branch && !(await isClean(repo)))
    throw inputError(
      'DIRTY_TREE',
      'the working tree has uncommitted changes: commit them (they would not be in the pull request) or discard them',
      {},
    );
  const url = await remoteUrl(options.dir, options.remote);
  if (url === undefined)
    throw inputError('NO_REMOTE', `no git remote "${options.remote}" (add one with git remote add, or give --remote)`, {
      remote: options.remote,
    });
  const target = repositoryOf({ repo: options.repo, remoteUrl: url, remote: options.remote });
  const { markdown } = await prDescription({ dir: options.dir, base: options.base, maxChars: 60_000 });
  const title = (markdown.split('\n')[0] ?? '').replace(/^#+\s*/, '').replace(/`/g, '') || `Relabel ${branch}`;
  const spec: PullRequestSpec = {
    ...target,
    head: branch,
    base: options.base,
    title,
    body: markdown,
    draft: options.draft,
  };
  const result: OpenPrResult = {
    dryRun: options.dryRun,
    branch,
    push: { remote: options.remote, command: `git push ${options.remote} refs/heads/${branch}:refs/heads/${branch}` },
    spec,
    requests: plannedRequests(spec),
    tokenSource: null,
    pullRequest: null,
  };
  if (options.dryRun) return result;
  // The token first: a missing one should stop before anything is pushed.
  const { token, source } = await githubToken(options.env, options.gh);
  result.tokenSource = source;
  await pushBranch({ dir: options.dir, remote: options.remote, branch });
  result.pullRequest = await openOrUpdate(spec, { token, baseUrl: options.apiUrl });
  return result;
}

/** A branch or remote name: no option, no refspec syntax, no path tricks (git check-ref-format is stricter still). */
export function isSafeRefName(name: string): boolean {
  return (
    /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/.test(name) &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.endsWith('/') &&
    !name.endsWith('.lock')
  );
}

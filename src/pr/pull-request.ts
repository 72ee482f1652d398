import { Octokit } from '@octokit/rest';
import { inputError } from '../errors/index.js';
import type { GithubRepository } from './repository.js';

export interface PullRequestSpec extends GithubRepository {
  /** The branch with the relabels. */
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
}

/** One API request as it would be sent (for --dry-run and for the report). */
export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: Record<string, unknown>;
}

export interface PullRequestResult {
  action: 'created' | 'updated';
  number: number;
  url: string;
}

/** The requests `openOrUpdate` makes: look for an open PR of the branch, then create or update it. */
export function plannedRequests(spec: PullRequestSpec): {
  find: PlannedRequest;
  create: PlannedRequest;
  update: PlannedRequest;
} {
  const base = `/repos/${encodeURIComponent(spec.owner)}/${encodeURIComponent(spec.repo)}/pulls`;
  return {
    find: { method: 'GET', path: `${base}?state=open&head=${encodeURIComponent(`${spec.owner}:${spec.head}`)}` },
    create: {
      method: 'POST',
      path: base,
      body: { title: spec.title, head: spec.head, base: spec.base, body: spec.body, draft: spec.draft },
    },
    update: {
      method: 'PATCH',
      path: `${base}/{number}`,
      body: { title: spec.title, body: spec.body, base: spec.base },
    },
  };
}

/**
 * Opens the pull request of `head` into `base`, or updates the description of the one already open
 * (a second `pr open` after more sign-offs refreshes it rather than opening a duplicate), through the
 * GitHub REST API at `baseUrl` (api.github.com, or a GitHub Enterprise server's /api/v3).
 */
export async function openOrUpdate(
  spec: PullRequestSpec,
  options: { token: string; baseUrl: string },
): Promise<PullRequestResult> {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'medcalc-steward',
    log: silentLog,
  });
  try {
    const open = await octokit.rest.pulls.list({
      owner: spec.owner,
      repo: spec.repo,
      state: 'open',
      head: `${spec.owner}:${spec.head}`,
    });
    const existing = open.data.find((pr) => pr.head.ref === spec.head);
    if (existing) {
      const updated = await octokit.rest.pulls.update({
        owner: spec.owner,
        repo: spec.repo,
        pull_number: existing.number,
        title: spec.title,
        body: spec.body,
        base: spec.base,
      });
      return { action: 'updated', number: updated.data.number, url: updated.data.html_url };
    }
    const created = await octokit.rest.pulls.create({
      owner: spec.owner,
      repo: spec.repo,
      head: spec.head,
      base: spec.base,
      title: spec.title,
      body: spec.body,
      draft: spec.draft,
    });
    return { action: 'created', number: created.data.number, url: created.data.html_url };
  } catch (error) {
    const e = error as { status?: number; message?: string };
    // The message is GitHub's; the token is in no message Octokit builds (it redacts the header).
    throw inputError(
      'GITHUB_API',
      `GitHub API at ${options.baseUrl}: ${e.status ? `HTTP ${e.status}: ` : ''}${e.message ?? String(error)}`,
      { status: e.status },
    );
  }
}

const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

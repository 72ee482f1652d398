import type { PlannedRequest } from './pull-request.js';
import type { OpenPrResult } from './open-pr.js';

const request = (apiUrl: string, r: PlannedRequest) =>
  [`${r.method} ${apiUrl.replace(/\/+$/, '')}${r.path}`, ...(r.body ? [JSON.stringify(r.body, null, 2)] : [])].join(
    '\n',
  );

/** What `pr open` did, or with --dry-run what it would do, for people. */
export function formatOpenPr(result: OpenPrResult, apiUrl: string): string {
  const { spec } = result;
  if (result.dryRun) {
    return [
      `Dry run: nothing pushed, nothing sent. For ${spec.owner}/${spec.repo}, ${spec.head} → ` +
        `${spec.base}${spec.draft ? ' (draft)' : ''}:`,
      '',
      `1. ${result.push.command}`,
      '',
      '2. Authorization: Bearer <token from $GITHUB_TOKEN, else `gh auth token`>',
      request(apiUrl, result.requests.find),
      '',
      '3a. if no pull request of the branch is open:',
      request(apiUrl, result.requests.create),
      '',
      '3b. if one is open (its number in place of {number}):',
      request(apiUrl, result.requests.update),
      '',
    ].join('\n');
  }
  const pr = result.pullRequest!;
  return `Pushed ${result.branch} to ${result.push.remote}; ${pr.action} pull request #${pr.number}: ${pr.url}\n`;
}

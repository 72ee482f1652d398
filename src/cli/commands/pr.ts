import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const prCommand = defineCommand({
  command: 'pr <action>',
  describe: 'Push the relabel branch and open (or update) its GitHub pull request with the pr-body description',
  positionals: {
    action: { choices: ['open'], demandOption: true, describe: 'open: push and open or update the pull request' },
  },
  options: {
    base: {
      type: 'string',
      default: 'main',
      describe: 'The branch to merge into (also what the description compares with)',
    },
    draft: { type: 'boolean', default: false, describe: 'Open it as a draft' },
    'dry-run': {
      type: 'boolean',
      default: false,
      describe: 'Print the push and the API requests it would send; send nothing',
    },
    remote: { type: 'string', default: 'origin', describe: 'The git remote to push to' },
    branch: { type: 'string', describe: 'The branch to open (default: the current branch)' },
    repo: { type: 'string', describe: "owner/name on GitHub (default: from the remote's URL)" },
    'api-url': {
      type: 'string',
      describe:
        'GitHub REST API root (default: $GITHUB_API_URL or https://api.github.com; GitHub Enterprise: ' +
        'https://HOST/api/v3)',
    },
  },
  async run(args, io) {
    const { openPullRequest } = await import('../../pr/open-pr.js');
    const { formatOpenPr } = await import('../../pr/format.js');
    const apiUrl = args.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    const progress = (await import('../../progress/progress.js')).progressFor(io, args);
    progress.phase(args.dryRun ? 'preparing the pull request' : 'pushing and opening the pull request');
    const result = await openPullRequest({
      dir: resolve(args.dir),
      base: args.base,
      branch: args.branch,
      remote: args.remote,
      repo: args.repo,
      draft: args.draft,
      dryRun: args.dryRun,
      apiUrl,
    });
    progress.end();
    io.out(args.json ? JSON.stringify(result, null, 2) + '\n' : formatOpenPr(result, apiUrl));
    return 0;
  },
});

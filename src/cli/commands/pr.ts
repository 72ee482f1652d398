import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const prCommand: CommandSpec = {
  command: 'pr <action>',
  describe: 'Push the relabel branch and open (or update) its GitHub pull request with the pr-body description',
  builder: (y) =>
    y
      .positional('action', { choices: ['open'] as const, describe: 'open: push and open or update the pull request' })
      .option('base', { type: 'string', default: 'main', describe: 'The branch to merge into (also what the description compares with)' })
      .option('draft', { type: 'boolean', default: false, describe: 'Open it as a draft' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print the push and the API requests it would send; send nothing' })
      .option('remote', { type: 'string', default: 'origin', describe: 'The git remote to push to' })
      .option('branch', { type: 'string', describe: 'The branch to open (default: the current branch)' })
      .option('repo', { type: 'string', describe: "owner/name on GitHub (default: from the remote's URL)" })
      .option('api-url', { type: 'string', describe: 'GitHub REST API root (default: $GITHUB_API_URL or https://api.github.com; GitHub Enterprise: ' +
          'https://HOST/api/v3)' }),
  async run(args, io) {
    const { openPullRequest } = await import('../../pr/open-pr.js');
    const { formatOpenPr } = await import('../../pr/format.js');
    const apiUrl = (args['api-url'] as string | undefined) ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    const progress = (await import('../../progress/progress.js')).progressFor(io, args);
    progress.phase(args['dry-run'] ? 'preparing the pull request' : 'pushing and opening the pull request');
    const result = await openPullRequest({
      dir: resolve(args.dir),
      base: String(args.base),
      branch: args.branch as string | undefined,
      remote: String(args.remote),
      repo: args.repo as string | undefined,
      draft: Boolean(args.draft),
      dryRun: Boolean(args['dry-run']),
      apiUrl,
    });
    progress.end();
    io.out(args.json ? JSON.stringify(result, null, 2) + '\n' : formatOpenPr(result, apiUrl));
    return 0;
  },
};

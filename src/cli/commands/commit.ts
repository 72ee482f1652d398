import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const commitCommand = defineCommand({
  command: 'commit',
  describe: 'Commit pending label changes (for users without a git CLI)',
  options: {
    message: { alias: 'm', type: 'string', demandOption: true, describe: 'Commit message' },
    author: { type: 'string', describe: '"Name <email>" (default: GIT_AUTHOR_*, then git config)' },
  },
  async run(args, io) {
    const { withRepositoryLock } = await import('../../git/lock.js');
    return withRepositoryLock(resolve(args.dir), 'commit', async () => {
      const { commitFiles, openRepo, pendingLabelChanges } = await import('../../git/index.js');
      const { defaultIdentity, parseIdentity } = await import('../../git/default-identity.js');
      const { inputError } = await import('../../errors/index.js');
      const repo = await openRepo({ dir: resolve(args.dir) });
      const author = args.author ? parseIdentity(args.author) : await defaultIdentity(repo);
      if (args.author && !author) throw inputError('BAD_AUTHOR', `--author must look like "Name <email>"`, {});
      const pending = (await pendingLabelChanges(repo, { prefix: 'labels' })).filter((p) => p.path.endsWith('.json'));
      if (pending.length === 0) {
        io.out(
          args.json ? JSON.stringify({ commit: null, files: [] }) + '\n' : 'nothing to commit: labels match HEAD\n',
        );
        return 0;
      }
      const commit = await commitFiles(repo, { paths: pending.map((p) => p.path), message: args.message, author });
      io.out(
        args.json
          ? JSON.stringify({ commit, files: pending }, null, 2) + '\n'
          : `committed ${commit?.slice(0, 10)}: ${pending.length} label file(s)\n`,
      );
      return 0;
    });
  },
});

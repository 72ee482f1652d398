import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const prBodyCommand = defineCommand({
  command: 'pr-body',
  describe: 'Markdown description of a relabel pull request: summary, each change, sign-off status',
  options: {
    base: {
      type: 'string',
      describe: 'Compare with this ref (default: the latest release tag vX.Y.Z, else the first commit)',
    },
    'allow-verifier-only': { type: 'boolean', default: false, describe: 'As for check' },
    'max-chars': {
      type: 'number',
      default: 60_000,
      describe:
        'Stop listing labels at about this size (a PR description holds 65,536 characters; a job summary 1 ' + 'MiB)',
    },
  },
  async run(args, io) {
    const { prDescription } = await import('../../check/pr-description.js');
    const { markdown, check } = await prDescription({
      dir: resolve(args.dir),
      base: args.base,
      allowVerifierOnly: args.allowVerifierOnly,
      maxChars: args.maxChars,
    });
    io.out(args.json ? JSON.stringify({ markdown, check }, null, 2) + '\n' : markdown);
    return 0;
  },
});

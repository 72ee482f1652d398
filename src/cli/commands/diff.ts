import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const diffCommand = defineCommand({
  command: 'diff <from> [to]',
  describe: 'Semantic changes to labels between two versions (to: default the working tree)',
  positionals: {
    from: { type: 'string', describe: 'Tag, branch, commit or HEAD', demandOption: true },
    to: { type: 'string', describe: 'Tag, branch, commit or HEAD (default: working tree)' },
  },
  options: {
    md: { type: 'boolean', default: false, describe: 'Markdown for a pull-request description' },
  },
  async run(args, io) {
    const { diffVersions } = await import('../../diff/diff-versions.js');
    const result = await diffVersions({ dir: resolve(args.dir), from: args.from, to: args.to });
    if (args.json) {
      io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    // Only the renderers name calculators, so only they load the calculator catalog.
    const { diffMarkdown, diffText } = await import('../../diff/render.js');
    const header = `Label changes ${result.from} → ${args.to ?? 'working tree'}`;
    if (args.md) io.out(diffMarkdown(result.labels, result.summary, header));
    else io.out(diffText(result.labels, result.summary, header));
    return 0;
  },
});

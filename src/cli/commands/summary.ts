import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const summaryCommand = defineCommand({
  command: 'summary',
  describe: 'Count labels by split, calculator, answer kind and status',
  options: {
    split: { type: 'string', describe: 'Only this split' },
  },
  async run(args, io) {
    const { readAllLabels } = await import('../../store/read.js');
    const { formatSummary, summarizeLabels } = await import('../../summary/summarize.js');
    const all = (await readAllLabels(resolve(args.dir))).map((f) => f.label);
    const labels = args.split ? all.filter((l) => l.split === args.split) : all;
    const summary = summarizeLabels(labels);
    io.out(args.json ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary));
    return 0;
  },
});

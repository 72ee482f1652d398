import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const initCommand: CommandSpec = {
  command: 'init <path>',
  describe: 'Create a new, empty benchmark repository (folders, config, schema, git)',
  builder: (y) =>
    y
      .positional('path', { type: 'string', describe: 'Folder to create (must be new or empty)', demandOption: true })
      .option('name', { type: 'string', describe: 'Benchmark name for the config and citations' }),
  async run(args, io) {
    const { initBenchmark } = await import('../../init/init-benchmark.js');
    const dir = resolve(String(args.dir), String(args.path));
    const result = await initBenchmark({ dir, name: args.name as string | undefined });
    if (args.json) io.out(JSON.stringify({ dir, ...result }, null, 2) + '\n');
    else io.out(`Created a benchmark repository in ${dir}\n${result.created.map((c) => `  ${c}`).join('\n')}\n`);
    if (result.notShipped.length) io.err(`note: this installation of the tool ships no ${result.notShipped.join(' or ')}; add ${result.notShipped.length > 1 ? 'them' : 'it'} by hand\n`);
    return 0;
  },
};

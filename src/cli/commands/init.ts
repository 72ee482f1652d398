import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const initCommand: CommandSpec = {
  command: 'init <path>',
  describe: 'Create a new, empty benchmark repository (folders, config, schema, git)',
  builder: (y) =>
    y
      .positional('path', { type: 'string', describe: 'Folder to create (must be new or empty)', demandOption: true })
      .option('name', { type: 'string', describe: 'Benchmark name for the config and citations' })
      .option('maintainer', { type: 'string', describe: 'Register the first maintainer (the root of trust) under this id' })
      .option('maintainer-name', { type: 'string', describe: "The first maintainer's full name" })
      .option('maintainer-key', { type: 'string', describe: "The first maintainer's private key: an existing one, or where to generate it (outside the repository)" }),
  async run(args, io) {
    const { initBenchmark } = await import('../../init/init-benchmark.js');
    const dir = resolve(String(args.dir), String(args.path));
    if ((args.maintainer === undefined) !== (args['maintainer-key'] === undefined)) {
      const { StewardError } = await import('../../errors/index.js');
      throw new StewardError('USAGE', 'init: --maintainer and --maintainer-key go together', {}, 'usage');
    }
    const maintainer = args.maintainer === undefined ? undefined : { id: String(args.maintainer), name: args['maintainer-name'] as string | undefined, keyPath: resolve(String(args['maintainer-key'])) };
    const result = await initBenchmark({ dir, name: args.name as string | undefined, maintainer });
    if (args.json) io.out(JSON.stringify({ dir, ...result }, null, 2) + '\n');
    else {
      io.out(`Created a benchmark repository in ${dir}\n${result.created.map((c) => `  ${c}`).join('\n')}\n`);
      if (result.maintainer) {
        io.out(`maintainer ${result.maintainer.id}: key ` +
            `${result.maintainer.keyPath}${result.maintainer.generated ? ' (generated)' : ''}, ` +
            `${result.maintainer.publicKey}\n`);
        io.out('This key is the root of trust: keep it offline and backed up (CONTRIBUTING.md, Threat model).\n');
      }
    }
    if (result.notShipped.length) io.err(`note: this installation of the tool ships no ${result.notShipped.join(' or ')}; add ` +
        `${result.notShipped.length > 1 ? 'them' : 'it'} by hand\n`);
    return 0;
  },
};

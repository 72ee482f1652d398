import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const initCommand = defineCommand({
  command: 'init <path>',
  describe: 'Create a new, empty benchmark repository (folders, config, schema, git)',
  positionals: {
    path: { type: 'string', describe: 'Folder to create (must be new or empty)', demandOption: true },
  },
  options: {
    name: { type: 'string', describe: 'Benchmark name for the config and citations' },
    maintainer: { type: 'string', describe: 'Register the first maintainer (the root of trust) under this id' },
    'maintainer-name': { type: 'string', describe: "The first maintainer's full name" },
    'maintainer-key': {
      type: 'string',
      describe: "The first maintainer's private key: an existing one, or where to generate it (outside the repository)",
    },
  },
  async run(args, io) {
    const { initBenchmark } = await import('../../init/init-benchmark.js');
    const dir = resolve(args.dir, args.path);
    if ((args.maintainer === undefined) !== (args.maintainerKey === undefined)) {
      const { StewardError } = await import('../../errors/index.js');
      throw new StewardError('USAGE', 'init: --maintainer and --maintainer-key go together', {}, 'usage');
    }
    const maintainer =
      args.maintainer === undefined || args.maintainerKey === undefined
        ? undefined
        : { id: args.maintainer, name: args.maintainerName, keyPath: resolve(args.maintainerKey) };
    const result = await initBenchmark({ dir, name: args.name, maintainer });
    if (args.json) io.out(JSON.stringify({ dir, ...result }, null, 2) + '\n');
    else {
      io.out(`Created a benchmark repository in ${dir}\n${result.created.map((c) => `  ${c}`).join('\n')}\n`);
      if (result.maintainer) {
        io.out(
          `maintainer ${result.maintainer.id}: key ` +
            `${result.maintainer.keyPath}${result.maintainer.generated ? ' (generated)' : ''}, ` +
            `${result.maintainer.publicKey}\n`,
        );
        io.out('This key is the root of trust: keep it offline and backed up (CONTRIBUTING.md, Threat model).\n');
      }
    }
    if (result.notShipped.length)
      io.err(
        `note: this installation of the tool ships no ${result.notShipped.join(' or ')}; add ` +
          `${result.notShipped.length > 1 ? 'them' : 'it'} by hand\n`,
      );
    return 0;
  },
});

import { resolve } from 'node:path';
import { progress } from '../io.js';
import type { CommandSpec } from '../command.js';

const FORMATS = ['medcalc-bench'];

export const importCommand: CommandSpec = {
  command: 'import <format> <source>',
  describe: 'Import an upstream file into labels/ (format: medcalc-bench; source: a path or an http(s) URL)',
  builder: (y) =>
    y
      .positional('format', { choices: ['medcalc-bench'] as const, describe: 'Upstream format', demandOption: true })
      .positional('source', { type: 'string', describe: 'CSV path or URL', demandOption: true })
      .option('split', { type: 'string', default: 'test', describe: 'Split the items belong to' })
      .option('source-version', { type: 'string', describe: 'Upstream version recorded in each label (e.g. 1.0)' })
      .option('commit', { type: 'boolean', default: true, describe: 'Commit the result when the benchmark is a git repository (--no-commit to leave it)' })
      .option('message', { alias: 'm', type: 'string', describe: 'Commit message' }),
  async run(args, io) {
    const { importMedcalcBench } = await import('../../importers/import-medcalc.js');
    const { inputError } = await import('../../errors/index.js');
    if (!FORMATS.includes(String(args.format))) {
      throw inputError('UNKNOWN_FORMAT', `Invalid values: format "${args.format}" (choices: ${FORMATS.join(', ')})`, { format: args.format });
    }
    const dir = resolve(args.dir);
    const result = await importMedcalcBench({
      dir,
      source: String(args.source),
      split: String(args.split),
      sourceVersion: args['source-version'] as string | undefined,
      commit: Boolean(args.commit),
      message: args.message as string | undefined,
      onProgress: progress(io, !args.json && !args.quiet),
    });
    if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else {
      io.out(
        `${result.rows} rows: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged; ` +
            `${result.written.length} file(s) written` +
          (result.notInFile ? `; ${result.notInFile} item(s) of split "${args.split}" are not in this file and were left as they are` : '') +
          (result.commit ? `\ncommitted ${result.commit.slice(0, 10)}` : '') +
          '\n',
      );
    }
    return 0;
  },
};

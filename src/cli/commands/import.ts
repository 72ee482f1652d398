import { resolve } from 'node:path';
import { progress } from '../io.js';
import { defineCommand } from '../command.js';

const FORMATS = ['medcalc-bench'];

export const importCommand = defineCommand({
  command: 'import <format> <source>',
  describe: 'Import an upstream file into labels/ (format: medcalc-bench; source: a path or an http(s) URL)',
  positionals: {
    format: { choices: ['medcalc-bench'], describe: 'Upstream format', demandOption: true },
    source: { type: 'string', describe: 'CSV path or URL', demandOption: true },
  },
  options: {
    split: { type: 'string', default: 'test', describe: 'Split the items belong to' },
    'source-version': { type: 'string', describe: 'Upstream version recorded in each label (e.g. 1.0)' },
    commit: {
      type: 'boolean',
      default: true,
      describe: 'Commit the result when the benchmark is a git repository (--no-commit to leave it)',
    },
    message: { alias: 'm', type: 'string', describe: 'Commit message' },
  },
  async run(args, io) {
    const { importMedcalcBench } = await import('../../importers/import-medcalc.js');
    const { inputError } = await import('../../errors/index.js');
    if (!FORMATS.includes(args.format)) {
      throw inputError('UNKNOWN_FORMAT', `Invalid values: format "${args.format}" (choices: ${FORMATS.join(', ')})`, {
        format: args.format,
      });
    }
    const dir = resolve(args.dir);
    const result = await importMedcalcBench({
      dir,
      source: args.source,
      split: args.split,
      sourceVersion: args.sourceVersion,
      commit: args.commit,
      message: args.message,
      onProgress: progress(io, !args.json && !args.quiet),
    });
    if (args.json) io.out(JSON.stringify(result, null, 2) + '\n');
    else {
      io.out(
        `${result.rows} rows: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged; ` +
          `${result.written.length} file(s) written` +
          (result.notInFile
            ? `; ${result.notInFile} item(s) of split "${args.split}" are not in this file and were left as they are`
            : '') +
          (result.commit ? `\ncommitted ${result.commit.slice(0, 10)}` : '') +
          '\n',
      );
    }
    return 0;
  },
});

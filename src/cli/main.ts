import yargs from 'yargs';
import { StewardError } from '../errors/index.js';
import { commands } from './commands/index.js';
import { type CliIO, processIO } from './io.js';

/** Exit codes: 0 ok, 1 findings or failed checks, 2 usage or input error, 3 internal error. */
export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3 } as const;

/** The CLI entry point: parses argv, runs one command, and is the only place errors become exit codes. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  let usageError: string | undefined;
  let json = argv.includes('--json');
  const parser = yargs(argv)
    .scriptName('steward')
    .usage('$0 <command> [options]\n\nKeep a clinical calculation benchmark alive: labels under git, recomputed, signed off and released.')
    .option('dir', { type: 'string', default: '.', describe: 'The benchmark repository', global: true })
    .option('json', { type: 'boolean', default: false, describe: 'Print data as JSON', global: true })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress lines on a terminal', global: true })
    .strict()
    .demandCommand(1, 'Name a command (see --help).')
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      usageError = message;
    })
    .help()
    .version(false);
  for (const spec of commands) {
    parser.command(spec.command, spec.describe, spec.builder, async (args) => {
      json = Boolean(args.json);
      exitCode = await spec.run(args as never, io);
    });
  }
  try {
    let helpText = '';
    await parser.parseAsync(argv, {}, (_err, _args, output) => {
      helpText = output;
    });
    if (usageError !== undefined) {
      io.err(`${helpText ? helpText + '\n\n' : ''}${usageError}\n`);
      return EXIT.input;
    }
    if (helpText) io.out(helpText + '\n');
    return exitCode;
  } catch (error) {
    return reportError(error, io, json);
  }
}

function reportError(error: unknown, io: CliIO, json: boolean): number {
  if (error instanceof StewardError) {
    if (json) io.out(JSON.stringify({ error: error.toJSON() }, null, 2) + '\n');
    io.err(`steward: ${error.message}\n`);
    return error.kind === 'findings' ? EXIT.findings : EXIT.input;
  }
  const err = error as Error;
  io.err(`steward: internal error: ${err?.stack ?? String(error)}\n`);
  return EXIT.internal;
}

import yargs, { type Argv } from 'yargs';
import { GLOBAL_OPTIONS, checkValues, declaredValues } from './argv-values.js';
import type { CommandSpec, GlobalOptions, ParsedOptions, OptionDefs, PositionalDefs } from './command.js';

/**
 * What an argv asks for, decided completely before anything runs: a command with its checked
 * options, a help text, or a usage error. yargs' command handlers only record their choice here;
 * running a command is main()'s job, once the whole argv has been judged (a handler run by yargs
 * itself would run even when yargs has just reported a usage error).
 */
export type ParsedArgv =
  | { kind: 'run'; spec: CommandSpec; options: ParsedOptions<PositionalDefs, OptionDefs> }
  | { kind: 'help'; text: string }
  | { kind: 'usage'; message: string; help: string };

const INTRO =
  '$0 <command> [options]\n\nKeep a clinical calculation benchmark alive: labels under git, recomputed, signed ' +
  'off and released.';

export async function parseArgv(argv: string[], commands: readonly CommandSpec[]): Promise<ParsedArgv> {
  const problems: string[] = [];
  let chosen: { spec: CommandSpec; options: ParsedOptions<PositionalDefs, OptionDefs> } | undefined;
  const parser = yargs(argv)
    .scriptName('steward')
    .usage(INTRO)
    .options(GLOBAL_OPTIONS)
    // An option given twice is an error below, never silently the last or an array of both.
    .parserConfiguration({ 'duplicate-arguments-array': true })
    .strict()
    .demandCommand(1, 'Name a command (see --help).')
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      problems.push(message);
    })
    .help()
    .alias('help', 'h')
    .version(false);
  for (const spec of commands) {
    parser.command(
      spec.command,
      spec.describe,
      (y) => declare(y, spec),
      (args) => {
        chosen = { spec, options: declaredValues(spec, args) };
      },
    );
  }
  let output = '';
  await parser.parseAsync(argv, {}, (_error, _args, text) => {
    output = text;
  });
  if (problems.length > 0) return { kind: 'usage', message: [...new Set(problems)].join('\n'), help: output };
  if (!chosen) {
    // yargs printed help (or nothing matched and it already said why).
    return output
      ? { kind: 'help', text: output }
      : { kind: 'usage', message: 'Name a command (see --help).', help: '' };
  }
  const wrong = checkValues(chosen.options, chosen.spec, argv);
  if (wrong.length > 0) return { kind: 'usage', message: wrong.join('\n'), help: '' };
  return { kind: 'run', spec: chosen.spec, options: chosen.options };
}

/** Tells yargs a command's positionals and options, from the declarations that also give them their types. */
function declare(y: Argv<GlobalOptions>, spec: CommandSpec): Argv<GlobalOptions> {
  for (const [name, definition] of Object.entries(spec.positionals ?? {})) y.positional(name, definition);
  for (const [name, definition] of Object.entries(spec.options ?? {})) y.option(name, definition);
  return y;
}

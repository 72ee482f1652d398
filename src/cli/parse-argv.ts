import yargs from 'yargs';
import type { CommandSpec, GlobalOptions } from './command.js';

/**
 * What an argv asks for, decided completely before anything runs: a command with its checked
 * arguments, a help text, or a usage error. yargs' command handlers only record their choice here;
 * running a command is main()'s job, once the whole argv has been judged (a handler run by yargs
 * itself would run even when yargs has just reported a usage error).
 */
export type ParsedArgv =
  | { kind: 'run'; spec: CommandSpec; args: Record<string, unknown> & GlobalOptions }
  | { kind: 'help'; text: string }
  | { kind: 'usage'; message: string; help: string };

const INTRO = '$0 <command> [options]\n\nKeep a clinical calculation benchmark alive: labels under git, recomputed, signed ' +
    'off and released.';

export async function parseArgv(argv: string[], commands: readonly CommandSpec[]): Promise<ParsedArgv> {
  const problems: string[] = [];
  let chosen: { spec: CommandSpec; args: Record<string, unknown>; declared: DeclaredOptions } | undefined;
  const parser = yargs(argv)
    .scriptName('steward')
    .usage(INTRO)
    .option('dir', { type: 'string', default: '.', describe: 'The benchmark repository', global: true })
    .option('json', { type: 'boolean', default: false, describe: 'Print data as JSON', global: true })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress lines on a terminal', global: true })
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
    parser.command(spec.command, spec.describe, spec.builder, (args) => {
      chosen = { spec, args, declared: declaredOptions((parser as unknown as { getOptions(): YargsOptions }).getOptions(), spec) };
    });
  }
  let output = '';
  await parser.parseAsync(argv, {}, (_error, _args, text) => {
    output = text;
  });
  if (problems.length > 0) return { kind: 'usage', message: [...new Set(problems)].join('\n'), help: output };
  if (!chosen) {
    // yargs printed help (or nothing matched and it already said why).
    return output ? { kind: 'help', text: output } : { kind: 'usage', message: 'Name a command (see --help).', help: '' };
  }
  const wrong = checkValues(chosen.args, chosen.declared);
  if (wrong.length > 0) return { kind: 'usage', message: wrong.join('\n'), help: '' };
  return { kind: 'run', spec: chosen.spec, args: chosen.args as Record<string, unknown> & GlobalOptions };
}

/** The part of yargs' getOptions() (not in its type declarations) read here: declared names by type. */
interface YargsOptions {
  string: string[];
  number: string[];
  array: string[];
}

interface DeclaredOptions {
  strings: string[];
  numbers: string[];
  arrays: Set<string>;
  positionals: Set<string>;
}

function declaredOptions(options: YargsOptions, spec: CommandSpec): DeclaredOptions {
  const command = Array.isArray(spec.command) ? spec.command[0] : spec.command;
  const positionals = new Set([...command.matchAll(/[<[]([^>\].]+)(?:\.\.)?[>\]]/g)].map((m) => m[1]));
  return { strings: options.string, numbers: options.number, arrays: new Set(options.array), positionals };
}

/**
 * What yargs lets through: a number option that is not a number (yargs hands over NaN), an option given
 * twice (yargs makes an array of both), a string option with no value (yargs hands over "").
 */
function checkValues(args: Record<string, unknown>, declared: DeclaredOptions): string[] {
  const out: string[] = [];
  const flag = (name: string) => `--${name}`;
  for (const name of [...new Set([...declared.strings, ...declared.numbers])]) {
    const value = args[name];
    // A one-letter alias carries the same value as its long name, which is checked instead.
    if (value === undefined || declared.arrays.has(name) || name.length === 1) continue;
    if (Array.isArray(value)) {
      out.push(`${declared.positionals.has(name) ? name : flag(name)} is given ${value.length} times; give it once`);
      continue;
    }
    if (declared.numbers.includes(name) && (typeof value !== 'number' || !Number.isFinite(value))) {
      out.push(`${flag(name)} must be a number`);
    }
    if (declared.strings.includes(name) && !declared.positionals.has(name) && value === '') {
      out.push(`${flag(name)} needs a value`);
    }
  }
  return out;
}

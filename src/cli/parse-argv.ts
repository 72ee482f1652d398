import yargs, { type Argv } from 'yargs';
import type { CommandSpec, GlobalOptions, OptionDefs, ParsedOptions, PositionalDefs } from './command.js';

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

/** The options every command takes (GlobalOptions), in the order --help lists them. */
const GLOBAL_OPTIONS = {
  dir: { type: 'string', default: '.', describe: 'The benchmark repository', global: true },
  json: { type: 'boolean', default: false, describe: 'Print data as JSON', global: true },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'No progress lines on a terminal', global: true },
} satisfies OptionDefs;

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

/**
 * The object a command's run() receives: the global options and each declared positional or option
 * that has a value, under its camel-cased name (yargs' own extra keys — `_`, `$0`, aliases, both
 * spellings of each name — are left out, so a command sees exactly what it declared).
 */
function declaredValues(
  spec: CommandSpec,
  args: GlobalOptions & Record<string, unknown>,
): ParsedOptions<PositionalDefs, OptionDefs> {
  const names = [...Object.keys(spec.positionals ?? {}), ...Object.keys(spec.options ?? {})];
  const given = names.filter((name) => args[name] !== undefined).map((name) => [camelName(name), args[name]]);
  return { dir: args.dir, json: args.json, quiet: args.quiet, ...Object.fromEntries(given) };
}

/** `allow-verifier-only` → `allowVerifierOnly` (the names ParsedOptions gives). */
export function camelName(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * What yargs lets through: a number option that is not a number (yargs hands over NaN), an option given
 * twice (yargs makes an array of both), a string option with no value (yargs hands over ""), a number
 * option with no value (yargs hands over 0 for `--port ''`, or its default for a bare `--port`).
 */
function checkValues(options: Record<string, unknown>, spec: CommandSpec, argv: readonly string[]): string[] {
  const out: string[] = [];
  const positionals: PositionalDefs = spec.positionals ?? {};
  const declared: OptionDefs = { ...GLOBAL_OPTIONS, ...positionals, ...spec.options };
  for (const [name, definition] of Object.entries(declared)) {
    const value = options[camelName(name)];
    const shown = name in positionals ? name : `--${name}`;
    if (value === undefined || definition.array || definition.type === 'boolean') continue;
    if (Array.isArray(value)) {
      out.push(`${shown} is given ${value.length} times; give it once`);
      continue;
    }
    if (definition.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
      out.push(`${shown} must be a number`);
    }
    const emptyNumber = definition.type === 'number' && !(name in positionals) && givenEmpty(argv, name);
    if (emptyNumber) out.push(`${shown} needs a value`);
    if (definition.type === 'string' && !(name in positionals) && value === '') out.push(`${shown} needs a value`);
  }
  return out;
}

/** `--name=`, `--name ''`, or `--name` with no value after it (the end of argv, or another option). */
function givenEmpty(argv: readonly string[], name: string): boolean {
  const flag = `--${name}`;
  return argv.some((a, i) => {
    if (a === `${flag}=`) return true;
    if (a !== flag) return false;
    const next = argv[i + 1];
    return next === undefined || next === '' || next.startsWith('--');
  });
}

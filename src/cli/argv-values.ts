import type { CommandSpec, GlobalOptions, OptionDefs, ParsedOptions, PositionalDefs } from './command.js';

/**
 * What both argv parsers share (parse-argv.ts, which asks yargs, and quick-argv.ts, which does not):
 * the global options, the options object a command's run() receives, and the checks yargs leaves to us.
 * Nothing here loads yargs, so a command that quick-argv.ts can judge alone never does.
 */

/** The options every command takes (GlobalOptions), in the order --help lists them. */
export const GLOBAL_OPTIONS = {
  dir: { type: 'string', default: '.', describe: 'The benchmark repository', global: true },
  json: { type: 'boolean', default: false, describe: 'Print data as JSON', global: true },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'No progress lines on a terminal', global: true },
} satisfies OptionDefs;

/**
 * The object a command's run() receives: the global options and each declared positional or option
 * that has a value, under its camel-cased name (yargs' own extra keys — `_`, `$0`, aliases, both
 * spellings of each name — are left out, so a command sees exactly what it declared).
 */
export function declaredValues(
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
export function checkValues(options: Record<string, unknown>, spec: CommandSpec, argv: readonly string[]): string[] {
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

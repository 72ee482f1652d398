import type { Options } from 'yargs';
import { GLOBAL_OPTIONS, checkValues, declaredValues } from './argv-values.js';
import type { CommandSpec, OptionDefs, PositionalDefs } from './command.js';
import type { ParsedArgv } from './parse-argv.js';

/**
 * The plain argv most runs are — a known command, its positionals, declared options spelled out —
 * judged without yargs. Loading yargs (cliui, string-width, y18n…: some forty modules) is most of a
 * short command's start-up, and yargs' parse renders help text even when none is printed.
 *
 * It answers only when it is sure: anything yargs might read differently or refuse (an unknown or
 * repeated option, a short-option group, `--`, `-`, an empty or dash-led value, `--flag true`, a
 * choice not among the choices, a number yargs might parse its own way, an array option, a missing
 * or extra positional, `--help` or a bare `help`) gives `undefined`, and main() asks yargs, which
 * then also words the help and the usage errors. test/cli/quick-argv.test.ts checks each answer
 * against yargs' (a table, and thousands of argv made at random from the declarations).
 */
export function quickParseArgv(argv: readonly string[], commands: readonly CommandSpec[]): ParsedArgv | undefined {
  let spec: CommandSpec | undefined;
  const given: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    // yargs reads a bare `help` anywhere as a request for help, not as a value.
    if (token === '' || token === 'help') return undefined;
    if (!token.startsWith('-')) {
      if (spec) positionals.push(token);
      else {
        spec = commands.find((c) => commandName(c) === token);
        if (!spec) return undefined;
      }
      continue;
    }
    // Before the command's name only the global options are known (as for yargs).
    const option = optionOf(token, spec ? { ...GLOBAL_OPTIONS, ...spec.options } : GLOBAL_OPTIONS);
    if (!option || Object.hasOwn(given, option.name)) return undefined;
    const { name, definition, inline, negated } = option;
    if (definition.type === 'boolean') {
      const next = argv[i + 1];
      if (inline !== undefined || next === 'true' || next === 'false') return undefined;
      given[name] = !negated;
      continue;
    }
    if (negated || definition.array || definition.coerce) return undefined;
    const text = inline ?? argv[++i];
    const value = text === undefined ? undefined : plainValue(text, definition);
    if (value === undefined) return undefined;
    given[name] = value;
  }
  if (!spec) return undefined;
  const placed = placePositionals(spec, positionals);
  if (!placed) return undefined;
  const declared: OptionDefs = { ...GLOBAL_OPTIONS, ...spec.options };
  const args: Record<string, unknown> = { ...placed };
  for (const [name, definition] of Object.entries(declared)) {
    if (Object.hasOwn(given, name)) args[name] = given[name];
    else if (definition.demandOption) return undefined;
    else if (definition.default !== undefined) args[name] = definition.default;
  }
  const options = declaredValues(spec, args as Parameters<typeof declaredValues>[1]);
  if (checkValues(options, spec, argv).length > 0) return undefined;
  return { kind: 'run', spec, options };
}

/**
 * The name of the command a plain argv runs (its first word that is neither a global option nor the
 * value of --dir), so that main() loads only that command before quickParseArgv judges the argv; a
 * wrong guess costs nothing, since quickParseArgv finds the command again and answers undefined.
 */
export function plainCommandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('-')) return argv[i];
    if (argv[i] === '--dir') i++;
  }
  return undefined;
}

function commandName(spec: CommandSpec): string {
  return spec.command.split(' ')[0];
}

interface GivenOption {
  name: string;
  definition: Options;
  /** The value after `=`, in `--name=value`. */
  inline?: string;
  /** `--no-name` for a boolean `name`. */
  negated: boolean;
}

/** The declared option a token names exactly: `--name`, `--name=value`, `--no-name`, or `-x` for an alias x. */
function optionOf(token: string, declared: OptionDefs): GivenOption | undefined {
  if (/^-[a-zA-Z]$/.test(token)) {
    const entry = Object.entries(declared).find(([, definition]) => definition.alias === token.slice(1));
    return entry && { name: entry[0], definition: entry[1], negated: false };
  }
  const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(token);
  if (!match) return undefined;
  const [, name, inline] = match;
  if (Object.hasOwn(declared, name)) return { name, definition: declared[name], inline, negated: false };
  const positive = name.startsWith('no-') ? name.slice(3) : undefined;
  if (positive && inline === undefined && declared[positive]?.type === 'boolean' && Object.hasOwn(declared, positive))
    return { name: positive, definition: declared[positive], negated: true };
  return undefined;
}

/** A string or number option's value as yargs gives it, or undefined when yargs might give something else. */
function plainValue(text: string, definition: Options): string | number | undefined {
  if (text === '' || text.startsWith('-')) return undefined;
  if (definition.choices && !(definition.choices as unknown[]).includes(text)) return undefined;
  if (definition.type === 'string') return text;
  if (definition.type === 'number')
    return /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?$/.test(text) ? Number(text) : undefined;
  // Untyped: yargs parses numbers and booleans; a choice that is neither is the text itself.
  return definition.choices && !/^[0-9.+-]|^(true|false)$/.test(text) ? text : undefined;
}

/**
 * The positionals by the names the command string gives them (`diff <from> [to]`, `validate [paths..]`,
 * a variadic one an array, empty when none), or undefined when one is missing, extra or unsure.
 */
function placePositionals(spec: CommandSpec, values: readonly string[]): Record<string, unknown> | undefined {
  const declared: PositionalDefs = spec.positionals ?? {};
  const slots = [...spec.command.matchAll(/([<[])([^>\].]+)(\.\.)?[>\]]/g)];
  const placed: Record<string, unknown> = {};
  let next = 0;
  for (const [, bracket, name, variadic] of slots) {
    const definition = declared[name];
    if (!definition) return undefined;
    const taken = variadic ? values.slice(next) : values.slice(next, next + 1);
    next += taken.length;
    if (taken.length === 0 && (bracket === '<' || definition.demandOption || definition.default !== undefined))
      return undefined;
    const typed = definition.type === 'string' || (definition.choices && !definition.type);
    const checked = taken.map((text) => (typed ? plainValue(text, definition) : undefined));
    if (checked.some((v) => v === undefined)) return undefined;
    if (variadic) placed[name] = checked;
    else if (checked.length) placed[name] = checked[0];
  }
  return next === values.length ? placed : undefined;
}

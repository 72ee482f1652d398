import type { InferredOptionType, Options, PositionalOptions } from 'yargs';
import type { CliIO } from './io.js';

/** Options every command accepts (declared once, in parse-argv.ts). */
export interface GlobalOptions {
  dir: string;
  json: boolean;
  quiet: boolean;
}

/** A command's positional arguments, by the name its `command` string gives them (`<id>`, `[paths..]`). */
export type PositionalDefs = Record<string, PositionalOptions>;
/** A command's `--options`, by their kebab-case name, as yargs declares them. */
export type OptionDefs = Record<string, Options>;

/**
 * One CLI command: its positionals and options are declared as data; `run` parses nothing itself, it
 * calls a plain library function and prints. It returns the exit code (0 ok, 1 findings); errors
 * propagate to main(). `run` receives exactly the declared options, camel-cased and typed from the
 * declarations (see ParsedOptions).
 */
export interface CommandSpec<P extends PositionalDefs = PositionalDefs, O extends OptionDefs = OptionDefs> {
  command: string;
  describe: string;
  positionals?: P;
  options?: O;
  // Method syntax on purpose: the registry (commands/index.ts) holds every command as a plain
  // CommandSpec, whose `run` takes any options object; parse-argv.ts builds that object from the same
  // declarations that give each command its type, and test/cli/argv-options.test.ts pins it.
  run(options: ParsedOptions<P, O>, io: CliIO): Promise<number>;
}

/**
 * Declares a command. The `const` type parameters keep the declarations literal (choices as unions,
 * `demandOption: true`, defaults), so `run`'s options are typed exactly, with no `as const`.
 */
// biome-ignore lint/complexity/noBannedTypes: `{}` is the empty declaration set a command without options infers from
export function defineCommand<const P extends PositionalDefs = {}, const O extends OptionDefs = {}>(
  spec: CommandSpec<P, O>,
): CommandSpec<P, O> {
  return spec;
}

/** The options object a command's `run` receives. */
export type CommandOptions<C> = C extends CommandSpec<infer P, infer O> ? ParsedOptions<P, O> : never;

/**
 * What yargs' own inference gives each declaration (a choice is the union of its choices, a required or
 * defaulted option is never undefined, an array is an array), with camel-cased names, an option that
 * may be absent marked `?`, and the global options.
 */
export type ParsedOptions<P extends PositionalDefs, O extends OptionDefs> = Flat<
  GlobalOptions & MaybeAbsent<Inferred<P> & Inferred<O>>
>;

type Inferred<D extends PositionalDefs | OptionDefs> = { [K in keyof D as Camel<K>]: InferredOptionType<D[K]> };
/** `allow-verifier-only` → `allowVerifierOnly`, as yargs-parser and camelName() name them. */
type Camel<K> = K extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : K;
type MaybeAbsent<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};
/** One object type rather than an intersection, so an editor shows the options as one list. */
type Flat<T> = { -readonly [K in keyof T]: T[K] };

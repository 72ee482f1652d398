import type { Argv } from 'yargs';
import type { CliIO } from './io.js';

/** Options every command accepts. */
export interface GlobalOptions {
  dir: string;
  json: boolean;
}

/**
 * One CLI command: yargs declares its options; `run` parses nothing itself, it calls a plain library
 * function and prints. It returns the exit code (0 ok, 1 findings); errors propagate to main().
 */
export interface CommandSpec {
  command: string | string[];
  describe: string;
  builder: (yargs: Argv) => Argv;
  run(args: Record<string, unknown> & GlobalOptions, io: CliIO): Promise<number>;
}

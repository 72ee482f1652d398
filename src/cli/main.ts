import { statSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StewardError } from '../errors/index.js';
import type { CommandSpec, GlobalOptions } from './command.js';
import type { ParsedArgv } from './parse-argv.js';
import { COMMAND_NAMES, loadAllCommands, loadCommand } from './commands/modules.js';
import { type CliIO, processIO } from './io.js';
import { plainCommandName, quickParseArgv } from './quick-argv.js';

/** Exit codes: 0 ok, 1 findings or failed checks, 2 usage or input error, 3 internal error. */
export const EXIT = Object.freeze({ ok: 0, findings: 1, input: 2, internal: 3 });

/**
 * The CLI entry point and the only place errors become exit codes. The whole argv is judged first
 * (unknown options, missing positionals, choices, numbers, --dir); only a command that passed all of
 * it runs, so a mistyped flag never half-does what was asked.
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let json = argv.includes('--json');
  try {
    if (asksForVersion(argv)) {
      io.out(packageVersion() + '\n');
      return EXIT.ok;
    }
    // yargs is loaded only when the plain parse is unsure: for help, usage errors and unusual spellings.
    const parsed = (await quickParse(argv)) ?? (await yargsParse(argv));
    if (parsed.kind === 'help') {
      io.out(parsed.text + '\n');
      return EXIT.ok;
    }
    if (parsed.kind === 'usage') {
      if (json) io.out(JSON.stringify({ error: { code: 'USAGE', message: parsed.message, data: {} } }, null, 2) + '\n');
      io.err(`${parsed.help ? parsed.help + '\n\n' : ''}${parsed.message}\n`);
      return EXIT.input;
    }
    json = parsed.options.json;
    requireBenchmarkDir(parsed.spec, parsed.options);
    return await parsed.spec.run(parsed.options, io);
  } catch (error) {
    return reportError(error, io, json);
  }
}

/** A plain argv, judged with only its own command loaded (see quick-argv.ts). */
async function quickParse(argv: string[]): Promise<ParsedArgv | undefined> {
  const name = plainCommandName(argv);
  const spec = name === undefined ? undefined : await loadCommand(name);
  return spec && quickParseArgv(argv, [spec]);
}

/** Everything else — help, usage errors, unusual spellings — by yargs, with every command loaded. */
async function yargsParse(argv: string[]): Promise<ParsedArgv> {
  const [{ parseArgv }, commands] = await Promise.all([import('./parse-argv.js'), loadAllCommands()]);
  return parseArgv(argv, commands);
}

/** `steward --version` (or -V) with no command: a command's own --version (export, score) is an option. */
function asksForVersion(argv: string[]): boolean {
  const names = new Set(COMMAND_NAMES);
  return argv.some((a) => a === '--version' || a === '-V') && !argv.some((a) => names.has(a));
}

function packageVersion(): string {
  // src/cli and dist/cli are both two folders below the package root.
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const { version }: { version: string } = JSON.parse(text);
  return version;
}

/** Every command but init works on an existing benchmark folder: a typo in --dir is named, not created. */
function requireBenchmarkDir(spec: CommandSpec, args: GlobalOptions): void {
  if (spec.command === 'init <path>') return;
  const dir = resolve(args.dir);
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    throw new StewardError('DIR_NOT_FOUND', `--dir ${args.dir}: no such folder`, { file: args.dir }, 'usage');
  }
  if (!isFolder)
    throw new StewardError('DIR_NOT_FOLDER', `--dir ${args.dir}: not a folder`, { file: args.dir }, 'usage');
}

function reportError(error: unknown, io: CliIO, json: boolean): number {
  if (error instanceof StewardError) {
    if (json) io.out(JSON.stringify({ error: error.toJSON() }, null, 2) + '\n');
    io.err(`steward: ${error.message}\n`);
    return error.kind === 'findings' ? EXIT.findings : EXIT.input;
  }
  const stack = error instanceof Error ? error.stack : undefined;
  io.err(`steward: internal error: ${stack ?? String(error)}\n`);
  return EXIT.internal;
}

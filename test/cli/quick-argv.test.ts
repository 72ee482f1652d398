import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../src/cli/argv-values.js';
import type { CommandSpec, OptionDefs } from '../../src/cli/command.js';
import { commands } from '../../src/cli/commands/index.js';
import { parseArgv } from '../../src/cli/parse-argv.js';
import { plainCommandName, quickParseArgv } from '../../src/cli/quick-argv.js';
import { mulberry32 } from '../../src/stats/random.js';

// The plain parse (no yargs) is a fast path: whenever it answers, yargs must give the same command and
// the same options object; when unsure it gives undefined and yargs decides. Checked on a table of argv
// it must answer, argv it must leave to yargs, and argv made at random from the commands' declarations.

async function expectSameAsYargs(argv: string[]): Promise<boolean> {
  const quick = quickParseArgv(argv, commands);
  // main() loads only the command plainCommandName guesses: judged with that one, the answer is the same.
  const guessed = commands.find((c) => c.command.split(' ')[0] === plainCommandName(argv));
  expect(guessed ? quickParseArgv(argv, [guessed]) : undefined, JSON.stringify(argv)).toStrictEqual(quick);
  if (!quick) return false;
  const slow = await parseArgv(argv, commands);
  expect(slow.kind, JSON.stringify(argv)).toBe('run');
  if (quick.kind !== 'run' || slow.kind !== 'run') return true;
  expect(quick.spec, JSON.stringify(argv)).toBe(slow.spec);
  // toStrictEqual: an option not given and without a default is absent from both, not `undefined`.
  expect(quick.options, JSON.stringify(argv)).toStrictEqual(slow.options);
  // The same key order too: a command that prints its options as JSON prints them alike.
  expect(Object.keys(quick.options), JSON.stringify(argv)).toEqual(Object.keys(slow.options));
  return true;
}

const answered: string[][] = [
  ['diff', 'v1', 'v2', '--dir', '/tmp/b'],
  ['diff', 'v1.0.0', 'HEAD', '--md'],
  ['--dir', 'x', 'diff', 'v1', '--json', '-q'],
  ['diff', '1', '2', '--dir=x'],
  ['import', 'medcalc-bench', 'in.csv', '--no-commit', '-m', 'upstream', '--source-version', '1.0'],
  ['validate', 'labels/test', 'labels/a.json'],
  ['validate'],
  ['audit', '--triage', '10', '--out', 'reports/audit'],
  ['audit', '--triage', '0', '--split=dev'],
  ['reviewer', 'set-policy', '--relabel', '2', '--no-allow-verifier-only', '--physician-roles', 'physician'],
  ['signoff', 'a', 'b', '--reviewer', 'dr-a', '--key', 'k.pem', '--decision', 'amend', '--value', '3'],
  ['release', 'minor', '--dry-run'],
  ['cite', '1.0.0', '--format', 'cff'],
  ['export', '--format', 'jsonl', '--version', '1.0.0', '-o', 'x.jsonl'],
  ['score', 'p.jsonl', '--version', '1.1.0', '--by', 'calculator', '--per-item', 'items.jsonl'],
  ['review', '--port', '8080', '--blind'],
  ['commit', '-m', 'why'],
  ['show', 'test-1', '--at', 'v1.0.0'],
  ['log', 'test-1'],
  ['summary', '--json', '-q', '--dir', '/b'],
];

const leftToYargs: string[][] = [
  [],
  ['--help'],
  ['diff', '--help'],
  ['diff', 'v1', '-h'],
  ['valdate'],
  ['diff'],
  ['diff', 'a', 'b', 'c'],
  ['diff', 'a', '--md', 'true'],
  ['diff', 'a', '--md=true'],
  ['diff', 'a', '--', 'b'],
  ['diff', 'a', '--dir', 'x', '--dir', 'y'],
  ['diff', 'a', '--dir', ''],
  ['diff', 'a', '--dir='],
  ['diff', 'a', '--dir'],
  ['diff', 'a', '--dir', '-x'],
  ['diff', 'a', '--dirr', 'x'],
  ['diff', 'a', '--Dir', 'x'],
  ['diff', 'a', '-qj'],
  ['--md', 'diff', 'a'],
  ['score', '-'],
  ['commit'],
  ['audit', '--triage', 'ten'],
  ['audit', '--triage', '05'],
  ['audit', '--triage', '1e3'],
  ['audit', '--triage', '0x10'],
  ['export', '--format', 'xml'],
  ['reviewer', 'frob'],
  ['import', 'medcalc-bench', 'in.csv', '--no-comit'],
  ['signoff', '--reviewer', 'r', '--key', 'k', '--read', 'A=1'],
  ['verify-labels', '--base-url', 'u', '--model', 'm', '--ids', 'a'],
];

describe('the plain argv parse', () => {
  it('answers the usual argv exactly as yargs does', async () => {
    for (const argv of answered) expect(await expectSameAsYargs(argv), JSON.stringify(argv)).toBe(true);
  });

  it('leaves help, usage errors and unusual spellings to yargs', () => {
    for (const argv of leftToYargs) expect(quickParseArgv(argv, commands), JSON.stringify(argv)).toBeUndefined();
  });

  it('agrees with yargs on argv made at random from the declarations', async () => {
    const random = mulberry32(20261203);
    const pick = <T>(items: readonly T[]): T => items[random.nextIndex(items.length)];
    let quickAnswers = 0;
    const runs = 1500;
    for (let n = 0; n < runs; n++) {
      const argv = randomArgv(pick(commands), pick, () => random.uniform());
      if (await expectSameAsYargs(argv)) quickAnswers++;
    }
    // Not a vacuous check: a good share of the random argv are plain enough for the fast path.
    expect(quickAnswers).toBeGreaterThan(runs / 5);
  }, 60_000);
});

const VALUES = ['v1', 'HEAD', '1', '0', '7', '05', '1.5', '1e3', '-1', 'true', 'false', 'x=y', 'a b', 'help', '-'];

function randomArgv(spec: CommandSpec, pick: <T>(items: readonly T[]) => T, uniform: () => number): string[] {
  const argv: string[] = [spec.command.split(' ')[0]];
  const positionals = Object.entries(spec.positionals ?? {});
  const options: OptionDefs = { ...GLOBAL_OPTIONS, ...spec.options };
  const names = Object.keys(options);
  const valueFor = (definition: OptionDefs[string]): string => {
    const choices = (definition.choices as string[] | undefined) ?? [];
    return choices.length && uniform() < 0.7 ? pick(choices) : pick(VALUES);
  };
  // Mostly the declared positionals, sometimes one short or one extra.
  const positionalCount = Math.max(0, positionals.length + pick([0, 0, 0, 0, -1, 1, 2]));
  for (let k = 0; k < positionalCount; k++) {
    const definition = positionals[Math.min(k, positionals.length - 1)]?.[1] ?? {};
    argv.push(valueFor(definition));
  }
  // Then options, each spelled one of the ways a person might, some of them wrong.
  const optionCount = Math.floor(uniform() * 4);
  for (let k = 0; k < optionCount; k++) {
    const name = pick(names);
    const definition = options[name];
    const spelling = uniform();
    if (definition.type === 'boolean') {
      if (spelling < 0.6) argv.push(`--${name}`);
      else if (spelling < 0.75) argv.push(`--no-${name}`);
      else if (spelling < 0.85) argv.push(`--${name}`, pick(['true', 'false']));
      else argv.push(typeof definition.alias === 'string' ? `-${definition.alias}` : `--${name}=true`);
    } else if (spelling < 0.6) argv.push(`--${name}`, valueFor(definition));
    else if (spelling < 0.75) argv.push(`--${name}=${valueFor(definition)}`);
    else if (spelling < 0.85 && typeof definition.alias === 'string')
      argv.push(`-${definition.alias}`, valueFor(definition));
    else if (spelling < 0.9) argv.push(`--${name}`);
    else argv.push(pick([`--${name}x`, '--', '-h', '--help', `--no-${name}`, '-qz']));
  }
  // Shuffle the tail a little: options before positionals, and now and then before the command.
  if (uniform() < 0.3 && argv.length > 2) {
    const [moved] = argv.splice(1 + Math.floor(uniform() * (argv.length - 1)), 1);
    argv.splice(uniform() < 0.2 ? 0 : 1, 0, moved);
  }
  return argv;
}

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CommandOptions } from '../../src/cli/command.js';
import type { exportCommand } from '../../src/cli/commands/export.js';
import { commands } from '../../src/cli/commands/index.js';
import type { reviewerCommand } from '../../src/cli/commands/reviewer.js';
import type { validateCommand } from '../../src/cli/commands/validate.js';
import { parseArgv } from '../../src/cli/parse-argv.js';

// The argv layer, tested once as a table (the changesets pattern): parseArgv is pure, so each row is the
// exact object a command's run() receives, with no command run and nothing mocked.
const GLOBALS = { dir: '.', json: false, quiet: false };

const accepted: { argv: string[]; options: Record<string, unknown> }[] = [
  // one row per command, in --help order
  { argv: ['init', 'bench', '--name', 'B'], options: { path: 'bench', name: 'B' } },
  {
    argv: ['import', 'medcalc-bench', 'in.csv', '--no-commit', '-m', 'upstream', '--source-version', '1.0'],
    options: {
      format: 'medcalc-bench',
      source: 'in.csv',
      split: 'test',
      sourceVersion: '1.0',
      commit: false,
      message: 'upstream',
    },
  },
  { argv: ['validate', 'labels/test', 'labels/a.json'], options: { paths: ['labels/test', 'labels/a.json'] } },
  { argv: ['summary', '--split', 'test'], options: { split: 'test' } },
  {
    argv: ['calc', 'bmi', '--entities', '{}', '--convention', 'medcalc-v1.0'],
    options: { calculator: 'bmi', entities: '{}', convention: 'medcalc-v1.0' },
  },
  { argv: ['audit', '--triage', '10', '--out', 'reports/audit'], options: { out: 'reports/audit', triage: 10 } },
  { argv: ['audit', '--triage', '0', '--split=dev'], options: { split: 'dev', triage: 0 } },
  {
    argv: ['verify-labels', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--ids', 'a,b', 'c', '--dry-run'],
    options: {
      ids: ['a,b', 'c'],
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      apiKeyEnv: 'OPENAI_API_KEY',
      runs: 5,
      supermajority: 4,
      mode: 'extract',
      concurrency: 4,
      dryRun: true,
      temperature: 1,
      maxTokens: 2048,
      timeoutMs: 120_000,
      maxAttempts: 5,
      backoffMs: 1000,
    },
  },
  {
    argv: ['propose', 'test-1', '--value', '9', '--category', 'other', '--rationale', 'r', '--contentious'],
    options: { id: 'test-1', value: '9', category: 'other', rationale: 'r', contentious: true, split: 'test' },
  },
  { argv: ['keygen', '--out', 'k.pem'], options: { out: 'k.pem' } },
  {
    argv: ['reviewer', 'set-policy', '--relabel', '2', '--no-allow-verifier-only', '--physician-roles', 'physician'],
    options: {
      action: 'set-policy',
      replace: false,
      relabel: 2,
      physicianRoles: 'physician',
      allowVerifierOnly: false,
    },
  },
  {
    argv: ['signoff', 'a', 'b', '--reviewer', 'dr-a', '--key', 'k.pem', '--decision', 'amend', '--value', '3'],
    options: {
      ids: ['a', 'b'],
      reviewer: 'dr-a',
      key: 'k.pem',
      decision: 'amend',
      value: '3',
      idColumn: 'uid',
      valueColumn: 'y* (Physician label)',
      split: 'test',
    },
  },
  { argv: ['review', '--port', '8080', '--blind'], options: { port: 8080, open: false, blind: true, undoSeconds: 4 } },
  { argv: ['check', '--base', 'v1.0.0'], options: { base: 'v1.0.0', allowVerifierOnly: false } },
  { argv: ['pr-body', '--max-chars', '1000'], options: { allowVerifierOnly: false, maxChars: 1000 } },
  {
    argv: ['pr', 'open', '--draft', '--repo', 'o/n'],
    options: { action: 'open', base: 'main', draft: true, dryRun: false, remote: 'origin', repo: 'o/n' },
  },
  { argv: ['commit', '-m', 'why'], options: { message: 'why' } },
  { argv: ['diff', 'v1.0.0', 'HEAD', '--md'], options: { from: 'v1.0.0', to: 'HEAD', md: true } },
  { argv: ['log', 'test-1'], options: { id: 'test-1' } },
  { argv: ['show', 'test-1', '--at', 'v1.0.0'], options: { id: 'test-1', at: 'v1.0.0' } },
  { argv: ['release', 'minor', '--dry-run'], options: { version: 'minor', dryRun: true, allowVerifierOnly: false } },
  { argv: ['cite', '1.0.0', '--format', 'cff'], options: { version: '1.0.0', format: 'cff' } },
  {
    argv: ['export', '--format', 'jsonl', '--version', '1.0.0', '-o', 'x.jsonl'],
    options: { format: 'jsonl', version: '1.0.0', out: 'x.jsonl' },
  },
  { argv: ['verify', 'x.jsonl', '--release', 'v.json'], options: { file: 'x.jsonl', release: 'v.json' } },
  {
    argv: ['score', 'p.jsonl', '--version', '1.1.0', '--by', 'calculator', '--per-item', 'items.jsonl'],
    options: {
      predictions: 'p.jsonl',
      version: '1.1.0',
      md: false,
      by: 'calculator',
      extract: false,
      perItem: 'items.jsonl',
    },
  },
  // option kinds: defaults only, an empty array positional, globals, aliases, repeated array options, '='
  { argv: ['export'], options: { format: 'medcalc-csv' } },
  { argv: ['validate'], options: { paths: [] } },
  { argv: ['summary', '--json', '-q', '--dir', '/b'], options: { dir: '/b', json: true, quiet: true } },
  {
    argv: ['import', 'medcalc-bench', 'in.csv', '--commit'],
    options: { format: 'medcalc-bench', source: 'in.csv', split: 'test', commit: true },
  },
  {
    argv: ['propose', '--no-incomputable', '--from=v.csv'],
    options: { incomputable: false, from: 'v.csv', split: 'test' },
  },
  {
    argv: ['signoff', '--reviewer', 'dr-a', '--key', 'k', '--from', 's.csv', '--read', 'A=1', '--read', 'B=N/A'],
    options: {
      ids: [],
      reviewer: 'dr-a',
      key: 'k',
      from: 's.csv',
      idColumn: 'uid',
      valueColumn: 'y* (Physician label)',
      read: ['A=1', 'B=N/A'],
      split: 'test',
    },
  },
  // a boolean given twice is still true; a lone "-" positional is yargs' "" (score reads stdin for both)
  { argv: ['diff', 'HEAD', '--md', '--md'], options: { from: 'HEAD', md: true } },
  { argv: ['score', '-'], options: { predictions: '', md: false, by: 'category', extract: false } },
];

const refused: { argv: string[]; message: RegExp }[] = [
  { argv: [], message: /^Name a command/ },
  { argv: ['valdate'], message: /Did you mean validate\?/ },
  { argv: ['import', 'medcalc-bench', 'in.csv', '--no-comit'], message: /^Unknown argument: comit$/ },
  { argv: ['signoff', 'a', '--reviewer', 'r', '--key', 'k', '--not', 'x'], message: /^Unknown argument: not$/ },
  { argv: ['diff', 'a', 'b', 'c'], message: /^Unknown argument: c$/ },
  { argv: ['init'], message: /Missing required argument: path/ },
  { argv: ['pr'], message: /Missing required argument: action/ },
  { argv: ['commit'], message: /^Missing required argument: message$/ },
  { argv: ['export', '--format', 'xml'], message: /Invalid values:\n {2}Argument: format, Given: "xml"/ },
  { argv: ['reviewer', 'frob'], message: /Argument: action, Given: "frob", Choices: "add", "revoke", "set-policy"/ },
  { argv: ['audit', '--triage', 'ten'], message: /^--triage must be a number$/ },
  { argv: ['audit', '--out', 'a', '--out', 'b'], message: /^--out is given 2 times; give it once$/ },
  { argv: ['export', '--format', 'jsonl', '--format', 'hf'], message: /^--format is given 2 times; give it once$/ },
  { argv: ['show', 'a', '--dir', 'x', '--dir', 'y'], message: /^--dir is given 2 times; give it once$/ },
  { argv: ['audit', '--out', ''], message: /^--out needs a value$/ },
  { argv: ['show', 'x', '--at='], message: /^--at needs a value$/ },
  // a number option with no value was 0 (`review --port ''` served on a random port) or silently its default
  { argv: ['review', '--port', ''], message: /^--port needs a value$/ },
  { argv: ['audit', '--triage='], message: /^--triage needs a value$/ },
  { argv: ['audit', '--triage', '--json'], message: /^--triage needs a value$/ },
];

const nameOf = (command: string) => command.split(' ')[0];

describe('argv → the options object run() receives', () => {
  for (const row of accepted) {
    it(`steward ${row.argv.join(' ')}`, async () => {
      const parsed = await parseArgv(row.argv, commands);
      if (parsed.kind !== 'run') throw new Error(`not run: ${JSON.stringify(parsed)}`);
      expect(nameOf(parsed.spec.command)).toBe(row.argv[0]);
      // toStrictEqual: an option that was not given and has no default is absent, not `undefined`.
      expect(parsed.options).toStrictEqual({ ...GLOBALS, ...row.options });
    });
  }

  it('has a row for every command', () => {
    expect(new Set(accepted.map((r) => r.argv[0]))).toEqual(new Set(commands.map((c) => nameOf(c.command))));
  });
});

describe('argv that is refused before any command runs', () => {
  for (const row of refused) {
    it(`steward ${row.argv.join(' ') || '(nothing)'}`, async () => {
      const parsed = await parseArgv(row.argv, commands);
      if (parsed.kind !== 'usage') throw new Error(`not refused: ${JSON.stringify(parsed)}`);
      expect(parsed.message).toMatch(row.message);
    });
  }
});

describe('declarations', () => {
  it('each command is listed once, and its command string names exactly its declared positionals', () => {
    const names = commands.map((c) => nameOf(c.command));
    expect(names.length).toBe(new Set(names).size);
    for (const spec of commands) {
      const inString = [...spec.command.matchAll(/([<[])([^>\].]+)(?:\.\.)?[>\]]/g)];
      expect(
        inString.map((m) => m[2]),
        spec.command,
      ).toEqual(Object.keys(spec.positionals ?? {}));
      // A <required> positional is demanded, so its type is not optional; an [optional] one is not.
      for (const [, bracket, name] of inString) {
        expect(Boolean(spec.positionals?.[name].demandOption), `${spec.command}: ${name}`).toBe(bracket === '<');
      }
    }
  });

  it('types each options object exactly from its declarations', () => {
    expectTypeOf<CommandOptions<typeof exportCommand>>().toEqualTypeOf<{
      dir: string;
      json: boolean;
      quiet: boolean;
      format: 'medcalc-csv' | 'jsonl' | 'hf';
      split?: string;
      version?: string;
      out?: string;
    }>();
    expectTypeOf<CommandOptions<typeof validateCommand>>().toEqualTypeOf<{
      dir: string;
      json: boolean;
      quiet: boolean;
      paths?: string[];
    }>();
    type Reviewer = CommandOptions<typeof reviewerCommand>;
    expectTypeOf<Reviewer['action']>().toEqualTypeOf<'add' | 'revoke' | 'set-policy'>();
    expectTypeOf<Reviewer['replace']>().toEqualTypeOf<boolean>();
    expectTypeOf<Reviewer['relabel']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Reviewer['physicianRoles']>().toEqualTypeOf<string | undefined>();
  });
});

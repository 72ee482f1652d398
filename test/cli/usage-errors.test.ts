import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { runCli } from '../helpers/cli.js';
import { gitCli } from '../helpers/git.js';
import { medcalcCsv, medcalcRow } from '../helpers/medcalc-csv.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';
import { PATHS, benchRepo, demoLabels, registerReviewer } from '../review/fixture.js';

// Before, the yargs `fail` handler recorded a usage error and let the command run anyway: each of these
// did its work (imported and committed, signed, created ./undefined/) and only then exited 2.
describe('a usage error stops the command before it does anything', () => {
  it('import … --no-comit imports and commits nothing', async () => {
    const dir = await benchRepo();
    const csv = join(testdir({ 'in.csv': medcalcCsv([medcalcRow()]) }), 'in.csv');
    const head = gitCli(dir, ['rev-parse', 'HEAD']);
    const tree = snapshotTree(dir);
    const r = await runCli(['import', 'medcalc-bench', csv, '--no-comit', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown argument: comit/);
    expect(gitCli(dir, ['rev-parse', 'HEAD'])).toBe(head);
    expect(snapshotTree(dir)).toEqual(tree);
    expect(existsSync(join(dir, 'labels/test'))).toBe(false);
    // The same command spelt right does import (so the refusal above is the typo, not the file).
    expect((await runCli(['import', 'medcalc-bench', csv, '--no-commit', '--dir', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'labels/test/bmi/test-0001.json'))).toBe(true);
  });

  it('signoff --not "…" signs nothing (a rejection would have lost its note)', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir);
    const head = gitCli(dir, ['rev-parse', 'HEAD']);
    const before = readFileSync(join(dir, PATHS.bmi1), 'utf8');
    const r = await runCli([
      'signoff',
      'demo-0001',
      '--reviewer',
      'dr-a',
      '--key',
      key,
      '--decision',
      'reject',
      '--not',
      'the weight is in pounds',
      '--dir',
      dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown argument: not/);
    expect(readFileSync(join(dir, PATHS.bmi1), 'utf8')).toBe(before);
    expect(gitCli(dir, ['rev-parse', 'HEAD'])).toBe(head);
    const signed = await runCli([
      'signoff',
      'demo-0001',
      '--reviewer',
      'dr-a',
      '--key',
      key,
      '--decision',
      'reject',
      '--note',
      'the weight is in pounds',
      '--dir',
      dir,
    ]);
    expect(signed.code, signed.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, PATHS.bmi1), 'utf8')).signoffs[0].note).toBe('the weight is in pounds');
  });

  it('init with no path makes nothing (it made ./undefined/)', async () => {
    const parent = testdir();
    const r = await runCli(['init', '--dir', parent]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Missing required argument: path/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a number option that is not a number, an option given twice, or an empty value stops the command', async () => {
    const dir = await benchRepo();
    const out = join(testdir(), 'report');
    for (const [argv, message] of [
      [['audit', '--out', out, '--triage', 'ten'], /--triage must be a number/],
      [['audit', '--out', out, '--out', `${out}2`], /--out is given 2 times/],
      [['audit', '--out', ''], /--out needs a value/],
    ] as const) {
      const r = await runCli([...argv, '--dir', dir]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(existsSync(`${out}.md`)).toBe(false);
    }
  });
});

describe('--dir, --version, --help', () => {
  it('--dir must be an existing folder for every command but init', async () => {
    const parent = testdir({ 'file.txt': 'x' });
    const missing = join(parent, 'nowhere');
    for (const spec of commands) {
      const name = [spec.command].flat()[0].split(' ')[0];
      if (name === 'init') continue;
      // Any arguments: --dir is judged first, before the command could complain about them.
      const r = await runCli([name, ...requiredArgs(name), '--dir', missing]);
      expect(r.code, `${name}: ${r.err}`).toBe(2);
      expect(r.err, name).toContain(`--dir ${missing}: no such folder`);
    }
    const file = await runCli(['validate', '--dir', join(parent, 'file.txt')]);
    expect(file.code).toBe(2);
    expect(file.err).toMatch(/file\.txt: not a folder/);
    expect(existsSync(missing)).toBe(false);
    // init creates its folder under --dir.
    expect((await runCli(['init', 'made', '--dir', parent])).code).toBe(0);
  });

  it('steward --version prints the package version; export --version is still its own option', async () => {
    const version = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'))
      .version as string;
    for (const argv of [['--version'], ['-V']]) {
      const r = await runCli(argv);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`${version}\n`);
    }
    const r = await runCli(['export', '--version', '9.9.9', '--format', 'jsonl', '--dir', await benchRepo()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no release 9\.9\.9/);
  });

  it('-h and --help work for every command and change nothing', async () => {
    const dir = testdir();
    for (const spec of commands) {
      const name = [spec.command].flat()[0].split(' ')[0];
      for (const flag of ['-h', '--help']) {
        const r = await runCli([name, flag, '--dir', dir]);
        expect(r.code, `${name} ${flag}: ${r.err}`).toBe(0);
        expect(r.out, name).toContain(`steward ${name}`);
      }
    }
    expect((await runCli(['-h'])).out).toMatch(/steward <command> \[options\]/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('exit codes', () => {
  it('audit exits 1 when it has findings, 0 when every label is confirmed', async () => {
    // The audit reads the note too: this one states the entities, so a correct label has no finding.
    const dir = await benchRepo([{ ...demoLabels()[0], note: 'Weight 70 kg, height 175 cm.' }]);
    const clean = await runCli(['audit', '--dir', dir]);
    expect(clean.code, clean.out).toBe(0);
    const label = JSON.parse(readFileSync(join(dir, PATHS.bmi1), 'utf8'));
    label.answer = { kind: 'decimal', value: 40, lower: 38, upper: 42 };
    writeFileSync(join(dir, PATHS.bmi1), JSON.stringify(label));
    const found = await runCli(['audit', '--dir', dir]);
    expect(found.code).toBe(1);
    expect(found.out).toMatch(/demo-0001/);
  });

  it('a closed stdout pipe ends the command quietly with exit 0', () => {
    // A real process: EPIPE only happens on a real pipe. The reader closes its end, then says so in a
    // file; the CLI starts writing only once that file exists, so every write meets a closed pipe.
    const dir = testdir();
    const script = join(dir, 'run.mts');
    const closed = join(dir, 'closed');
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    writeFileSync(
      script,
      `import { existsSync } from 'node:fs';\nimport { main } from ${JSON.stringify(main)};\n` +
        `while (!existsSync(${JSON.stringify(closed)})) await new Promise((r) => setTimeout(r, 20));\n` +
        `process.exitCode = await main(process.argv.slice(2));\n`,
    );
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const shell = `"${tsx}" "${script}" --help | { exec 0<&-; touch "${closed}"; }; echo "exit=\${PIPESTATUS[0]}"`;
    const run = spawnSync('bash', ['-c', shell], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('exit=0');
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });
});

/** Positionals a command needs to get past argument parsing. */
function requiredArgs(name: string): string[] {
  const table: Record<string, string[]> = {
    import: ['medcalc-bench', 'x.csv'],
    calc: ['bmi', '--entities', '{}'],
    keygen: ['--out', '/tmp/never-written.pem'],
    reviewer: ['add', 'dr-x', '--name', 'X', '--role', 'physician', '--key', 'k.pem'],
    signoff: ['demo-0001', '--reviewer', 'dr-x', '--key', 'k.pem', '--decision', 'approve'],
    commit: ['-m', 'x'],
    diff: ['HEAD'],
    log: ['demo-0001'],
    show: ['demo-0001'],
    release: ['1.0.0'],
    verify: ['x.jsonl'],
    score: ['p.jsonl'],
    'verify-labels': ['--base-url', 'http://127.0.0.1:9', '--model', 'm'],
    pr: ['open'],
  };
  return table[name] ?? [];
}

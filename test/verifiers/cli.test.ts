import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, noteOf, startScriptedServer } from '../../src/verifiers/llm/scripted-server.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';
import { bmiLabel, HEAVIER, reply, RIGHT, scriptByNote } from './llm-helpers.js';

useTestIdentity();
let server: ScriptedServer | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await server?.close();
  server = undefined;
});

/** The CLI as a separate process (so it can be killed with SIGKILL), from the TypeScript sources. */
function spawnCli(args: string[]): ChildProcess {
  const runner = join(testdir(), 'run-cli.mjs');
  writeFileSync(
    runner,
    `import { main } from ${JSON.stringify(join(REPO_ROOT, 'src/cli/main.ts'))};\nprocess.exitCode = await ` +
      `main(process.argv.slice(2));\n`,
  );
  return spawn(process.execPath, ['--import', 'tsx', runner, ...args], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    env: { ...process.env, OPENAI_API_KEY: '' },
  });
}

const key = (body: { seed?: number; messages: { role: string; content: string }[] }) =>
  `${noteOf(body).slice(0, 12)}#${body.seed}`;

describe('steward verify-labels (CLI)', () => {
  it('resumes a run killed with SIGKILL without repeating a completed call, then proposes its output with votes and ' +
    'evidence in pr-body', async () => {
    const labels = [
      bmiLabel('demo-0001', 'ITEM-A: she weighs 70 kg and is 175 cm tall.', 22.857),
      bmiLabel('demo-0002', 'ITEM-B: he weighs 70 kg and is 175 cm tall.', 26.122, {
        weight: [80, 'kg'],
        height: [175, 'cm'],
      }),
      bmiLabel('demo-0003', 'ITEM-C: weighs 70 kg, 175 cm tall.', 22.857),
    ];
    const dir = await benchmarkWith('verify', labels);
    let killAt: (() => void) | undefined;
    const reachedFourth = new Promise<void>((resolve) => (killAt = resolve));
    let hangFourth = true;
    const script = scriptByNote({
      'ITEM-A': () => [reply(RIGHT)],
      'ITEM-B': () => [reply(RIGHT)],
      'ITEM-C': (seed) => [reply(seed <= 3 ? RIGHT : HEAVIER)],
    });
    server = await startScriptedServer((body, n) => {
      if (n === 3 && hangFourth) {
        hangFourth = false;
        killAt!();
        return { kind: 'hang' };
      }
      return script(body);
    });
    const out = join(dir, 'verifier', 'run.jsonl');
    const args = [
      'verify-labels',
      '--dir',
      dir,
      '--base-url',
      server.url,
      '--model',
      'scripted',
      '--concurrency',
      '1',
      '--out',
      out,
      '--backoff-ms',
      '10',
    ];
    child = spawnCli(args);
    await reachedFourth;
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = undefined;
    // Three calls were answered and recorded; the fourth was in flight when the process died.
    const answered = server.requests.slice(0, 3).map(key);
    const resumed = await runCli([...args, '--resume']);
    expect(resumed.err).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain('3 from the ledger (resumed)');
    const later = server.requests.slice(3).map(key);
    for (const k of answered) expect(later, k).not.toContain(k);
    expect(server.requests).toHaveLength(3 + 1 + 12);

    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.decided, l.category])).toEqual([
      ['demo-0001', true, 'unclassified'],
      ['demo-0002', true, 'extraction-error'],
      ['demo-0003', false, 'unclassified'],
    ]);

    const proposed = await runCli([
      'propose',
      '--from',
      out,
      '--verifier',
      'scripted-model',
      '--branch',
      'relabel/verifier',
      '--dir',
      dir,
    ]);
    expect(proposed.err).toBe('');
    expect(proposed.out).toMatch(/1 relabeled/);
    const body = await runCli(['pr-body', '--dir', dir]);
    expect(body.out).toContain('votes 5 of 5 for 22.8571428571 (decided, supermajority 4)');
    expect(body.out).toContain(
      'quotes: weight: "weighs 70 kg"; height: "175 cm tall"; model scripted-model-2026, prompt sha256:',
    );
    expect(body.out).toContain('extraction-error');
  }, 60_000);

  it('explains a missing API key for a remote endpoint and makes no call in a dry run', async () => {
    const dir = await benchmarkWith('verify', [bmiLabel('demo-0001', 'weighs 70 kg, 175 cm.', 22.857)]);
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      const remote = await runCli([
        'verify-labels',
        '--dir',
        dir,
        '--base-url',
        'https://api.example.org/v1',
        '--model',
        'm',
      ]);
      expect(remote.code).toBe(2);
      expect(remote.err).toContain('set OPENAI_API_KEY');
      const dry = await runCli([
        'verify-labels',
        '--dir',
        dir,
        '--base-url',
        'https://api.example.org/v1',
        '--model',
        'm',
        '--dry-run',
      ]);
      expect(dry.out).toMatch(/Dry run: 5 call\(s\) to make/);
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
  });
});

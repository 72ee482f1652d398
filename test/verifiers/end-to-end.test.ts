import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { readAllLabels } from '../../src/store/read.js';
import { demoResponder, runVerifierDemo } from '../../src/verifiers/llm/demo.js';
import { startScriptedServer } from '../../src/verifiers/llm/scripted-server.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { HAS_SHARED, REPO_ROOT, V1_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

useTestIdentity();

async function proposeAndDescribe(dir: string, out: string) {
  const proposed = await runCli([
    'propose',
    '--from',
    out,
    '--verifier',
    'demo-transcripts',
    '--branch',
    'relabel/verifier',
    '--dir',
    dir,
  ]);
  expect(proposed.err).toBe('');
  expect(proposed.code).toBe(0);
  const body = await runCli(['pr-body', '--dir', dir]);
  return { proposed: proposed.out, body: body.out };
}

describe('verify-labels end to end against the scripted loopback server', () => {
  it('on the demo split: the five labels wrong on purpose are relabeled with votes and quotes, one item has no ' +
    'consensus', async () => {
    const demo = await readAllLabels(REPO_ROOT);
    const dir = await benchmarkWith(
      'demo copy',
      demo.map((f) => f.label),
    );
    const out = join(testdir(), 'run.jsonl');
    let log = '';
    const result = await runVerifierDemo({ dir, out, log: (t) => (log += t) });
    expect(log).toMatch(/Scripted chat-completions server on http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(result.lines).toHaveLength(demo.length);
    expect(result.calls).toBe(5 * demo.length);
    expect(result.lines.filter((l) => !l.decided).length).toBeGreaterThan(0);
    const changed = result.lines.filter((l) => l.category !== 'unclassified').map((l) => l.id);
    expect(changed.length).toBeGreaterThanOrEqual(5);
    const { proposed, body } = await proposeAndDescribe(dir, out);
    // The five wrong on purpose: four get a new value, the anion gap without chloride becomes N/A.
    expect(proposed).toMatch(/4 relabeled, 1 incomputable/);
    expect(body).toMatch(/votes 5 of 5 for /);
    expect(body).toContain('quotes: ');
    expect(body).toContain('model demo-transcripts-1');
  }, 120_000);

  it.skipIf(!HAS_SHARED)(
    'on 20 real v1.0 items the audit triages (../shared): output through propose --from into a branch, votes in ' +
      'pr-body',
    async () => {
      const parent = mkdtempSync(join(tmpdir(), 'steward-verify-real-'));
      try {
        expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
        const dir = join(parent, 'bench');
        await importMedcalcBench({ dir, source: V1_CSV, split: 'test', sourceVersion: '1.0' });
        const labels = (await readAllLabels(dir)).map((f) => f.label);
        {
          const server = await startScriptedServer(demoResponder(labels));
          try {
            const audit = await runCli(['audit', '--dir', dir, '--json']);
            const ids = (JSON.parse(audit.out).triage as { id: string }[]).slice(0, 20).map((t) => t.id);
            expect(ids).toHaveLength(20);
            const out = join(dir, 'verifier', 'run.jsonl');
            const run = await runCli([
              'verify-labels',
              '--dir',
              dir,
              '--ids',
              ids.join(','),
              '--base-url',
              server.url,
              '--model',
              'demo',
              '--out',
              out,
            ]);
            expect(run.err).toBe('');
            expect(run.out).toMatch(/^20 item\(s\) written/);
            expect(server.requests).toHaveLength(100);
            const lines = readFileSync(out, 'utf8')
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l));
            expect(lines.map((l) => l.id)).toEqual(ids);
            for (const l of lines) expect(l.provenance.calls).toHaveLength(5);
            const { proposed, body } = await proposeAndDescribe(dir, out);
            expect(proposed).toMatch(/relabeled/);
            expect(body).toMatch(/votes \d of 5 for /);
          } finally {
            await server.close();
          }
        }
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

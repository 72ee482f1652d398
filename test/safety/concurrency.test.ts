import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Label } from '../../src/label/types.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { benchRepo, registerReviewer } from '../review/fixture.js';
import { fsckClean, gitStatus, runSteward } from './child.js';

beforeAll(useTestIdentity);

const TRIALS = 3;

/** Labels demo-1000… : one per trial, so every trial signs a label nobody signed yet. */
function trialLabels(n: number): Label[] {
  const base = makeLabel();
  return Array.from({ length: n }, (_, i) =>
    makeLabel({ id: `demo-${1000 + i}`, source: { ...base.source, row: 100 + i, noteId: `n-${100 + i}` } }),
  );
}

function committedLabel(dir: string, id: string): Label {
  const path = gitCli(dir, ['ls-tree', '-r', '--name-only', 'HEAD', 'labels'])
    .split('\n')
    .find((p) => p.endsWith(`/${id}.json`))!;
  return JSON.parse(gitCli(dir, ['show', `HEAD:${path}`])) as Label;
}

describe('two writers at once (real CLI processes)', () => {
  it('signoff pairs on one label: both sign-offs land, or the loser is refused with exit 2; never one lost with ' +
    'exit 0', { timeout: 240_000 }, async () => {
    const dir = await benchRepo(trialLabels(TRIALS));
    const keyA = await registerReviewer(dir, 'dr-a');
    const keyB = await registerReviewer(dir, 'dr-b');
    for (let t = 0; t < TRIALS; t++) {
      const id = `demo-${1000 + t}`;
      const [a, b] = await Promise.all([
        runSteward(['signoff', id, '--reviewer', 'dr-a', '--decision', 'approve', '--key', keyA, '--dir', dir]),
        runSteward([
          'signoff',
          id,
          '--reviewer',
          'dr-b',
          '--decision',
          'reject',
          '--note',
          'wrong unit',
          '--key',
          keyB,
          '--dir',
          dir,
        ]),
      ]);
      const label = committedLabel(dir, id);
      for (const [run, reviewer] of [
        [a, 'dr-a'],
        [b, 'dr-b'],
      ] as const) {
        expect([0, 2], run.err).toContain(run.code);
        if (run.code === 0) expect(label.signoffs.map((s) => s.reviewer)).toContain(reviewer);
        else expect(run.err).toMatch(/LOCKED|REF_MOVED|being written by|moved while/);
      }
      expect(a.code === 0 || b.code === 0).toBe(true);
      expect(gitStatus(dir)).toBe('');
    }
    expect(fsckClean(dir).ok).toBe(true);
  });

  it('propose pairs on one branch: each proposal that says it committed is on the branch', {
    timeout: 240_000,
  }, async () => {
    const dir = await benchRepo(trialLabels(2 * TRIALS));
    for (let t = 0; t < TRIALS; t++) {
      const ids = [`demo-${1000 + 2 * t}`, `demo-${1001 + 2 * t}`];
      const runs = await Promise.all(
        ids.map((id, k) =>
          runSteward([
            'propose',
            id,
            '--value',
            String(30 + k + t),
            '--category',
            'calculator-logic-mismatch',
            '--rationale',
            'recomputed',
            '--branch',
            'relabel/pair',
            '--json',
            '--dir',
            dir,
          ]),
        ),
      );
      for (const run of runs) {
        expect([0, 2], run.err).toContain(run.code);
        if (run.code !== 0) continue;
        const { commit } = JSON.parse(run.out) as { commit: string };
        expect(gitCli(dir, ['merge-base', '--is-ancestor', commit, 'relabel/pair'])).toBe('');
      }
      for (const [k, run] of runs.entries()) {
        if (run.code !== 0) continue;
        const path = gitCli(dir, ['ls-tree', '-r', '--name-only', 'relabel/pair', 'labels'])
          .split('\n')
          .find((p) => p.endsWith(`/${ids[k]}.json`))!;
        const label = JSON.parse(gitCli(dir, ['show', `relabel/pair:${path}`])) as Label;
        expect(label.answer.value).toBe(30 + k + t);
      }
    }
    expect(fsckClean(dir).ok).toBe(true);
  });

  it('release pairs: one release is made, the other refused', { timeout: 240_000 }, async () => {
    const dir = await benchRepo(trialLabels(2));
    const [a, b] = await Promise.all([
      runSteward(['release', '1.0.0', '--dir', dir]),
      runSteward(['release', '1.0.0', '--dir', dir]),
    ]);
    const codes = [a.code, b.code].sort();
    expect(codes[0], a.err + b.err).toBe(0);
    expect([1, 2]).toContain(codes[1]);
    const loser = a.code === 0 ? b : a;
    expect(loser.err).toMatch(/LOCKED|being written by|already exists|not greater/);
    expect(gitCli(dir, ['tag', '-l']).trim()).toBe('v1.0.0');
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').match(/1\.0\.0/g)?.length ?? 0).toBeGreaterThan(0);
    expect(gitStatus(dir)).toBe('');
    expect(fsckClean(dir).ok).toBe(true);
  });
});

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/store/canonical.js';
import { pathOfLabel } from '../../src/store/write.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { snapshotTree } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

/**
 * A release pins the labels of its commit. On a clean tree it takes the files on disk for HEAD's (no
 * diff against the working tree), so whatever git does not see as a change must still be found: a
 * label file git ignores, one hidden from status (skip-worktree), and the tree's state for the gate.
 */
const labels = () => [makeLabel(), makeLabel({ id: 'demo-0002', note: 'Another synthetic note.' })];

function writeLabel(dir: string, overrides: Parameters<typeof makeLabel>[0]): string {
  const label = makeLabel(overrides);
  const path = pathOfLabel(label);
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), canonicalJson(label));
  return path;
}

async function refusedUntouched(dir: string, pattern: RegExp): Promise<void> {
  const before = snapshotTree(dir);
  const dry = await runCli(['release', '1.0.0', '--dry-run', '--dir', dir]);
  expect(dry.code).toBe(1);
  expect(dry.out).toMatch(pattern);
  const real = await runCli(['release', '1.0.0', '--dir', dir]);
  expect(real.code).toBe(1);
  expect(real.err).toMatch(pattern);
  expect(snapshotTree(dir)).toEqual(before);
  expect(gitCli(dir, ['tag'])).toBe('');
}

describe('first release: the labels on disk must be the commit’s', () => {
  it('releases exactly the committed labels of a clean tree', async () => {
    const dir = await benchmarkWith('tiny', labels());
    const made = await runCli(['release', '1.0.0', '--dir', dir, '--json']);
    expect(made.code).toBe(0);
    const record = JSON.parse(made.out).record;
    expect(record.manifest.items.map((i: string[]) => i[0])).toEqual(['demo-0001', 'demo-0002']);
    const out = join(dir, '..', 'v1.jsonl');
    const exported = await runCli(['export', '--version', '1.0.0', '--format', 'jsonl', '--out', out, '--dir', dir]);
    expect(exported.code).toBe(0);
  });

  it('refuses a label file that git ignores (it is not in the commit it would pin)', async () => {
    const dir = await benchmarkWith('tiny', labels());
    writeFileSync(join(dir, '.git/info/exclude'), 'demo-0003.json\n');
    const path = writeLabel(dir, { id: 'demo-0003' });
    expect(gitCli(dir, ['status', '--porcelain'])).toBe('');
    await refusedUntouched(dir, new RegExp(`not committed.*${path}`));
  });

  it('refuses a label file ignored by a committed .gitignore', async () => {
    const dir = await benchmarkWith('tiny', labels());
    writeFileSync(join(dir, 'labels/.gitignore'), 'demo/bmi/demo-0009.json\n');
    gitCli(dir, ['add', 'labels/.gitignore']);
    gitCli(dir, ['commit', '-qm', 'ignore one label']);
    const path = writeLabel(dir, { id: 'demo-0009' });
    expect(gitCli(dir, ['status', '--porcelain'])).toBe('');
    await refusedUntouched(dir, new RegExp(`not committed.*${path}`));
  });

  it('refuses a committed label file missing on disk behind skip-worktree', async () => {
    const dir = await benchmarkWith('tiny', labels());
    const path = pathOfLabel(makeLabel({ id: 'demo-0002' }));
    gitCli(dir, ['update-index', '--skip-worktree', path]);
    rmSync(join(dir, path));
    expect(gitCli(dir, ['status', '--porcelain'])).toBe('');
    await refusedUntouched(dir, new RegExp(`missing on disk.*${path}`));
  });

  it('refuses an untracked label file and an edited one (a dirty tree), as before', async () => {
    const dir = await benchmarkWith('tiny', labels());
    writeLabel(dir, { id: 'demo-0004' });
    await refusedUntouched(dir, /uncommitted changes/);
    const edited = await benchmarkWith('tiny', labels());
    writeLabel(edited, { note: 'Edited after the commit.' });
    await refusedUntouched(edited, /uncommitted changes/);
  });

  it('checks every label of a first release as added: a relabel without sign-off fails the gate', async () => {
    const original = makeLabel({ id: 'demo-0002' });
    const answer = { kind: 'decimal' as const, value: 30, lower: 28.5, upper: 31.5 };
    const relabeled = {
      ...original,
      answer,
      status: 'relabeled' as const,
      revision: {
        previous: original.answer,
        proposed: answer,
        category: 'unclassified',
        rationale: 'a relabel nobody signed',
        proposer: 'someone',
        verifier: 'bench',
        time: '2026-11-23T00:00:00.000Z',
      },
    };
    const dir = await benchmarkWith('tiny', [makeLabel(), relabeled as typeof original]);
    await refusedUntouched(dir, /steward check fails for 1 label\(s\).*demo-0002/);
  });

  it('checks labels already at the root commit against it: an unsigned relabel fails the gate', async () => {
    const dir = await benchmarkWith('tiny', labels());
    // Fold the labels into the root commit, then change one answer without a revision or sign-off.
    gitCli(dir, ['reset', '-q', '--soft', 'HEAD~1']);
    gitCli(dir, ['commit', '-q', '--amend', '-m', 'root with labels']);
    expect(gitCli(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
    const path = join(dir, pathOfLabel(makeLabel({ id: 'demo-0002' })));
    const label = JSON.parse(readFileSync(path, 'utf8'));
    label.answer = { kind: 'decimal', value: 30, lower: 28.5, upper: 31.5 };
    writeFileSync(path, canonicalJson(label));
    expect((await runCli(['commit', '-m', 'relabel', '--dir', dir])).code).toBe(0);
    await refusedUntouched(dir, /steward check fails for 1 label\(s\).*demo-0002/);
  });

  it('passes labels already at the root commit that did not change, and a new original one', async () => {
    const dir = await benchmarkWith('tiny', labels());
    gitCli(dir, ['reset', '-q', '--soft', 'HEAD~1']);
    gitCli(dir, ['commit', '-q', '--amend', '-m', 'root with labels']);
    writeLabel(dir, { id: 'demo-0005' });
    expect((await runCli(['commit', '-m', 'one more', '--dir', dir])).code).toBe(0);
    const made = await runCli(['release', '1.0.0', '--dir', dir, '--json']);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const items = JSON.parse(made.out).record.manifest.items.map((i: string[]) => i[0]);
    expect(items).toEqual(['demo-0001', 'demo-0002', 'demo-0005']);
  });
});

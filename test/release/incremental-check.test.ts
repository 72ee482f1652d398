import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import type { Label } from '../../src/label/types.js';
import { type Manifest, buildManifest } from '../../src/release/manifest.js';
import { release } from '../../src/release/release.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { readAllLabels } from '../../src/store/read.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

const relabeled = makeLabel({
  id: 'demo-0003',
  note: 'A third synthetic note.',
  answer: { kind: 'decimal', value: 23.5, lower: 22.325, upper: 24.675 },
  status: 'relabeled',
  revision: {
    previous: { kind: 'decimal', value: 22.857, lower: 21.71415, upper: 23.99985 },
    proposed: { kind: 'decimal', value: 23.5, lower: 22.325, upper: 24.675 },
    category: 'extraction-error',
    rationale: 'the weight was misread',
    proposer: 'Test Steward',
    verifier: 'test-verifier',
    time: '2026-11-23T00:00:00.000Z',
  },
} as Partial<Label>);

const keys = new Map<string, string>();
const physicianKey = (dir: string) => keys.get(dir)!;

/** A benchmark of three labels (one relabeled under 'extraction-error'), released as 1.0.0. */
async function released(): Promise<string> {
  const dir = await benchmarkWith('incremental', [
    makeLabel(),
    makeLabel({ id: 'demo-0002', note: 'Another synthetic note.' }),
    relabeled,
  ]);
  // A physician registered before the release: the trust root of the next one.
  const key = join(testdir(), 'dr-a.pem');
  expect((await runCli(['keygen', '--out', key, '--dir', dir])).code).toBe(0);
  expect(
    (await runCli(['reviewer', 'add', 'dr-a', '--name', 'Dr A', '--role', 'physician', '--key', key, '--dir', dir]))
      .code,
  ).toBe(0);
  keys.set(dir, key);
  const first = await release({ dir, version: '1.0.0', gate: runCheck, allowVerifierOnly: true });
  expect(first.checked).toEqual({ files: 3, all: true, unchangedSince: null });
  expect(first.record.checked).toEqual({ rules: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), signed: [] });
  // New labels are hashed as they are read and counted, not kept: the same record as a full computation.
  expect(first.record.statistics).toMatchObject({ total: 3, previousTotal: 0, added: 3, unchanged: 0 });
  expect(asArrays(first.record.manifest)).toEqual(buildManifest((await readAllLabels(dir)).map((l) => l.label)));
  return dir;
}

/** Rewrites a JSON file of the repository through `edit` (canonical form) and commits everything. */
function editJson(dir: string, path: string, edit: (json: Record<string, unknown>) => void, message: string): void {
  const json = JSON.parse(readFileSync(join(dir, path), 'utf8'));
  edit(json);
  writeFileSync(join(dir, path), canonicalJson(json));
  commitAll(dir, message);
}

function commitAll(dir: string, message: string): void {
  gitCli(dir, ['add', '-A']);
  gitCli(dir, ['-c', 'user.name=Test Steward', '-c', 'user.email=steward@example.org', 'commit', '-q', '-m', message]);
}

/** A release's manifest with its items as an array (the release holds them as a view: CompactItems.sortedById). */
const asArrays = (m: Manifest) => ({ ...m, items: [...m.items] });

describe('a release checks again only what changed since the previous one, under the same rules', () => {
  it('reads the changed file only, and its record equals a full recomputation', async () => {
    const dir = await released();
    const file = join(dir, 'labels/demo/bmi/demo-0002.json');
    writeFileSync(file, canonicalJson(makeLabel({ id: 'demo-0002', note: 'Another synthetic note, corrected.' })));
    // A note edit is a content change: it needs a physician registered at v1.0.0 to sign it.
    expect(
      (
        await runCli([
          'signoff',
          'demo-0002',
          '--reviewer',
          'dr-a',
          '--decision',
          'approve',
          '--key',
          physicianKey(dir),
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    const next = await release({ dir, version: '1.1.0', dryRun: true, gate: runCheck });
    expect(next.refusals).toEqual([]);
    expect(next.checked).toEqual({ files: 1, all: false, unchangedSince: '1.0.0' });
    expect(next.record.statistics).toMatchObject({ total: 3, otherEdits: 1, unchanged: 2 });
    expect(asArrays(next.record.manifest)).toEqual(buildManifest((await readAllLabels(dir)).map((l) => l.label)));
  });

  it('still finds a new label that takes the id of one it did not read', async () => {
    const dir = await released();
    mkdirSync(join(dir, 'labels/demo/mean-arterial-pressure'), { recursive: true });
    const base = makeLabel();
    const twin = makeLabel({
      id: 'demo-0001',
      calculator: { id: 5, name: 'Mean Arterial Pressure (MAP)', category: 'physical' },
      source: { ...base.source, calculatorId: 5 },
      entities: {},
    });
    writeFileSync(join(dir, 'labels/demo/mean-arterial-pressure/demo-0001.json'), canonicalJson(twin));
    commitAll(dir, 'a twin');
    const next = await release({ dir, version: '1.1.0', dryRun: true, gate: runCheck });
    expect(next.checked.all).toBe(false);
    expect(next.refusals.join('\n')).toMatch(
      /demo-0001: .*id "demo-0001" is also used by a label unchanged since v1\.0\.0/,
    );
  });

  it('checks every label again when the taxonomy changed, and refuses the unchanged label it now rejects', async () => {
    const dir = await released();
    editJson(
      dir,
      'schema/error-categories.json',
      (t) => (t.categories = (t.categories as { id: string }[]).filter((c) => c.id !== 'extraction-error')),
      'taxonomy without extraction-error',
    );
    const next = await release({ dir, version: '1.1.0', dryRun: true, gate: runCheck });
    expect(next.checked).toEqual({ files: 3, all: true, unchangedSince: null });
    expect(next.refusals.join('\n')).toMatch(/demo-0003: .*extraction-error/);
    // And the CLI says how much it checked.
    const cli = await runCli(['release', '1.1.0', '--dry-run', '--dir', dir]);
    expect(cli.out).toContain('Checked all 3 label files.');
  });

  it('checks every label when the previous record does not say what its checks rested on', async () => {
    const dir = await released();
    // A record from before `checked` existed: rewrite 1.0.0's without it, and move its tag there.
    editJson(dir, 'changelogs/v1.0.0.json', (record) => delete record.checked, 'an older record');
    gitCli(dir, ['tag', '-f', '-a', 'v1.0.0', '-m', 'older']);
    writeFileSync(
      join(dir, 'labels/demo/bmi/demo-0002.json'),
      canonicalJson(makeLabel({ id: 'demo-0002', note: 'Edited.' })),
    );
    // A note edit is a content change: signed by the physician registered at v1.0.0 (the signoff commits it).
    expect(
      (
        await runCli([
          'signoff',
          'demo-0002',
          '--reviewer',
          'dr-a',
          '--decision',
          'approve',
          '--key',
          physicianKey(dir),
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    const next = await release({ dir, version: '1.1.0', dryRun: true, gate: runCheck });
    expect(next.checked).toEqual({ files: 3, all: true, unchangedSince: null });
    expect(next.record.statistics).toMatchObject({ total: 3, otherEdits: 1, unchanged: 2 });
    const cli = await runCli(['release', '1.1.0', '--dir', dir]);
    expect(cli.err).toBe('');
    expect(cli.code).toBe(0);
    const after = await runCli(['release', 'patch', '--dry-run', '--dir', dir]);
    // demo-0002 carries a sign-off now (see above), so it is read again with the changed ones.
    expect(after.out).toContain(
      'Checked 1 label files (changed since 1.1.0, or signed); the other 2 are byte-identical to 1.1.0',
    );
  });

  it('refuses a label that does not validate, and a dry run still reports the rest', async () => {
    const dir = await released();
    editJson(dir, 'labels/demo/bmi/demo-0002.json', (label) => delete label.answer, 'answer lost');
    const next = await release({ dir, version: '1.1.0', dryRun: true, gate: runCheck });
    expect(next.refusals.join('\n')).toMatch(/demo-0002: .*answer/);
    expect([...next.record.manifest.items].map((i) => i[0])).toEqual(['demo-0001', 'demo-0003']);
    await expect(release({ dir, version: '1.1.0', gate: runCheck })).rejects.toThrow(/refused: steward check fails/);
  });
});

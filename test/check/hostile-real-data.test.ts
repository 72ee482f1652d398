import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import type { Label } from '../../src/label/types.js';
import { readAllLabels } from '../../src/store/read.js';
import { runCli } from '../helpers/cli.js';
import { tag, useTestIdentity } from '../helpers/git.js';
import { HAS_SHARED, V1_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';
import { type TrustedBench, expectRefused, ok, readJson, writeJson } from './hostile-fixture.js';

/**
 * The real MedCalc-Bench v1.0 test set imported into a temp benchmark whose first commit registers the
 * maintainer, a physician registered by a signed record, tagged v1.0.0: the hostile PRs on real items.
 */
describe.skipIf(!HAS_SHARED)('hostile pull requests on the real v1.0 labels', () => {
  let template: TrustedBench;
  let roots: string[];
  let files: Map<string, string>;

  beforeAll(async () => {
    useTestIdentity();
    const root = mkdtempSync(join(tmpdir(), 'steward-hostile-real-'));
    const keyDir = mkdtempSync(join(tmpdir(), 'steward-hostile-real-keys-'));
    roots = [root, keyDir];
    const keys = {
      maint: join(keyDir, 'maint.pem'),
      'dr-a': join(keyDir, 'dr-a.pem'),
      'dr-b': join(keyDir, 'dr-b.pem'),
      mallory: join(keyDir, 'mallory.pem'),
    };
    expect(
      (await runCli(['init', 'bench', '--maintainer', 'maint', '--maintainer-key', keys.maint, '--dir', root])).code,
    ).toBe(0);
    const dir = join(root, 'bench');
    expect((await importMedcalcBench({ dir, source: V1_CSV, split: 'test', sourceVersion: '1.0' })).added).toBe(1047);
    for (const id of ['dr-a', 'mallory'] as const)
      expect((await runCli(['keygen', '--out', keys[id], '--dir', dir])).code).toBe(0);
    const added = await runCli([
      'reviewer',
      'add',
      'dr-a',
      '--name',
      'Dr A',
      '--role',
      'physician',
      '--key',
      keys['dr-a'],
      '--signer',
      'maint',
      '--signer-key',
      keys.maint,
      '--dir',
      dir,
    ]);
    expect(added.code, added.err).toBe(0);
    await tag(dir, 'v1.0.0');
    template = { dir, keys };
    files = new Map((await readAllLabels(dir)).map((e) => [e.label.id, e.file]));
  });
  afterAll(() => roots.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const copy = (): TrustedBench => {
    const dir = join(testdir(), 'bench');
    cpSync(template.dir, dir, { recursive: true });
    return { dir, keys: template.keys };
  };
  const edit = (b: TrustedBench, id: string, change: (l: Label) => void) => {
    const label = readJson(b.dir, files.get(id)!);
    change(label);
    writeJson(b.dir, files.get(id)!, label);
  };

  it('the real benchmark as imported passes against its own tag; init and the physician left two signed records', async () => {
    expect(readdirSync(join(template.dir, 'reviewers', 'changes'))).toHaveLength(2);
    expect((await runCheck({ dir: template.dir, base: 'v1.0.0' })).passed).toBe(true);
  });

  it('a relabel of a real item signed by the base-registered physician passes', async () => {
    const b = copy();
    await ok(
      b.dir,
      'propose',
      'test-0003',
      '--value',
      '9',
      '--category',
      'extraction-error',
      '--rationale',
      'weight from the right admission',
    );
    await ok(b.dir, 'signoff', 'test-0003', '--reviewer', 'dr-a', '--decision', 'approve', '--key', b.keys['dr-a']);
    const result = await runCheck({ dir: b.dir, base: 'v1.0.0' });
    expect(result.passed).toBe(true);
    expect(result.labels.map((l) => [l.id, l.approvedBy])).toEqual([['test-0003', ['dr-a']]]);
  });

  it('swapping two real items’ source.row fails for both', async () => {
    const b = copy();
    const row = (id: string) => readJson(b.dir, files.get(id)!).source.row;
    const [r1, r2] = [row('test-0001'), row('test-0002')];
    edit(b, 'test-0001', (l) => (l.source.row = r2));
    edit(b, 'test-0002', (l) => (l.source.row = r1));
    await expectRefused(b.dir, {
      label: 'test-0001',
      code: 'missing-signoff',
      reason: /a content change needs 1 physician sign-off/,
    });
    await expectRefused(b.dir, { label: 'test-0002', code: 'missing-signoff', reason: /a content change/ });
  });

  it('a real note, entities or explanation changed without a sign-off fails', async () => {
    const b = copy();
    edit(b, 'test-0010', (l) => (l.note = l.note.replace(/\d/, '9')));
    edit(b, 'test-0011', (l) => (l.entities = { ...l.entities, age: [99, 'years'] }));
    edit(b, 'test-0012', (l) => (l.explanation += ' '));
    for (const id of ['test-0010', 'test-0011', 'test-0012'])
      await expectRefused(b.dir, { label: id, code: 'missing-signoff', reason: /content change/ });
  });

  it('limits of ±1e300 on a real relabel fail even when signed', async () => {
    const b = copy();
    const decimal = [...files.keys()].find((id) => readJson(template.dir, files.get(id)!).answer.kind === 'decimal')!;
    edit(b, decimal, (l) => {
      if (l.answer.kind === 'decimal') l.answer = { ...l.answer, lower: -1e300, upper: 1e300 };
    });
    await ok(b.dir, 'signoff', decimal, '--reviewer', 'dr-a', '--decision', 'approve', '--key', b.keys['dr-a']);
    await expectRefused(b.dir, { label: decimal, code: 'insane-answer', reason: /limits -1e\+300\.\.1e\+300/ });
  });

  it('a physician added in the same PR who signs a real relabel does not count', async () => {
    const b = copy();
    await ok(
      b.dir,
      'reviewer',
      'add',
      'mallory',
      '--name',
      'M',
      '--role',
      'physician',
      '--key',
      b.keys.mallory,
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    await ok(b.dir, 'propose', 'test-0003', '--value', '9', '--category', 'extraction-error', '--rationale', 'r');
    await ok(b.dir, 'signoff', 'test-0003', '--reviewer', 'mallory', '--decision', 'approve', '--key', b.keys.mallory);
    await expectRefused(b.dir, {
      label: 'test-0003',
      reviewer: 'mallory',
      code: 'unknown-reviewer',
      reason: /not registered at the base v1\.0\.0/,
    });
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { loadPrivateKey, publicKeyOfFile } from '../../src/review/keys.js';
import { signSignoff } from '../../src/review/sign.js';
import { contentHash } from '../../src/store/canonical.js';
import { useTestIdentity } from '../helpers/git.js';
import { PATHS } from '../review/fixture.js';
import {
  type TrustedBench,
  cli,
  copyBench,
  expectRefused,
  gitCli,
  makeTrustedTemplate,
  ok,
  propose,
  readJson,
  signoff,
  writeJson,
} from './hostile-fixture.js';

let template: TrustedBench;
let cleanup: () => void;
beforeAll(async () => {
  useTestIdentity();
  ({ template, cleanup } = await makeTrustedTemplate());
});
afterAll(() => cleanup());

/** A sign-off made by hand with any key, as an attacker would write it into a label file. */
async function forge(
  b: TrustedBench,
  path: string,
  fields: { reviewer: string; role: string; key: string; decision?: 'approve' | 'reject' | 'amend' },
): Promise<void> {
  const label = readJson(b.dir, path);
  const key = await loadPrivateKey(fields.key, b.dir);
  label.signoffs.push(
    signSignoff(
      label.id,
      {
        reviewer: fields.reviewer,
        role: fields.role,
        decision: fields.decision ?? 'approve',
        time: '2026-06-01T00:00:00.000Z',
        contentHash: contentHash(label),
      },
      key,
    ),
  );
  writeJson(b.dir, path, label);
}

describe('the passing case', () => {
  it('a relabel signed by a physician registered at the base passes (library and CLI)', async () => {
    const b = copyBench(template);
    await propose(b.dir, 'demo-0001', '30');
    await signoff(b, 'demo-0001', 'dr-a', b.keys['dr-a']);
    const result = await runCheck({ dir: b.dir, base: 'v1.0.0' });
    expect(result).toMatchObject({
      passed: true,
      trustProblems: [],
      trustChanges: [],
      summary: { changed: 1, needSignoff: 1, physicianSigned: 1 },
    });
    expect(result.labels[0]).toMatchObject({ id: 'demo-0001', approvedBy: ['dr-a'], problems: [] });
    expect((await cli(b.dir, 'check', '--base', 'v1.0.0')).code).toBe(0);
  });

  it('a trust-root pull request alone, signed by the base maintainer, passes and is reported as one', async () => {
    const b = copyBench(template);
    await ok(b.dir, 'keygen', '--out', join(b.keys.mallory, '..', 'dr-c.pem'));
    await ok(
      b.dir,
      'reviewer',
      'add',
      'dr-c',
      '--name',
      'Dr C',
      '--role',
      'physician',
      '--key',
      join(b.keys.mallory, '..', 'dr-c.pem'),
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    const result = await runCheck({ dir: b.dir, base: 'v1.0.0' });
    expect(result.passed).toBe(true);
    expect(result.trustChanges).toEqual([
      {
        subject: 'dr-c',
        file: 'reviewers/dr-c.json',
        change: 'added',
        signedBy: [expect.objectContaining({ action: 'add', signer: 'maint' })],
      },
    ]);
    expect((await cli(b.dir, 'check', '--base', 'v1.0.0')).out).toMatch(
      /trust-root change since v1\.0\.0 \(reviewers or sign-off policy\):\n {2}reviewers\/dr-c\.json added, signed by maint \(add, /,
    );
    expect((await cli(b.dir, 'pr-body', '--base', 'v1.0.0')).out).toContain('### Trust-root change');
  });
});

describe('part 1: who may sign is read at the base', () => {
  it('a new reviewer added in the PR (even with a signed record) who signs does not count', async () => {
    const b = copyBench(template);
    await ok(
      b.dir,
      'reviewer',
      'add',
      'mallory',
      '--name',
      'Mallory',
      '--role',
      'physician',
      '--key',
      b.keys.mallory,
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    await propose(b.dir, 'demo-0001', '30');
    await signoff(b, 'demo-0001', 'mallory', b.keys.mallory);
    const result = await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'mallory',
      code: 'unknown-reviewer',
      reason: /mallory is not registered at the base v1\.0\.0/,
    });
    expect(result.trustProblems.map((p) => p.code)).toEqual(['mixed-trust-root-change']);
  });

  it('a hand-written reviewer file does not count and is an unsigned trust-root change', async () => {
    const b = copyBench(template);
    writeJson(b.dir, 'reviewers/mallory.json', {
      id: 'mallory',
      name: 'Mallory',
      role: 'physician',
      publicKey: await publicKeyOfFile(b.keys.mallory),
    });
    await propose(b.dir, 'demo-0001', '30');
    await forge(b, PATHS.bmi1, { reviewer: 'mallory', role: 'physician', key: b.keys.mallory });
    await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'mallory',
      code: 'unknown-reviewer',
      reason: /not registered at the base/,
    });
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'mallory',
      code: 'unsigned-trust-change',
      reason: /reviewers\/mallory\.json added without a change record signed by a maintainer registered at the base/,
    });
  });

  it("replacing a registered reviewer's key and signing as them does not count", async () => {
    const b = copyBench(template);
    const drA = readJson<Record<string, unknown>>(b.dir, 'reviewers/dr-a.json');
    writeJson(b.dir, 'reviewers/dr-a.json', { ...drA, publicKey: await publicKeyOfFile(b.keys.mallory) });
    await propose(b.dir, 'demo-0001', '30');
    await forge(b, PATHS.bmi1, { reviewer: 'dr-a', role: 'physician', key: b.keys.mallory });
    await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'dr-a',
      code: 'bad-signature',
      reason: /does not verify against the key registered for dr-a at the base v1\.0\.0/,
    });
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'dr-a',
      code: 'unsigned-trust-change',
      reason: /reviewers\/dr-a\.json modified/,
    });
  });

  it('a maintainer promoted to physician in the PR does not count as a physician', async () => {
    const b = copyBench(template);
    const maint = readJson<Record<string, unknown>>(b.dir, 'reviewers/maint.json');
    writeJson(b.dir, 'reviewers/maint.json', { ...maint, role: 'physician' });
    await propose(b.dir, 'demo-0001', '30');
    await forge(b, PATHS.bmi1, { reviewer: 'maint', role: 'physician', key: b.keys.maint });
    await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'maint',
      code: 'role-mismatch',
      reason: /says role "physician", but maint is registered at the base v1\.0\.0 as "maintainer"/,
    });
    await expectRefused(b.dir, {
      label: 'demo-0001',
      code: 'missing-signoff',
      reason: /needs 1 physician sign-off\(s\).*has 0/,
    });
  });

  it('lowering policy.relabel to 0 in the PR changes nothing', async () => {
    const b = copyBench(template);
    const config = readJson<{ policy: Record<string, unknown> }>(b.dir, 'steward.config.json');
    writeFileSync(
      join(b.dir, 'steward.config.json'),
      JSON.stringify({ ...config, policy: { ...config.policy, relabel: 0 } }),
    );
    await propose(b.dir, 'demo-0001', '30');
    await expectRefused(b.dir, {
      label: 'demo-0001',
      code: 'missing-signoff',
      reason: /needs 1 physician sign-off\(s\)/,
    });
    await expectRefused(b.dir, {
      trust: true,
      code: 'unsigned-trust-change',
      reason: /the sign-off policy changed \(relabel 1 → 0\)/,
    });
  });

  it('widening physicianRoles in the PR does not make a maintainer a physician', async () => {
    const b = copyBench(template);
    const config = readJson<{ policy: Record<string, unknown> }>(b.dir, 'steward.config.json');
    writeFileSync(
      join(b.dir, 'steward.config.json'),
      JSON.stringify({ ...config, policy: { ...config.policy, physicianRoles: ['physician', 'maintainer'] } }),
    );
    await propose(b.dir, 'demo-0001', '30');
    await signoff(b, 'demo-0001', 'maint', b.keys.maint);
    await expectRefused(b.dir, { label: 'demo-0001', code: 'missing-signoff', reason: /has 0/ });
    await expectRefused(b.dir, {
      trust: true,
      code: 'unsigned-trust-change',
      reason: /physicianRoles \["physician"\] → \["physician","maintainer"\]/,
    });
  });

  it('turning on allowVerifierOnly with a hand-added verifier name does not pass', async () => {
    const b = copyBench(template);
    const config = readJson<{ policy: Record<string, unknown> }>(b.dir, 'steward.config.json');
    writeFileSync(
      join(b.dir, 'steward.config.json'),
      JSON.stringify({ ...config, policy: { ...config.policy, allowVerifierOnly: true } }),
    );
    await propose(b.dir, 'demo-0001', '30');
    const label = readJson(b.dir, PATHS.bmi1);
    writeJson(b.dir, PATHS.bmi1, { ...label, revision: { ...label.revision!, verifier: 'trusted-pipeline' } });
    const result = await expectRefused(b.dir, {
      label: 'demo-0001',
      code: 'missing-signoff',
      reason: /needs 1 physician sign-off/,
    });
    expect(result.labels[0].verifierOnly).toBe(false);
    await expectRefused(b.dir, {
      trust: true,
      code: 'unsigned-trust-change',
      reason: /allowVerifierOnly false → true/,
    });
  });

  it('one public key registered under two ids at the base counts once for contentious: 2', async () => {
    const b = copyBench(template);
    // Even were a second id for dr-a's key on the base branch (reviewer add refuses it), it counts once.
    writeJson(b.dir, 'reviewers/dr-a2.json', {
      ...readJson<Record<string, unknown>>(b.dir, 'reviewers/dr-a.json'),
      id: 'dr-a2',
      name: 'Dr A again',
    });
    gitCli(b.dir, ['add', '-A']);
    gitCli(b.dir, ['commit', '-qm', 'a second id for one key']);
    gitCli(b.dir, ['tag', '-f', 'v1.0.0']);
    await propose(b.dir, 'demo-0002', '31', '--contentious');
    await signoff(b, 'demo-0002', 'dr-a', b.keys['dr-a']);
    await signoff(b, 'demo-0002', 'dr-a2', b.keys['dr-a']);
    await expectRefused(b.dir, {
      label: 'demo-0002',
      code: 'missing-signoff',
      reason: /needs 2 physician sign-off\(s\).*has 1 \(dr-a, dr-a2\); dr-a, dr-a2 share keys, so they count as 1/,
    });
  });

  it('registering a second id for a registered key is refused by reviewer add and by the gate', async () => {
    const b = copyBench(template);
    const r = await cli(
      b.dir,
      'reviewer',
      'add',
      'dr-a2',
      '--name',
      'Dr A2',
      '--role',
      'physician',
      '--key',
      b.keys['dr-a'],
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/registered already as dr-a; one key, one reviewer/);
  });
});

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { CHANGES_DIR, type TrustChangeRecord, signChangeRecord } from '../../src/review/change-record.js';
import { loadPrivateKey, publicKeyOfFile } from '../../src/review/keys.js';
import { useTestIdentity } from '../helpers/git.js';
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

const records = (dir: string) => readdirSync(join(dir, CHANGES_DIR)).sort();
const merge = (b: TrustedBench) => {
  gitCli(b.dir, ['add', '-A']);
  gitCli(b.dir, ['commit', '-qm', 'merged', '--allow-empty']);
  gitCli(b.dir, ['tag', '-f', 'v1.0.0']);
};

describe('part 2: trust-root changes are their own signed kind of pull request', () => {
  it('init registers the first maintainer with a self-signed record in the first commit', async () => {
    const b = copyBench(template);
    const first = gitCli(b.dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    const files = gitCli(b.dir, ['show', '--name-only', '--format=', first]).trim().split('\n');
    expect(files).toContain('reviewers/maint.json');
    expect(files.filter((f) => f.startsWith(`${CHANGES_DIR}/`))).toHaveLength(1);
    expect(readJson(b.dir, 'reviewers/maint.json')).toMatchObject({
      id: 'maint',
      role: 'maintainer',
      publicKey: await publicKeyOfFile(b.keys.maint),
    });
    expect(records(b.dir)).toHaveLength(3);
  });

  it('a reviewer change together with a label change in one PR fails, though both are signed', async () => {
    const b = copyBench(template);
    await ok(b.dir, 'keygen', '--out', join(b.keys.mallory, '..', 'dr-d.pem'));
    await ok(
      b.dir,
      'reviewer',
      'add',
      'dr-d',
      '--name',
      'Dr D',
      '--role',
      'physician',
      '--key',
      join(b.keys.mallory, '..', 'dr-d.pem'),
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    await propose(b.dir, 'demo-0001', '30');
    await signoff(b, 'demo-0001', 'dr-a', b.keys['dr-a']);
    await expectRefused(b.dir, {
      trust: true,
      code: 'mixed-trust-root-change',
      reason:
        /changes the trust root \(reviewers\/dr-d\.json added\) and 1 label file\(s\): a reviewer or policy change is its own pull request/,
    });
  });

  it('a change record with a forged signature, or signed by a physician, does not count', async () => {
    const b = copyBench(template);
    const mallory = {
      id: 'mallory',
      name: 'Mallory',
      role: 'physician',
      publicKey: await publicKeyOfFile(b.keys.mallory),
    };
    const forged = signChangeRecord(
      {
        action: 'add',
        subject: 'mallory',
        before: null,
        after: mallory,
        signer: 'maint',
        time: '2026-06-01T00:00:00.000Z',
      },
      await loadPrivateKey(b.keys.mallory, b.dir),
    );
    writeJson(b.dir, 'reviewers/mallory.json', mallory);
    writeJson(b.dir, `${CHANGES_DIR}/20260601T000000000Z-add-mallory.json`, forged);
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'maint',
      code: 'change-record-signer',
      reason: /the signature does not verify against the key registered for maint/,
    });
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'mallory',
      code: 'unsigned-trust-change',
      reason: /reviewers\/mallory\.json added without a change record/,
    });

    const byPhysician = signChangeRecord(
      {
        action: 'add',
        subject: 'mallory',
        before: null,
        after: mallory,
        signer: 'dr-a',
        time: '2026-06-01T00:00:00.000Z',
      },
      await loadPrivateKey(b.keys['dr-a'], b.dir),
    );
    writeJson(b.dir, `${CHANGES_DIR}/20260601T000000000Z-add-mallory.json`, byPhysician);
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'dr-a',
      code: 'change-record-signer',
      reason: /dr-a is registered as "physician", and only a maintainer may change the trust root/,
    });
    // reviewer add refuses to write it in the first place.
    rmSync(join(b.dir, 'reviewers', 'mallory.json'));
    rmSync(join(b.dir, CHANGES_DIR, '20260601T000000000Z-add-mallory.json'));
    const r = await cli(
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
      'dr-a',
      '--signer-key',
      b.keys['dr-a'],
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dr-a is registered as "physician"; only a maintainer signs trust-root changes/);
    const unsigned = await cli(
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
    );
    expect(unsigned.code).toBe(2);
    expect(unsigned.err).toMatch(/signed by a registered maintainer: add --signer/);
  });

  it('a record that does not match the file it claims to sign, or an edited or deleted base record, fails', async () => {
    const b = copyBench(template);
    await ok(
      b.dir,
      'reviewer',
      'add',
      'dr-b',
      '--replace',
      '--name',
      'Dr dr-b',
      '--role',
      'physician',
      '--key',
      b.keys.mallory,
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    // The signed record registers mallory's key for dr-b; the file is then swapped to another role.
    writeJson(b.dir, 'reviewers/dr-b.json', {
      ...readJson<Record<string, unknown>>(b.dir, 'reviewers/dr-b.json'),
      role: 'maintainer',
    });
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'dr-b',
      code: 'change-record-mismatch',
      reason: /reviewers\/dr-b\.json differs from what its signed change record says/,
    });
    gitCli(b.dir, ['checkout', 'v1.0.0', '--', 'reviewers']);
    gitCli(b.dir, ['clean', '-fdq', 'reviewers']);
    const baseRecord = records(b.dir).find((f) => f.includes('-add-dr-a'))!;
    rmSync(join(b.dir, CHANGES_DIR, baseRecord));
    await expectRefused(b.dir, {
      trust: true,
      code: 'change-record-altered',
      reason: /a change record at the base was removed; change records are append-only/,
    });
  });

  it('a reviewer file deleted in the PR fails: reviewers are revoked, never deleted', async () => {
    const b = copyBench(template);
    rmSync(join(b.dir, 'reviewers', 'dr-b.json'));
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'dr-b',
      code: 'reviewer-removed',
      reason:
        /reviewers\/dr-b\.json was removed: a reviewer is revoked \(steward reviewer revoke dr-b\), never deleted/,
    });
  });

  it('a signed set-policy passes alone; then the base policy is the new one', async () => {
    const b = copyBench(template);
    await ok(b.dir, 'reviewer', 'set-policy', '--contentious', '3', '--signer', 'maint', '--signer-key', b.keys.maint);
    const result = await runCheck({ dir: b.dir, base: 'v1.0.0' });
    expect(result.passed).toBe(true);
    expect(result.trustChanges).toEqual([
      expect.objectContaining({
        subject: 'policy',
        file: 'steward.config.json',
        signedBy: [expect.objectContaining({ action: 'set-policy', signer: 'maint' })],
      }),
    ]);
    merge(b);
    await propose(b.dir, 'demo-0002', '31', '--contentious');
    await signoff(b, 'demo-0002', 'dr-a', b.keys['dr-a']);
    await signoff(b, 'demo-0002', 'dr-b', b.keys['dr-b']);
    await expectRefused(b.dir, {
      label: 'demo-0002',
      code: 'missing-signoff',
      reason: /needs 3 physician sign-off\(s\)/,
    });
    const zero = await cli(
      b.dir,
      'reviewer',
      'set-policy',
      '--relabel',
      '0',
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/relabel must be a whole number ≥ 1/);
  });
});

describe('part 2: revocation', () => {
  it('a revoked physician’s later sign-offs do not count; those at the base stand', async () => {
    const b = copyBench(template);
    await propose(b.dir, 'demo-0001', '30');
    await signoff(b, 'demo-0001', 'dr-a', b.keys['dr-a']);
    merge(b);
    await ok(
      b.dir,
      'reviewer',
      'revoke',
      'dr-a',
      '--reason',
      'key lost',
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    expect((await runCheck({ dir: b.dir, base: 'v1.0.0' })).passed).toBe(true);
    merge(b);
    expect(readJson(b.dir, 'reviewers/dr-a.json')).toMatchObject({ revoked: { by: 'maint', reason: 'key lost' } });
    // The approval at the base stands: the unchanged label passes.
    expect((await runCheck({ dir: b.dir, base: 'v1.0.0' })).passed).toBe(true);
    await propose(b.dir, 'demo-0003', '3');
    await signoff(b, 'demo-0003', 'dr-a', b.keys['dr-a']);
    await expectRefused(b.dir, {
      label: 'demo-0003',
      reviewer: 'dr-a',
      code: 'revoked-reviewer',
      reason: /dr-a was revoked by maint \(.*\) and this sign-off is not at the base v1\.0\.0/,
    });
    const again = await cli(
      b.dir,
      'reviewer',
      'add',
      'dr-a',
      '--replace',
      '--name',
      'Dr A',
      '--role',
      'physician',
      '--key',
      b.keys.mallory,
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/a revoked reviewer stays revoked/);
  });

  it('a revoked maintainer signs no trust-root change', async () => {
    const b = copyBench(template);
    await ok(b.dir, 'keygen', '--out', join(b.keys.mallory, '..', 'm2.pem'));
    await ok(
      b.dir,
      'reviewer',
      'add',
      'm2',
      '--name',
      'M2',
      '--role',
      'maintainer',
      '--key',
      join(b.keys.mallory, '..', 'm2.pem'),
      '--signer',
      'maint',
      '--signer-key',
      b.keys.maint,
    );
    merge(b);
    await ok(
      b.dir,
      'reviewer',
      'revoke',
      'maint',
      '--signer',
      'm2',
      '--signer-key',
      join(b.keys.mallory, '..', 'm2.pem'),
    );
    merge(b);
    const mallory = {
      id: 'mallory',
      name: 'Mallory',
      role: 'physician',
      publicKey: await publicKeyOfFile(b.keys.mallory),
    };
    const record: TrustChangeRecord = signChangeRecord(
      {
        action: 'add',
        subject: 'mallory',
        before: null,
        after: mallory,
        signer: 'maint',
        time: '2027-01-01T00:00:00.000Z',
      },
      await loadPrivateKey(b.keys.maint, b.dir),
    );
    writeJson(b.dir, 'reviewers/mallory.json', mallory);
    writeJson(b.dir, `${CHANGES_DIR}/20270101T000000000Z-add-mallory.json`, record);
    await expectRefused(b.dir, {
      trust: true,
      reviewer: 'maint',
      code: 'change-record-signer',
      reason: /the signer maint was revoked/,
    });
  });
});

import { chmodSync, existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';
import { benchRepo, head, lastMessage, registerReviewer } from './fixture.js';

beforeAll(useTestIdentity);

describe('keygen', () => {
  it('writes a PKCS#8 PEM readable by its owner only and prints the public key', async () => {
    const dir = await benchRepo();
    const key = join(testdir(), 'keys', 'dr-a.pem');
    const r = await runCli(['keygen', '--out', key, '--dir', dir, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).publicKey).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
    expect(readFileSync(key, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  it('refuses a path inside the repository (also through a symbolic link) and never overwrites', async () => {
    const dir = await benchRepo();
    const before = snapshotTree(dir);
    const inside = await runCli(['keygen', '--out', join(dir, 'keys', 'k.pem'), '--dir', dir]);
    expect(inside.code).toBe(2);
    expect(inside.err).toMatch(/must not live inside the benchmark repository/);
    const link = join(testdir(), 'link');
    symlinkSync(dir, link);
    expect((await runCli(['keygen', '--out', join(link, 'k.pem'), '--dir', dir])).code).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
    const key = join(testdir(), 'k.pem');
    expect((await runCli(['keygen', '--out', key, '--dir', dir])).code).toBe(0);
    const pem = readFileSync(key, 'utf8');
    const again = await runCli(['keygen', '--out', key, '--dir', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect(readFileSync(key, 'utf8')).toBe(pem);
  });
});

describe('reviewer add', () => {
  it('registers the public key of a key file in reviewers/<id>.json and commits it', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir, 'dr-lee');
    const file = JSON.parse(readFileSync(join(dir, 'reviewers', 'dr-lee.json'), 'utf8'));
    const pub = JSON.parse(
      (await runCli(['keygen', '--out', join(testdir(), 'x.pem'), '--dir', dir, '--json'])).out,
    ).publicKey;
    expect(file).toEqual({
      id: 'dr-lee',
      name: 'Dr dr-lee',
      role: 'physician',
      specialty: 'anesthesiology',
      publicKey: expect.stringMatching(/^ed25519:/),
    });
    expect(file.publicKey).not.toBe(pub);
    expect(lastMessage(dir)).toBe('Add reviewer dr-lee (physician, anesthesiology)');
    expect(existsSync(key)).toBe(true);
  });

  it('registers from the public-key line keygen prints, as a physician sends it', async () => {
    const dir = await benchRepo();
    const folder = testdir();
    const printed = JSON.parse(
      (await runCli(['keygen', '--out', join(folder, 'dr-lee.pem'), '--dir', dir, '--json'])).out,
    ).publicKey;
    writeFileSync(join(folder, 'dr-lee.pub'), printed + '\n');
    const r = await runCli([
      'reviewer',
      'add',
      'dr-lee',
      '--name',
      'Dr Lee',
      '--role',
      'physician',
      '--orcid',
      '0000-0002-1825-0097',
      '--key',
      join(folder, 'dr-lee.pub'),
      '--dir',
      dir,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'reviewers', 'dr-lee.json'), 'utf8'))).toEqual({
      id: 'dr-lee',
      name: 'Dr Lee',
      role: 'physician',
      orcid: '0000-0002-1825-0097',
      publicKey: printed,
    });
    // It signs with the private key that goes with it.
    expect(
      (
        await runCli([
          'signoff',
          'demo-0001',
          '--reviewer',
          'dr-lee',
          '--decision',
          'approve',
          '--key',
          join(folder, 'dr-lee.pem'),
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
  });

  it('bad input: exit 2 and nothing changes (existing id, bad ORCID, bad id, unreadable key)', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir, 'dr-a');
    const before = snapshotTree(dir);
    const commit = head(dir);
    const cases = [
      {
        argv: ['reviewer', 'add', 'dr-a', '--name', 'X', '--role', 'physician', '--key', key],
        err: /already exists; --replace/,
      },
      {
        argv: ['reviewer', 'add', 'dr-b', '--name', 'X', '--role', 'physician', '--orcid', '1234', '--key', key],
        err: /orcid/,
      },
      {
        argv: ['reviewer', 'add', 'Dr B', '--name', 'X', '--role', 'physician', '--key', key],
        err: /not a reviewer id/,
      },
      {
        argv: [
          'reviewer',
          'add',
          'dr-b',
          '--name',
          'X',
          '--role',
          'physician',
          '--key',
          join(dir, 'steward.config.json'),
        ],
        err: /not a PEM/,
      },
      {
        argv: [
          'reviewer',
          'add',
          'dr-b',
          '--name',
          'X',
          '--role',
          'physician',
          '--key',
          join(testdir(), 'missing.pem'),
        ],
        err: /no such key file/,
      },
    ];
    for (const c of cases) {
      const r = await runCli([...c.argv, '--dir', dir]);
      expect(r.code, c.argv.join(' ')).toBe(2);
      expect(r.err).toMatch(c.err);
    }
    expect(snapshotTree(dir)).toEqual(before);
    expect(head(dir)).toBe(commit);
  });

  it('a key others can read is refused for signing', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir, 'dr-a');
    chmodSync(key, 0o644);
    const r = await runCli([
      'signoff',
      'demo-0001',
      '--reviewer',
      'dr-a',
      '--decision',
      'approve',
      '--key',
      key,
      '--dir',
      dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/readable by its owner only/);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestIdentity } from '../helpers/git.js';
import { testdir } from '../helpers/tempdir.js';
import { PATHS } from '../review/fixture.js';
import {
  type TrustedBench,
  cli,
  copyBench,
  gitCli,
  makeTrustedTemplate,
  ok,
  readJson,
  writeJson,
} from './hostile-fixture.js';

let template: TrustedBench;
let cleanup: () => void;
beforeAll(async () => {
  useTestIdentity();
  ({ template, cleanup } = await makeTrustedTemplate());
  // The template's own v1.0.0 is a plain tag; these tests make real releases.
  gitCli(template.dir, ['tag', '-d', 'v1.0.0']);
});
afterAll(() => cleanup());

async function signedRelease(): Promise<TrustedBench> {
  const b = copyBench(template);
  await ok(b.dir, 'release', '1.0.0', '--signer', 'maint', '--key', b.keys.maint);
  return b;
}

const commitAll = (dir: string, message: string) => {
  gitCli(dir, ['add', '-A']);
  gitCli(dir, ['commit', '-qm', message]);
};

describe('part 6: releases are signed', () => {
  it(
    'a release signed by the maintainer registered at the root verifies; cite, verify, export and score say who ' +
      'signed',
    async () => {
      const b = await signedRelease();
      expect(readJson<Record<string, unknown>>(b.dir, 'changelogs/v1.0.0.signature.json')).toMatchObject({
        version: '1.0.0',
        tag: 'v1.0.0',
        signer: 'maint',
      });
      const cite = await cli(b.dir, 'cite', '1.0.0');
      expect(cite.code).toBe(0);
      expect(cite.err).toMatch(/release 1\.0\.0: signed by maint \(maintainer at the root commit [0-9a-f]{10}\)/);
      expect(JSON.parse((await cli(b.dir, 'cite', '--json')).out)).toMatchObject({ signedBy: 'maint' });
      const out = join(testdir(), 'v1.jsonl');
      await ok(b.dir, 'export', '--version', '1.0.0', '--format', 'jsonl', '--out', out);
      expect(await ok(b.dir, 'verify', out)).toMatch(/^OK: 4 items match release 1\.0\.0 .*; signed by maint/);
      const predictions = join(testdir(), 'p.jsonl');
      writeFileSync(predictions, '{"id": "demo-0001", "answer": "22.857"}\n');
      const scored = await cli(b.dir, 'score', predictions, '--version', '1.0.0', '--json');
      expect(scored.code, scored.err).toBe(0);
      expect(scored.out).toContain('signed by maint');
    },
  );

  it('a release of a benchmark with a maintainer is refused unsigned, or signed by a physician', async () => {
    const b = copyBench(template);
    const unsigned = await cli(b.dir, 'release', '1.0.0');
    expect(unsigned.code).toBe(2);
    expect(unsigned.err).toMatch(
      /a release is signed by a maintainer registered at the root commit [0-9a-f]{10}: add --signer <id> --key <private key> \(maintainers: maint\)/,
    );
    const physician = await cli(b.dir, 'release', '1.0.0', '--signer', 'dr-a', '--key', b.keys['dr-a']);
    expect(physician.code).toBe(2);
    expect(physician.err).toMatch(/dr-a is not a maintainer registered at the root commit/);
    const wrongKey = await cli(b.dir, 'release', '1.0.0', '--signer', 'maint', '--key', b.keys.mallory);
    expect(wrongKey.code).toBe(2);
    expect(gitCli(b.dir, ['tag']).trim()).toBe('');
  });

  it('a moved tag is caught by cite, verify, export --version and score --version', async () => {
    const b = await signedRelease();
    const out = join(testdir(), 'v1.jsonl');
    await ok(b.dir, 'export', '--version', '1.0.0', '--format', 'jsonl', '--out', out);
    const label = readJson(b.dir, PATHS.bmi1);
    writeJson(b.dir, PATHS.bmi1, { ...label, answer: { kind: 'decimal', value: 40, lower: 38, upper: 42 } });
    commitAll(b.dir, 'a different answer');
    gitCli(b.dir, ['tag', '-f', '-a', 'v1.0.0', '-m', 'moved']);
    const cite = await cli(b.dir, 'cite', '1.0.0');
    expect(cite.code).toBe(1);
    expect(cite.err).toMatch(
      /release 1\.0\.0 \(v1\.0\.0\) is not trustworthy: the tag points at [0-9a-f]{10}, which changes labels\/demo\/bmi\/demo-0001\.json since the commit the record names/,
    );
    const predictions = join(testdir(), 'p.jsonl');
    writeFileSync(predictions, '{"id": "demo-0001", "answer": "40"}\n');
    for (const argv of [
      ['verify', out],
      ['export', '--version', '1.0.0', '--format', 'jsonl'],
      ['score', predictions, '--version', '1.0.0'],
    ]) {
      const r = await cli(b.dir, ...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err).toMatch(/not trustworthy: the tag points at/);
    }
  });

  it('a tampered release record is caught (its signature no longer covers it)', async () => {
    const b = await signedRelease();
    const path = join(b.dir, 'changelogs', 'v1.0.0.json');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('"verifierOnlyAllowed": false', '"verifierOnlyAllowed": true'),
    );
    commitAll(b.dir, 'tamper');
    gitCli(b.dir, ['tag', '-f', '-a', 'v1.0.0', '-m', 'tampered']);
    const cite = await cli(b.dir, 'cite', '1.0.0');
    expect(cite.code).toBe(1);
    expect(cite.err).toMatch(/is not trustworthy: the release record differs from the one maint signed/);
    // A signature file rewritten by someone without the key fails too.
    const sig = readJson<Record<string, string>>(b.dir, 'changelogs/v1.0.0.signature.json');
    writeJson(b.dir, 'changelogs/v1.0.0.signature.json', {
      ...sig,
      recordSha256: (await import('node:crypto')).createHash('sha256').update(readFileSync(path)).digest('hex'),
    });
    commitAll(b.dir, 'resign by hand');
    gitCli(b.dir, ['tag', '-f', '-a', 'v1.0.0', '-m', 'tampered']);
    const again = await cli(b.dir, 'cite', '1.0.0');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/the signature does not verify against the key registered for maint/);
  });

  it('a second release is signed under the previous release’s registry', async () => {
    const b = await signedRelease();
    await ok(
      b.dir,
      'propose',
      'demo-0001',
      '--value',
      '30',
      '--category',
      'extraction-error',
      '--rationale',
      'recomputed',
    );
    await ok(b.dir, 'signoff', 'demo-0001', '--reviewer', 'dr-a', '--decision', 'approve', '--key', b.keys['dr-a']);
    await ok(b.dir, 'release', '1.1.0', '--signer', 'maint', '--key', b.keys.maint);
    expect((await cli(b.dir, 'cite', '1.1.0')).err).toMatch(/signed by maint \(maintainer at v1\.0\.0\)/);
  });
});

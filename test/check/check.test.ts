import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { proposeBatch } from '../../src/propose/propose-batch.js';
import { publicKeyOfFile } from '../../src/review/keys.js';
import { signSignoff } from '../../src/review/sign.js';
import { loadPrivateKey } from '../../src/review/keys.js';
import { contentHash } from '../../src/store/canonical.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, tag, useTestIdentity } from '../helpers/git.js';
import { testdir } from '../helpers/tempdir.js';
import { PATHS, benchRepo, editLabel, readLabel, registerReviewer, strayKey } from '../review/fixture.js';

beforeAll(useTestIdentity);

/** problem codes per failing label id */
async function problems(
  dir: string,
  options: { base?: string; allowVerifierOnly?: boolean } = {},
): Promise<Record<string, string[]>> {
  const result = await runCheck({ dir, ...options });
  const out: Record<string, string[]> = {};
  for (const l of result.labels) if (l.problems.length > 0) out[l.id] = l.problems.map((p) => p.code);
  expect(result.passed).toBe(Object.keys(out).length === 0 && result.reviewerProblems.length === 0);
  return out;
}

const propose = (dir: string, id: string, value: string, ...more: string[]) =>
  runCli([
    'propose',
    id,
    '--value',
    value,
    '--category',
    'extraction-error',
    '--rationale',
    `recomputed ${id}`,
    ...more,
    '--dir',
    dir,
  ]).then((r) => expect(r.code, r.err).toBe(0));
const sign = (dir: string, ids: string[], reviewer: string, key: string, decision = 'approve', ...more: string[]) =>
  runCli(['signoff', ...ids, '--reviewer', reviewer, '--decision', decision, '--key', key, ...more, '--dir', dir]).then(
    (r) => expect(r.code, r.err).toBe(0),
  );

/**
 * A released benchmark (v1.0.0) with two physicians and a maintainer registered in it: the trust root a
 * pull request is checked against is the base, so reviewers are registered before the release.
 */
async function released() {
  const dir = await benchRepo();
  const drA = await registerReviewer(dir, 'dr-a');
  const drB = await registerReviewer(dir, 'dr-b');
  const maint = await registerReviewer(dir, 'maint', 'maintainer');
  await tag(dir, 'v0.9.0');
  await tag(dir, 'v1.0.0');
  return { dir, drA, drB, maint };
}

describe('steward check: the policy', () => {
  it(
    'a relabel needs a physician approve; a maintainer does not count; exit 1 lists what is missing, exit 0 once ' +
      'signed',
    async () => {
      const { dir, drA, maint } = await released();
      await tag(dir, 'v1.0.0-rc.1');
      expect((await runCli(['check', '--dir', dir])).code).toBe(0);
      await propose(dir, 'demo-0001', '30');
      const failing = await runCli(['check', '--dir', dir]);
      expect(failing.code).toBe(1);
      expect(failing.out).toBe(
        'check against v1.0.0: 1 label(s) changed, 1 relabel(s) need sign-off\n' +
          `demo-0001  ${PATHS.bmi1} (modified)\n` +
          '  missing-signoff: a relabel needs 1 physician sign-off(s) (approve or amend) by reviewers registered ' +
          'at the base v1.0.0, has 0\n' +
          'FAILED: 1 label(s) with problems\n',
      );
      await sign(dir, ['demo-0001'], 'maint', maint);
      expect(await problems(dir)).toEqual({ 'demo-0001': ['missing-signoff'] });
      await sign(dir, ['demo-0001'], 'dr-a', drA);
      const passing = await runCli(['check', '--dir', dir, '--json']);
      expect(passing.code).toBe(0);
      const result = JSON.parse(passing.out);
      expect(result).toMatchObject({
        passed: true,
        base: 'v1.0.0',
        summary: { changed: 1, needSignoff: 1, physicianSigned: 1 },
      });
      expect(result.labels).toEqual([
        expect.objectContaining({
          id: 'demo-0001',
          file: PATHS.bmi1,
          changed: 'modified',
          physicianSigned: true,
          verifierOnly: false,
          approvedBy: ['dr-a'],
          problems: [],
        }),
      ]);
      // Against the first commit every label is new, and a new label needs a sign-off like a relabel;
      // the reviewers are not registered there either, so dr-a's approval does not count.
      const first = gitCli(dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
      expect(await runCheck({ dir, base: first })).toMatchObject({
        passed: false,
        base: first,
        summary: { changed: 4, needSignoff: 4 },
      });
      const unknownBase = await runCli(['check', '--base', 'v9.9.9', '--dir', dir]);
      expect(unknownBase.code).toBe(2);
    },
  );

  it('contentious items need two physicians; a physician reject blocks until that physician approves', async () => {
    const { dir, drA, drB } = await released();
    await propose(dir, 'demo-0002', '31', '--contentious');
    await sign(dir, ['demo-0002'], 'dr-a', drA);
    expect(await problems(dir)).toEqual({ 'demo-0002': ['missing-signoff'] });
    expect((await runCheck({ dir })).labels[0].problems[0].message).toBe(
      'a relabel (marked contentious) needs 2 physician sign-off(s) (approve or amend) by reviewers registered ' +
        'at the base v1.0.0, has 1 (dr-a)',
    );
    await sign(dir, ['demo-0002'], 'dr-b', drB, 'reject', '--note', 'the weight is from another admission');
    expect(await problems(dir)).toEqual({ 'demo-0002': ['rejected', 'missing-signoff'] });
    await sign(dir, ['demo-0002'], 'dr-b', drB, 'approve');
    expect(await problems(dir)).toEqual({});
  });

  it('verifier-only relabels pass only when allowed, and are flagged', async () => {
    const { dir } = await released();
    const file = join(testdir(), 'v.jsonl');
    writeFileSync(file, '{"row": 2, "value": 31.5}\n{"row": 3, "value": "N/A"}\n');
    await proposeBatch({ dir, file, verifier: 'pipeline-v2', split: 'demo' });
    expect(await problems(dir)).toEqual({ 'demo-0002': ['missing-signoff'], 'demo-0003': ['missing-signoff'] });
    const allowed = await runCheck({ dir, allowVerifierOnly: true });
    expect(allowed.passed).toBe(true);
    expect(allowed.labels.map((l) => [l.id, l.verifierOnly])).toEqual([
      ['demo-0002', true],
      ['demo-0003', true],
    ]);
    expect((await runCli(['check', '--allow-verifier-only', '--dir', dir])).out).toMatch(
      /2 relabel\(s\) pass on their verifier alone/,
    );
    // The policy is the base's: turning allowVerifierOnly on in the pull request itself changes nothing
    // but adds an unsigned trust-root change (test/check/hostile-prs.test.ts has the signed way).
    writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ name: 'b', policy: { allowVerifierOnly: true } }));
    const widened = await runCheck({ dir });
    expect(widened.passed).toBe(false);
    expect(widened.trustProblems.map((p) => p.code)).toEqual(['unsigned-trust-change', 'mixed-trust-root-change']);
    rmSync(join(dir, 'steward.config.json'));
    gitCli(dir, ['checkout', '--', 'steward.config.json']);
    // A hand relabel has no verifier: still needs a physician.
    await propose(dir, 'demo-0001', '30');
    expect(await problems(dir, { allowVerifierOnly: true })).toEqual({ 'demo-0001': ['missing-signoff'] });
  });

  it('a stale sign-off after a later proposal is reported; the physician signing again clears it', async () => {
    const { dir, drA } = await released();
    await propose(dir, 'demo-0001', '30');
    await sign(dir, ['demo-0001'], 'dr-a', drA);
    expect(await problems(dir)).toEqual({});
    await propose(dir, 'demo-0001', '33');
    const result = await runCheck({ dir });
    expect(result.labels[0].problems.map((p) => [p.code, p.reviewer])).toEqual([
      ['stale-signoff', 'dr-a'],
      ['missing-signoff', undefined],
    ]);
    expect(result.labels[0].problems[0].message).toMatch(
      /^sign-off by dr-a \(approve, .*\) is stale: it approved content sha256:[0-9a-f]{12}…, and the label has changed since$/,
    );
    await sign(dir, ['demo-0001'], 'dr-a', drA);
    expect(await problems(dir)).toEqual({});
    expect(readLabel(dir, PATHS.bmi1).signoffs).toHaveLength(2);
  });

  it('hand edits without a revision, removed items and invalid labels fail', async () => {
    const { dir } = await released();
    editLabel(dir, PATHS.bmi2, (l) => (l.answer = { kind: 'decimal', value: 30, lower: 28.5, upper: 31.5 }));
    editLabel(dir, PATHS.cha, (l) => (l.status = 'relabeled'));
    rmSync(join(dir, PATHS.due));
    const result = await runCheck({ dir });
    expect(Object.fromEntries(result.labels.map((l) => [l.id, l.problems.map((p) => p.code)]))).toEqual({
      'demo-0002': ['unrecorded-change', 'missing-signoff'],
      'demo-0003': ['invalid-label', 'missing-signoff'],
      'demo-0004': ['removed'],
    });
  });
});

describe('steward check: tampering', () => {
  /** Three signed relabels and a signed confirmation, released as v1.1.0. */
  async function signedRelease() {
    const r = await released();
    await propose(r.dir, 'demo-0001', '30');
    await propose(r.dir, 'demo-0002', '31');
    await propose(r.dir, 'demo-0003', '3');
    await sign(r.dir, ['demo-0001', 'demo-0002', 'demo-0003'], 'dr-a', r.drA);
    await sign(r.dir, ['demo-0004'], 'dr-b', r.drB);
    expect(await problems(r.dir)).toEqual({});
    await tag(r.dir, 'v1.1.0');
    return r;
  }
  const restore = (dir: string) => gitCli(dir, ['checkout', '--', '.']);

  it('each tampering fails the gate and is named, even on labels unchanged since the last release', async () => {
    const { dir } = await signedRelease();
    // 1. A signed label's value edited by hand (limits kept consistent, so only the sign-off notices).
    editLabel(dir, PATHS.bmi1, (l) => {
      if (l.answer.kind === 'decimal') l.answer.value = 31;
    });
    expect(await problems(dir)).toEqual({ 'demo-0001': ['stale-signoff', 'unrecorded-change', 'missing-signoff'] });
    restore(dir);

    // 2. A signature edited.
    editLabel(dir, PATHS.bmi2, (l) => {
      const sig = Buffer.from(l.signoffs[0].signature, 'base64');
      sig[10] ^= 0xff;
      l.signoffs[0].signature = sig.toString('base64');
    });
    expect(await problems(dir)).toEqual({ 'demo-0002': ['signoff-lost', 'bad-signature'] });
    restore(dir);

    // 3. A reviewer's key changed: every signature of dr-b fails, though no label file changed since v1.1.0.
    const other = await strayKey(dir);
    const reviewerFile = join(dir, 'reviewers', 'dr-b.json');
    writeFileSync(
      reviewerFile,
      JSON.stringify({
        ...JSON.parse(gitCli(dir, ['show', 'HEAD:reviewers/dr-b.json'])),
        publicKey: await publicKeyOfFile(other),
      }),
    );
    // Sign-offs are verified with the base's key, so dr-b's stand; the rekeying is an unsigned trust-root change.
    const rekeyed = await runCheck({ dir });
    expect(rekeyed.passed).toBe(false);
    expect(rekeyed.labels).toEqual([]);
    expect(rekeyed.reviewersChanged).toEqual([{ file: 'reviewers/dr-b.json', change: 'modified' }]);
    expect(rekeyed.trustProblems.map((p) => [p.code, p.reviewer])).toEqual([['unsigned-trust-change', 'dr-b']]);
    restore(dir);

    // 4. A sign-off made with a key nobody registered, and one under a reviewer id nobody registered.
    const stray = await loadPrivateKey(other, dir);
    editLabel(dir, PATHS.cha, (l) => {
      const fields = {
        reviewer: 'dr-a',
        role: 'physician',
        decision: 'approve' as const,
        time: '2026-05-01T00:00:00.000Z',
        contentHash: contentHash(l),
      };
      l.signoffs.push(signSignoff(l.id, fields, stray));
      l.signoffs.push(signSignoff(l.id, { ...fields, reviewer: 'dr-ghost' }, stray));
    });
    const forged = await runCheck({ dir });
    expect(forged.labels.map((l) => [l.id, l.problems.map((p) => `${p.code} ${p.reviewer}`)])).toEqual([
      ['demo-0003', ['bad-signature dr-a', 'unknown-reviewer dr-ghost']],
    ]);
    const cli = await runCli(['check', '--dir', dir]);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(
      /demo-0003 {2}labels\/demo\/cha2ds2-vasc\/demo-0003\.json \(modified\)\n {2}bad-signature: the approve by dr-a \(2026-05-01T00:00:00\.000Z\) does not count: the signature does not verify against the key registered for dr-a at the base v1\.1\.0\n {2}unknown-reviewer: the approve by dr-ghost \(2026-05-01T00:00:00\.000Z\) does not count: dr-ghost is not registered at the base v1\.1\.0/,
    );
    restore(dir);
    expect(await problems(dir)).toEqual({});
  });

  it('a broken reviewer file fails the gate', async () => {
    const { dir } = await signedRelease();
    writeFileSync(join(dir, 'reviewers', 'dr-b.json'), '{"id": "dr-b", "name": "B"}');
    const result = await runCheck({ dir });
    expect(result.passed).toBe(false);
    expect(result.reviewerProblems[0]).toMatchObject({ file: 'reviewers/dr-b.json', code: 'invalid-reviewer' });
    // Sign-offs are verified against the base's registry, so dr-b's stand; the broken file fails the gate itself.
    expect(result.labels.map((l) => [l.id, l.problems.map((p) => p.code)])).toEqual([]);
    expect(result.trustChanges.map((c) => [c.file, c.change])).toEqual([['reviewers/dr-b.json', 'modified']]);
  });
});

describe('steward pr-body', () => {
  it('summarizes by category and calculator, lists each change with rationale, evidence and sign-off status', async () => {
    const { dir, drA } = await released();
    await propose(dir, 'demo-0001', '30', '--evidence', 'https://example.org/note-1');
    await propose(dir, 'demo-0003', 'N/A');
    await sign(dir, ['demo-0001'], 'dr-a', drA);
    editLabel(dir, PATHS.bmi2, (l) =>
      l.signoffs.push({
        reviewer: 'ghost',
        role: 'physician',
        decision: 'approve',
        time: '2026-01-01T00:00:00Z',
        contentHash: contentHash(l),
        signature: 'AAAA',
      }),
    );
    const r = await runCli(['pr-body', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "## Relabel: 3 label(s) changed since \`v1.0.0\`

      **Gate: fails.** 2 label(s) need attention; 1 of 2 relabel(s) signed off by a physician.

      2 relabel(s) (answer or revision changed), 0 confirmation(s) (checked, answer kept), 1 other change(s).

      ### By error category

      | Category | Relabels | Physician-signed |
      |---|---:|---:|
      | extraction-error | 2 | 1 |

      ### By calculator

      | Calculator | Relabels | → incomputable |
      |---|---:|---:|
      | Body Mass Index (BMI) | 1 | 0 |
      | CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk | 1 | 1 |

      ### Relabels

      | Label | Calculator | Before → after | Category | Rationale | Evidence | Sign-off |
      |---|---|---|---|---|---|---|
      | \`demo-0001\` | Body Mass Index (BMI) | 22.857 → **30** | extraction-error | recomputed demo-0001 | https://example.org/note-1 | ✅ dr-a approve |
      | \`demo-0003\` | CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk | 4 → **N/A** | extraction-error | recomputed demo-0003 |  | ❌ missing-signoff |

      ### Other problems

      - \`demo-0002\` (modified): unknown-reviewer: the approve by ghost (2026-01-01T00:00:00Z) does not count: ghost is not registered at the base v1.0.0 (a reviewer added in a pull request signs only once that is merged)
      "
    `);
  });
});

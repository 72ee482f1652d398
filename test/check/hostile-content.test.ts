import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import type { Label } from '../../src/label/types.js';
import { pathOfLabel } from '../../src/store/write.js';
import { makeLabel } from '../helpers/labels.js';
import { useTestIdentity } from '../helpers/git.js';
import { PATHS } from '../review/fixture.js';
import {
  type TrustedBench,
  copyBench,
  expectRefused,
  gitCli,
  makeTrustedTemplate,
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

function edit(b: TrustedBench, path: string, change: (l: Label) => void): void {
  const label = readJson(b.dir, path);
  change(label);
  writeJson(b.dir, path, label);
}

/** Commits the working tree and moves v1.0.0 to it: what the base has become after earlier, gated merges. */
function rebase(b: TrustedBench): void {
  gitCli(b.dir, ['add', '-A']);
  gitCli(b.dir, ['commit', '-qm', 'merged earlier', '--allow-empty']);
  gitCli(b.dir, ['tag', '-f', 'v1.0.0']);
}

describe('part 3: nothing about an item changes without a sign-off', () => {
  for (const [field, change] of [
    ['note', (l: Label) => (l.note += ' The patient weighed 120 kg on arrival.')],
    ['entities', (l: Label) => (l.entities.weight = [120, 'kg'])],
    ['explanation', (l: Label) => (l.explanation = 'BMI is weight over height squared; here it is 42.')],
    ['question', (l: Label) => (l.question = 'What is the patient’s BMI at discharge?')],
  ] as const) {
    it(`a changed ${field} without a sign-off fails`, async () => {
      const b = copyBench(template);
      edit(b, PATHS.bmi1, change);
      await expectRefused(b.dir, {
        label: 'demo-0001',
        code: 'missing-signoff',
        reason: /a content change needs 1 physician sign-off\(s\)/,
      });
    });
  }

  it('swapping two items’ source.row (which swaps their answers in the harness export) fails for both', async () => {
    const b = copyBench(template);
    const one = readJson(b.dir, PATHS.bmi1);
    const two = readJson(b.dir, PATHS.bmi2);
    edit(b, PATHS.bmi1, (l) => (l.source.row = two.source.row));
    edit(b, PATHS.bmi2, (l) => (l.source.row = one.source.row));
    await expectRefused(b.dir, { label: 'demo-0001', code: 'missing-signoff', reason: /content change/ });
    await expectRefused(b.dir, { label: 'demo-0002', code: 'missing-signoff', reason: /content change/ });
  });

  it('a signed content change by a base physician passes', async () => {
    const b = copyBench(template);
    edit(b, PATHS.bmi1, (l) => (l.note += ' Corrected typo.'));
    await signoff(b, 'demo-0001', 'dr-a', b.keys['dr-a']);
    expect((await runCheck({ dir: b.dir, base: 'v1.0.0' })).passed).toBe(true);
  });

  it('limits of ±1e300 are refused even with a physician sign-off (new label and relabel)', async () => {
    const b = copyBench(template);
    const wide = makeLabel({
      id: 'demo-0009',
      source: { ...readJson(b.dir, PATHS.bmi1).source, row: 9, noteId: 'n-9' },
      answer: { kind: 'decimal', value: 25, lower: -1e300, upper: 1e300 },
    });
    writeJson(b.dir, pathOfLabel(wide), wide);
    await signoff(b, 'demo-0009', 'dr-a', b.keys['dr-a']);
    edit(b, PATHS.bmi2, (l) => {
      l.answer = { kind: 'decimal', value: 27.778, lower: -1e300, upper: 1e300 };
    });
    await signoff(b, 'demo-0002', 'dr-b', b.keys['dr-b']);
    await expectRefused(b.dir, {
      label: 'demo-0009',
      code: 'insane-answer',
      reason:
        /value and limits must be finite numbers within ±1000000000 \(value 25, limits -1e\+300\.\.1e\+300\); refused whatever its sign-offs/,
    });
    await expectRefused(b.dir, { label: 'demo-0002', code: 'insane-answer', reason: /limits -1e\+300\.\.1e\+300/ });
  });

  it('a new label without a sign-off fails; signed by a base physician it passes', async () => {
    const b = copyBench(template);
    const added = makeLabel({
      id: 'demo-0010',
      source: { ...readJson(b.dir, PATHS.bmi1).source, row: 10, noteId: 'n-10' },
    });
    writeJson(b.dir, pathOfLabel(added), added);
    await expectRefused(b.dir, {
      label: 'demo-0010',
      code: 'missing-signoff',
      reason: /a new label needs 1 physician sign-off\(s\)/,
    });
    await signoff(b, 'demo-0010', 'dr-a', b.keys['dr-a']);
    expect((await runCheck({ dir: b.dir, base: 'v1.0.0' })).passed).toBe(true);
  });

  it('a label deleted or moved between base and head fails', async () => {
    const b = copyBench(template);
    rmSync(join(b.dir, PATHS.due));
    await expectRefused(b.dir, {
      label: 'demo-0004',
      code: 'removed',
      reason: /the label file was removed \(it is at the base v1\.0\.0\)/,
    });
  });
});

describe('part 3: decisions at the base stand', () => {
  /** demo-0001 proposed at 30; dr-b rejected it; merged as the base. */
  async function rejectedAtBase(): Promise<TrustedBench> {
    const b = copyBench(template);
    await propose(b.dir, 'demo-0001', '30');
    await signoff(b, 'demo-0001', 'dr-b', b.keys['dr-b'], 'reject', '--note', 'the weight is from another admission');
    rebase(b);
    return b;
  }

  it('a deleted reject fails, naming the physician whose decision was lost', async () => {
    const b = await rejectedAtBase();
    edit(b, PATHS.bmi1, (l) => (l.signoffs = []));
    await signoff(b, 'demo-0001', 'dr-a', b.keys['dr-a']);
    await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'dr-b',
      code: 'signoff-lost',
      reason: /the reject by dr-b \(.*\) at the base v1\.0\.0 was removed or changed: sign-offs are append-only/,
    });
  });

  it('a changed base sign-off (its note rewritten) fails', async () => {
    const b = await rejectedAtBase();
    edit(b, PATHS.bmi1, (l) => (l.signoffs[0].note = 'fine by me'));
    await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'dr-b',
      code: 'signoff-lost',
      reason: /the reject by dr-b/,
    });
    await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'dr-b',
      code: 'bad-signature',
      reason: /does not verify/,
    });
  });

  it('with relabel: 1, one other physician’s later approval is the quorum that supersedes a reject', async () => {
    const b = await rejectedAtBase();
    // contentious: 2 → one other approval is not the quorum.
    const config = readJson<{ policy: Record<string, unknown> }>(b.dir, 'steward.config.json');
    expect(config.policy.relabel).toBe(1);
    await signoff(b, 'demo-0001', 'dr-a', b.keys['dr-a']);
    // With relabel: 1 the quorum is one physician, dr-a, whose later approval overrules dr-b.
    expect((await runCheck({ dir: b.dir, base: 'v1.0.0' })).passed).toBe(true);
  });

  it('a contentious reject holds against a single approval; dr-b approving later clears it', async () => {
    const b = copyBench(template);
    await propose(b.dir, 'demo-0002', '31', '--contentious');
    await signoff(b, 'demo-0002', 'dr-b', b.keys['dr-b'], 'reject');
    rebase(b);
    await signoff(b, 'demo-0002', 'dr-a', b.keys['dr-a']);
    await expectRefused(b.dir, {
      label: 'demo-0002',
      reviewer: 'dr-b',
      code: 'rejected',
      reason: /rejected by dr-b .*in force until dr-b or 2 other physician\(s\) sign a later decision/,
    });
    await signoff(b, 'demo-0002', 'dr-b', b.keys['dr-b']);
    expect((await runCheck({ dir: b.dir, base: 'v1.0.0' })).passed).toBe(true);
  });

  it('the proposer cannot approve their own proposal', async () => {
    const b = copyBench(template);
    await propose(b.dir, 'demo-0001', '30', '--author', 'Dr dr-a <a@example.org>');
    await signoff(b, 'demo-0001', 'dr-a', b.keys['dr-a']);
    await expectRefused(b.dir, {
      label: 'demo-0001',
      reviewer: 'dr-a',
      code: 'self-approval',
      reason: /dr-a proposed this revision \(proposer "Dr dr-a <a@example\.org>"\) and cannot approve it/,
    });
    await expectRefused(b.dir, { label: 'demo-0001', code: 'missing-signoff', reason: /has 0/ });
    await signoff(b, 'demo-0001', 'dr-b', b.keys['dr-b']);
    const after = await runCheck({ dir: b.dir, base: 'v1.0.0' });
    expect(after.labels[0].problems.map((p) => p.code)).toEqual(['self-approval']);
  });
});

import { rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestIdentity } from '../helpers/git.js';
import { runSteward } from './child.js';
import { SCENARIOS, clean, copyTemplate, makeTemplate, trial } from './scenarios.js';

beforeAll(useTestIdentity);

/** A few of scripts/fault-injection.ts's trials: kill -9 at named points, then fsck, validate, re-run. */
const TRIALS: Array<[scenario: string, point: string]> = [
  ['signoff', 'renamed-one'],
  ['signoff', 'commit-written'],
  ['propose', 'files-written'],
  ['import', 'temps-written'],
  ['reviewer add', 'ref-updated'],
  ['release', 'ref-updated'],
  ['release', 'renamed-one'],
];

describe('kill -9 at a named point, then the same command again', () => {
  for (const [name, point] of TRIALS) {
    it(`${name}, killed at ${point}: fsck clean, validate passes, the re-run finishes the job`, {
      timeout: 120_000,
    }, async () => {
      const scenario = SCENARIOS.find((s) => s.name === name)!;
      const template = makeTemplate();
      const args = await scenario.setup(template.dir, template.aside);
      const outcome = await trial(scenario, template.dir, args, runSteward, { env: { STEWARD_FAULT_AT: point } });
      expect(outcome).toMatchObject({
        killed: 'SIGKILL',
        fsckAfterKill: true,
        validateAfterKill: true,
        rerunCode: 0,
        problem: null,
      });
      rmSync(template.dir, { recursive: true, force: true });
    });
  }
});

describe('kill -9 after a sign-off landed, then the same sign-off again', () => {
  it('signs once: the re-run recognises its own committed sign-off', { timeout: 120_000 }, async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'signoff')!;
    const template = makeTemplate();
    const args = await scenario.setup(template.dir, template.aside);
    const dir = copyTemplate(template.dir);
    const argv = args.map((a) => (a === '{dir}' ? dir : a));
    const killed = await runSteward(argv, { STEWARD_FAULT_AT: 'ref-updated' });
    expect(killed.signal).toBe('SIGKILL');
    expect(scenario.landed(dir)).toBeNull();
    const again = await runSteward(argv);
    expect(again.code).toBe(0);
    expect(scenario.landed(dir)).toBeNull();
    expect(clean(dir)).toBeNull();
    rmSync(dir, { recursive: true, force: true });
    rmSync(template.dir, { recursive: true, force: true });
  });
});

import { rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestIdentity } from '../helpers/git.js';
import { runSteward } from './child.js';
import { SCENARIOS, makeTemplate, trial } from './scenarios.js';

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
    it(`${name}, killed at ${point}: fsck clean, validate passes, the re-run finishes the job`, { timeout: 120_000 }, async () => {
      const scenario = SCENARIOS.find((s) => s.name === name)!;
      const template = makeTemplate();
      const args = await scenario.setup(template.dir, template.aside);
      const outcome = await trial(scenario, template.dir, args, runSteward, { env: { STEWARD_FAULT_AT: point } });
      expect(outcome).toMatchObject({ killed: 'SIGKILL', fsckAfterKill: true, validateAfterKill: true, rerunCode: 0, problem: null });
      rmSync(template.dir, { recursive: true, force: true });
    });
  }
});

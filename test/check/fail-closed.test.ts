import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATHS } from '../review/fixture.js';
import { useTestIdentity } from '../helpers/git.js';
import { testdir } from '../helpers/tempdir.js';
import {
  type TrustedBench,
  cli,
  copyBench,
  gitCli,
  makeTrustedTemplate,
  readJson,
  writeJson,
} from './hostile-fixture.js';

let template: TrustedBench;
let cleanup: () => void;
beforeAll(async () => {
  useTestIdentity();
  ({ template, cleanup } = await makeTrustedTemplate());
});
afterAll(() => cleanup());

const unsignedEdit = (dir: string) => {
  const label = readJson(join(dir), PATHS.bmi1);
  writeJson(dir, PATHS.bmi1, { ...label, note: `${label.note} Edited without a sign-off.` });
};

describe('part 5: check fails closed', () => {
  it('in a linked git worktree an unsigned change never passes (it is found, or the check is an error)', async () => {
    const b = copyBench(template);
    const wt = join(testdir(), 'wt');
    gitCli(b.dir, ['worktree', 'add', '-q', '-b', 'pr', wt]);
    unsignedEdit(wt);
    const r = await cli(wt, 'check', '--base', 'v1.0.0');
    // With git plumbing that resolves linked worktrees this is 1 (missing-signoff); without, 2. Never 0.
    expect(r.code, r.out + r.err).not.toBe(0);
    if (r.code === 1) expect(r.out).toMatch(/demo-0001 .*\n {2}missing-signoff: a content change/);
    else expect(r.err).toMatch(/cannot be resolved|not a git repository/);
    const byDefault = await cli(wt, 'check');
    expect(byDefault.code).not.toBe(0);
  });

  it('HEAD that cannot be resolved is an error (exit 2), not "no commits" and a pass', async () => {
    const b = copyBench(template);
    unsignedEdit(b.dir);
    writeFileSync(join(b.dir, '.git', 'HEAD'), 'ref: refs/heads/vanished\n');
    const r = await cli(b.dir, 'check');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/HEAD cannot be resolved/);
    expect((await cli(b.dir, 'check', '--base', 'v1.0.0')).code).toBe(2);
  });

  it('a base that cannot be resolved is an error (exit 2)', async () => {
    const b = copyBench(template);
    const r = await cli(b.dir, 'check', '--base', 'origin/main');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the base origin\/main cannot be resolved/);
  });

  it('a repository without commits is an error (exit 2)', async () => {
    const dir = testdir();
    gitCli(dir, ['init', '-q']);
    mkdirSync(join(dir, 'labels'));
    const r = await cli(dir, 'check');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/HEAD cannot be resolved/);
  });
});

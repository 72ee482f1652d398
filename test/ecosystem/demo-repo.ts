import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { gitCli } from '../helpers/git.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

/** The repository's demo benchmark, copied into a temp git repository and released as 0.1.0. */
export async function releasedDemo(options: { physicianKey?: string } = {}): Promise<string> {
  const dir = testdir();
  gitCli(dir, ['init', '-q', '-b', 'main']);
  for (const path of ['labels', 'schema', 'reviewers', 'changelogs', 'steward.config.json'])
    cpSync(join(REPO_ROOT, path), join(dir, path), { recursive: true });
  gitCli(dir, ['add', '-A']);
  gitCli(dir, ['commit', '-q', '-m', 'demo']);
  if (options.physicianKey) {
    // Registered before 0.1.0, so the next release's gate (which trusts the reviewers at 0.1.0) counts dr-test.
    expect((await runCli(['keygen', '--out', options.physicianKey, '--dir', dir])).code).toBe(0);
    const added = await runCli([
      'reviewer',
      'add',
      'dr-test',
      '--name',
      'Dr Test',
      '--role',
      'physician',
      '--key',
      options.physicianKey,
      '--dir',
      dir,
    ]);
    expect(added.code, added.err).toBe(0);
  }
  const run = await runCli(['release', '0.1.0', '--dir', dir]);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return dir;
}

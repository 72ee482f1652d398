import { execFileSync } from 'node:child_process';
import { createTag, openRepo } from '../../src/git/index.js';

export const TEST_IDENTITY = { name: 'Test Steward', email: 'steward@example.org' };

/** Tests commit as this identity (the tool reads GIT_AUTHOR_* like git does). */
export function useTestIdentity(): void {
  process.env.GIT_AUTHOR_NAME = TEST_IDENTITY.name;
  process.env.GIT_AUTHOR_EMAIL = TEST_IDENTITY.email;
}

export async function tag(dir: string, name: string): Promise<void> {
  await createTag(await openRepo({ dir }), { name, message: `release ${name}`, tagger: TEST_IDENTITY });
}

/** `git fsck --strict` of the git CLI (test-only use of the binary); returns its output. */
export function gitFsck(dir: string): string {
  return execFileSync('git', ['fsck', '--strict', '--no-progress'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function gitCli(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitStoreError, initRepo, openRepo } from '../../src/git/index.js';
import { cli, makeRepo, seedLabels, tempDir } from './helpers.js';

describe('openRepo / initRepo', () => {
  it('refuses a folder without .git with NOT_A_REPOSITORY', async () => {
    const dir = await tempDir();
    const error = await openRepo({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitStoreError);
    expect(error).toMatchObject({ code: 'NOT_A_REPOSITORY', data: { dir } });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'NOT_A_REPOSITORY', data: { dir } });
  });

  it('does not search parent folders', async () => {
    const repo = await makeRepo(seedLabels());
    await mkdir(join(repo.dir, 'labels/sub'), { recursive: true });
    await expect(openRepo({ dir: join(repo.dir, 'labels') })).rejects.toMatchObject({ code: 'NOT_A_REPOSITORY' });
  });

  it('creates a repository on the default branch git itself reads', async () => {
    const dir = join(await tempDir(), 'fresh');
    await initRepo({ dir, defaultBranch: 'trunk' });
    expect(cli(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/trunk');
    const repo = await openRepo({ dir });
    expect(repo.dir).toBe(dir);
    expect(repo.gitdir).toBe(join(dir, '.git'));
  });

  it('follows a .git file (worktrees, submodules)', async () => {
    const repo = await makeRepo(seedLabels());
    const other = await tempDir();
    await writeFile(join(other, '.git'), `gitdir: ${repo.gitdir}\n`);
    const opened = await openRepo({ dir: other });
    expect(opened.gitdir).toBe(repo.gitdir);
  });

  it('keeps one object reader per handle, and reads through it after a commit moved HEAD', async () => {
    const repo = await initRepo({ dir: await tempDir() });
    const reader = repo.reader;
    expect(repo.reader).toBe(reader);
    expect((await openRepo({ dir: repo.dir })).reader).not.toBe(reader);
  });
});

import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitStoreError, commitFiles, initRepo, isClean, pendingLabelChanges } from '../../src/git/index.js';
import { ALICE, cli, label, labelFile, makeRepo, seedLabels, tempDir, writeFiles } from './helpers.js';

describe('commitFiles', () => {
  it('commits exactly the given paths and leaves other changes alone', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, {
      [labelFile('test-0001')]: label('test-0001', 24),
      [labelFile('test-0002')]: label('test-0002', 31),
      'README.md': '# edited, not committed\n',
    });
    const oid = await commitFiles(repo, { paths: [labelFile('test-0001')], message: 'Relabel test-0001' });
    expect(oid).toMatch(/^[0-9a-f]{40}$/);
    expect(cli(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(oid);
    expect(cli(repo.dir, 'show', '--name-status', '--format=%s', 'HEAD').trim().split('\n').filter(Boolean)).toEqual([
      'Relabel test-0001',
      `M\t${labelFile('test-0001')}`,
    ]);
    expect(cli(repo.dir, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([
      ` M ${'README.md'}`,
      ` M ${labelFile('test-0002')}`,
    ]);
  });

  it('adds new files and removes deleted ones, keeping the index in step', async () => {
    const repo = await makeRepo(seedLabels());
    const paths = await writeFiles(repo.dir, {
      [labelFile('test-0008', 'new-calc')]: label('test-0008', 1, 'new-calc'),
      [labelFile('test-0005', 'wells')]: null,
    });
    await commitFiles(repo, { paths, message: 'Add and remove' });
    expect(cli(repo.dir, 'show', '--name-status', '--no-renames', '--format=', 'HEAD').trim().split('\n')).toEqual([
      `A\t${labelFile('test-0008', 'new-calc')}`,
      `D\t${labelFile('test-0005', 'wells')}`,
    ]);
    // The wells folder is now empty and gone from the tree, as in git.
    expect(cli(repo.dir, 'ls-tree', '--name-only', 'HEAD', 'labels/test/').trim().split('\n')).toEqual([
      'labels/test/bmi',
      'labels/test/ckd-epi',
      'labels/test/new-calc',
    ]);
    expect(cli(repo.dir, 'status', '--porcelain')).toBe('');
    expect(await isClean(repo)).toBe(true);
  });

  it('returns null and writes no commit when nothing changed', async () => {
    const repo = await makeRepo(seedLabels());
    const head = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    expect(
      await commitFiles(repo, {
        paths: [labelFile('test-0001'), labelFile('test-0003', 'ckd-epi')],
        message: 'Nothing',
      }),
    ).toBeNull();
    expect(cli(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(head);
  });

  it('makes the first commit of an empty repository', async () => {
    const repo = await makeRepo();
    const paths = await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 1) });
    const oid = await commitFiles(repo, { paths, message: 'First' });
    expect(cli(repo.dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
    expect(cli(repo.dir, 'rev-parse', 'main').trim()).toBe(oid);
  });

  it('records executable files with mode 100755', async () => {
    const repo = await makeRepo(seedLabels());
    const [path] = await writeFiles(repo.dir, { 'scripts/run.sh': '#!/bin/sh\necho hi\n' });
    await chmod(join(repo.dir, path), 0o755);
    await commitFiles(repo, { paths: [path], message: 'Script' });
    expect(cli(repo.dir, 'ls-tree', 'HEAD', 'scripts/run.sh')).toMatch(/^100755 blob/);
  });

  it('takes author and committer from the options, else from the repository config', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 24) });
    await commitFiles(repo, {
      paths: [labelFile('test-0001')],
      message: 'By Bob',
      author: { name: 'Bob Physician', email: 'bob@example.org', timestamp: 1_700_000_000, timezoneOffset: -60 },
    });
    expect(cli(repo.dir, 'log', '-1', '--format=%an <%ae> %ad|%cn <%ce>', '--date=iso-strict').trim()).toBe(
      `Bob Physician <bob@example.org> 2023-11-14T23:13:20+01:00|${ALICE.name} <${ALICE.email}>`,
    );
    await writeFiles(repo.dir, { [labelFile('test-0002')]: label('test-0002', 31) });
    await commitFiles(repo, { paths: [labelFile('test-0002')], message: 'By config' });
    expect(cli(repo.dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe(`${ALICE.name} <${ALICE.email}>`);
  });

  it('refuses with NO_IDENTITY when neither options nor config name anyone', async () => {
    const repo = await makeRepo(seedLabels(), { identity: false });
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 24) });
    const error = await commitFiles(repo, { paths: [labelFile('test-0001')], message: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitStoreError);
    expect(error).toMatchObject({ code: 'NO_IDENTITY', data: { role: 'author' } });
    expect(cli(repo.dir, 'log', '--format=%an').trim()).toBe(ALICE.name);
  });

  it('uses the author as committer when only the author is known', async () => {
    const dir = await tempDir();
    const repo = await initRepo({ dir });
    const paths = await writeFiles(dir, { [labelFile('test-0001')]: label('test-0001', 1) });
    await commitFiles(repo, { paths, message: 'First', author: ALICE });
    expect(cli(dir, 'log', '-1', '--format=%cn').trim()).toBe(ALICE.name);
  });

  it('refuses paths outside the repository, folders, and files that exist nowhere', async () => {
    const repo = await makeRepo(seedLabels());
    await expect(commitFiles(repo, { paths: ['../outside.json'], message: 'x' })).rejects.toMatchObject({
      code: 'INVALID_PATH',
    });
    await expect(commitFiles(repo, { paths: ['.git/config'], message: 'x' })).rejects.toMatchObject({
      code: 'INVALID_PATH',
    });
    await expect(commitFiles(repo, { paths: ['labels/test/bmi'], message: 'x' })).rejects.toMatchObject({
      code: 'INVALID_PATH',
    });
    await expect(commitFiles(repo, { paths: ['labels/test/bmi/nope.json'], message: 'x' })).rejects.toMatchObject({
      code: 'UNKNOWN_PATH',
      data: { path: 'labels/test/bmi/nope.json' },
    });
  });

  it('commits on a detached HEAD without moving any branch', async () => {
    const repo = await makeRepo(seedLabels());
    const main = cli(repo.dir, 'rev-parse', 'main').trim();
    cli(repo.dir, 'checkout', '-q', '--detach');
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 24) });
    const oid = await commitFiles(repo, { paths: [labelFile('test-0001')], message: 'Detached' });
    expect(cli(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(oid);
    expect(cli(repo.dir, 'rev-parse', 'main').trim()).toBe(main);
  });

  it('lists pending label changes for a steward commit', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, {
      [labelFile('test-0001')]: label('test-0001', 24),
      [labelFile('test-0002')]: null,
      [labelFile('test-0010', 'wells')]: label('test-0010', 4, 'wells'),
      'README.md': '# not a label\n',
    });
    cli(repo.dir, 'add', labelFile('test-0010', 'wells'));
    const pending = await pendingLabelChanges(repo);
    expect(pending).toEqual([
      { path: labelFile('test-0001'), change: 'modified', staged: false },
      { path: labelFile('test-0002'), change: 'removed', staged: false },
      { path: labelFile('test-0010', 'wells'), change: 'added', staged: true },
    ]);
    await commitFiles(repo, { paths: pending.map((p) => p.path), message: 'steward commit' });
    expect(await pendingLabelChanges(repo)).toEqual([]);
    expect(await isClean(repo, { prefix: 'labels' })).toBe(true);
    expect(await isClean(repo)).toBe(false);
  });
});

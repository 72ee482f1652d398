import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedPaths, isClean, pendingLabelChanges, readFileTextsAt as readLabelsAt } from '../../src/git/index.js';
import { cli, label, labelFile, makeRepo, seedLabels, writeFiles } from './helpers.js';

describe('pendingLabelChanges and isClean', () => {
  it('agree with git status on a clean tree', async () => {
    const repo = await makeRepo(seedLabels());
    expect(await pendingLabelChanges(repo)).toEqual([]);
    expect(await isClean(repo)).toBe(true);
    expect(await isClean(repo, { prefix: 'labels' })).toBe(true);
  });

  it('leave out ignored files, and untracked files on request', async () => {
    const repo = await makeRepo({ ...seedLabels(), '.gitignore': 'node_modules/\n*.tmp\n' });
    await writeFiles(repo.dir, {
      'node_modules/pkg/index.js': 'x',
      'labels/test/bmi/scratch.tmp': 'x',
      'notes.txt': 'untracked\n',
    });
    expect(await pendingLabelChanges(repo)).toEqual([]);
    expect(await isClean(repo)).toBe(false);
    expect(await isClean(repo, { untracked: false })).toBe(true);
    expect(await isClean(repo, { prefix: 'labels' })).toBe(true);
    expect(cli(repo.dir, 'status', '--porcelain')).toBe('?? notes.txt\n');
  });

  it('see a change staged and then undone on disk as dirty, though nothing is pending', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 24) });
    cli(repo.dir, 'add', labelFile('test-0001'));
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 22.5) });
    expect(await pendingLabelChanges(repo)).toEqual([]);
    expect(await isClean(repo)).toBe(false);
  });

  // With the mtime too kept, git itself misses an edit made in the same second as the index was
  // refreshed (its ctime check is in whole seconds); steward answers as git does.
  it('notice an edit that keeps the size', async () => {
    const repo = await makeRepo(seedLabels());
    const file = join(repo.dir, labelFile('test-0001'));
    const before = label('test-0001', 22.5);
    const after = before.replace('22.5', '22.6');
    expect(after.length).toBe(before.length);
    const time = new Date('2024-01-01T00:00:00Z');
    await utimes(file, time, time);
    cli(repo.dir, 'update-index', '--refresh');
    await writeFile(file, after);
    expect(await pendingLabelChanges(repo)).toEqual([
      { path: labelFile('test-0001'), change: 'modified', staged: false },
    ]);
  });

  it('trust the stat data of an index git wrote, and of one the module wrote', async () => {
    const repo = await makeRepo(seedLabels());
    cli(repo.dir, 'update-index', '--refresh');
    expect(await pendingLabelChanges(repo)).toEqual([]);
    await writeFiles(repo.dir, { [labelFile('test-0003', 'ckd-epi')]: label('test-0003', 70, 'ckd-epi') });
    expect(await changedPaths(repo, { from: 'HEAD' })).toEqual([
      expect.objectContaining({ path: labelFile('test-0003', 'ckd-epi'), change: 'modified' }),
    ]);
  });

  it('report unmerged paths as not clean', async () => {
    const repo = await makeRepo(seedLabels());
    const id = ['-c', 'user.name=A', '-c', 'user.email=a@example.org'];
    cli(repo.dir, 'checkout', '-q', '-b', 'side');
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 1) });
    cli(repo.dir, ...id, 'commit', '-qam', 'side');
    cli(repo.dir, 'checkout', '-q', 'main');
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 2) });
    cli(repo.dir, ...id, 'commit', '-qam', 'main');
    expect(() => cli(repo.dir, ...id, 'merge', '-q', 'side')).toThrow();
    expect(await isClean(repo)).toBe(false);
    expect(await isClean(repo, { prefix: 'labels' })).toBe(false);
    expect((await pendingLabelChanges(repo)).map((p) => p.path)).toEqual([labelFile('test-0001')]);
  });

  it('read an index of version 4 (git reads it; the hand-written index reader refused it)', async () => {
    const repo = await makeRepo(seedLabels());
    cli(repo.dir, 'update-index', '--index-version', '4');
    expect(await pendingLabelChanges(repo)).toEqual([]);
    await writeFile(join(repo.dir, labelFile('test-0001')), label('test-0001', 30));
    expect(await pendingLabelChanges(repo)).toEqual([
      { path: labelFile('test-0001'), change: 'modified', staged: false },
    ]);
  });

  it('agree with readLabelsAt on the working tree about ignored files', async () => {
    const repo = await makeRepo({ ...seedLabels(), '.gitignore': '*.tmp\n' });
    await writeFiles(repo.dir, { 'labels/test/bmi/scratch.tmp': 'x' });
    const labels = await readLabelsAt(repo, { ref: 'WORKTREE' });
    expect(labels.has('labels/test/bmi/scratch.tmp')).toBe(false);
    expect(await changedPaths(repo, { from: 'HEAD' })).toEqual([]);
  });
});

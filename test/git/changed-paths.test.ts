import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChangedPath, changedPaths, changedPathsWithTexts } from '../../src/git/index.js';
import { cli, commitChange, label, labelFile, makeRepo, seedLabels, writeFiles } from './helpers.js';

describe('changedPaths', () => {
  it('lists added, removed and modified label files between two commits', async () => {
    const repo = await makeRepo(seedLabels());
    await commitChange(
      repo,
      {
        [labelFile('test-0001')]: label('test-0001', 24),
        [labelFile('test-0004', 'ckd-epi')]: null,
        [labelFile('test-0009', 'new-calc')]: label('test-0009', 1, 'new-calc'),
        'README.md': '# changed outside labels\n',
      },
      'Relabel',
    );
    const changes = await changedPaths(repo, { from: 'HEAD~1', to: 'HEAD' });
    expect(changes.map(({ path, change }) => [path, change])).toEqual([
      [labelFile('test-0001'), 'modified'],
      [labelFile('test-0004', 'ckd-epi'), 'removed'],
      [labelFile('test-0009', 'new-calc'), 'added'],
    ]);
    const cliOids = cli(
      repo.dir,
      'diff',
      '--raw',
      '--no-abbrev',
      'HEAD~1',
      'HEAD',
      '--',
      'labels/test/bmi/test-0001.json',
    ).split(/\s+/);
    expect(changes[0]).toMatchObject({ oldOid: cliOids[2], newOid: cliOids[3] });
    expect(changes[1].newOid).toBeUndefined();
    expect(changes[2].oldOid).toBeUndefined();
    expect(changes[0].oldText).toBeUndefined();
  });

  it('reads both sides of each changed file in the same walk', async () => {
    const repo = await makeRepo(seedLabels());
    await commitChange(
      repo,
      { [labelFile('test-0001')]: label('test-0001', 24), [labelFile('test-0002')]: null },
      'Relabel',
    );
    const changes = await changedPaths(repo, { from: 'HEAD~1', to: 'HEAD', withContent: true });
    expect(changes).toEqual([
      expect.objectContaining({
        path: labelFile('test-0001'),
        oldText: label('test-0001', 22.5),
        newText: label('test-0001', 24),
      }),
      expect.objectContaining({ path: labelFile('test-0002'), change: 'removed', oldText: label('test-0002', 30.1) }),
    ]);
    expect(changes[1].newText).toBeUndefined();
  });

  it("reads only the side before with withContent: 'old', between commits and against the disk either way", async () => {
    const repo = await makeRepo(seedLabels());
    await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 24) }, 'Relabel');
    const commits = await changedPaths(repo, { from: 'HEAD~1', to: 'HEAD', withContent: 'old' });
    expect(commits).toEqual([
      expect.objectContaining({ path: labelFile('test-0001'), oldText: label('test-0001', 22.5) }),
    ]);
    expect(commits[0].newText).toBeUndefined();

    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 25) });
    const forward = await changedPaths(repo, { from: 'HEAD', to: 'WORKTREE', withContent: 'old' });
    expect(forward).toEqual([expect.objectContaining({ oldText: label('test-0001', 24) })]);
    expect(forward[0].newText).toBeUndefined();
    const backward = await changedPaths(repo, { from: 'WORKTREE', to: 'HEAD', withContent: 'old' });
    expect(backward).toEqual([expect.objectContaining({ oldText: label('test-0001', 25) })]);
    expect(backward[0].newText).toBeUndefined();
  });

  it('matches git diff --name-status on a larger change', async () => {
    const files: Record<string, string> = {};
    for (let c = 0; c < 6; c++)
      for (let i = 0; i < 20; i++) files[labelFile(`t-${c}-${i}`, `calc-${c}`)] = label(`t-${c}-${i}`, i, `calc-${c}`);
    const repo = await makeRepo(files);
    const edits: Record<string, string | null> = {};
    for (let i = 0; i < 20; i += 3) edits[labelFile(`t-1-${i}`, 'calc-1')] = label(`t-1-${i}`, i + 0.5, 'calc-1');
    for (let i = 0; i < 20; i += 7) edits[labelFile(`t-4-${i}`, 'calc-4')] = null;
    edits[labelFile('t-9-0', 'calc-9')] = label('t-9-0', 0, 'calc-9');
    edits['labels/dev/calc-0/d-1.json'] = label('d-1', 1, 'calc-0');
    await commitChange(repo, edits, 'Many');
    const letter = { added: 'A', removed: 'D', modified: 'M' } as const;
    const ours = (await changedPaths(repo, { from: 'HEAD~1', to: 'HEAD' })).map(
      (c) => `${letter[c.change]}\t${c.path}`,
    );
    const theirs = cli(repo.dir, 'diff', '--name-status', '--no-renames', 'HEAD~1', 'HEAD', '--', 'labels')
      .trim()
      .split('\n');
    expect(ours).toEqual(theirs);
    const reversed = await changedPaths(repo, { from: 'HEAD', to: 'HEAD~1' });
    expect(reversed.filter((c) => c.change === 'added')).toHaveLength(theirs.filter((l) => l.startsWith('D')).length);
  });

  it('never opens a calculator folder whose tree id is unchanged', async () => {
    const repo = await makeRepo(seedLabels());
    await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 24) }, 'Relabel');
    // Delete the (loose) tree object of the untouched ckd-epi folder: reading it would now fail.
    const tree = cli(repo.dir, 'rev-parse', 'HEAD:labels/test/ckd-epi').trim();
    await rm(join(repo.gitdir, 'objects', tree.slice(0, 2), tree.slice(2)));
    expect(await readdir(join(repo.gitdir, 'objects', tree.slice(0, 2)))).not.toContain(tree.slice(2));
    const changes = await changedPaths(repo, { from: 'HEAD~1', to: 'HEAD', withContent: true });
    expect(changes.map((c) => c.path)).toEqual([labelFile('test-0001')]);
  });

  it('compares a commit with the working tree, both ways round', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, {
      [labelFile('test-0001')]: label('test-0001', 25),
      [labelFile('test-0003', 'ckd-epi')]: null,
      [labelFile('test-0007', 'wells')]: label('test-0007', 2, 'wells'),
      'labels/test/wells/.editor-swap': 'x',
    });
    const forward = await changedPaths(repo, { from: 'HEAD', to: 'WORKTREE', withContent: true });
    expect(forward.map(({ path, change }) => [path, change])).toEqual([
      [labelFile('test-0001'), 'modified'],
      [labelFile('test-0003', 'ckd-epi'), 'removed'],
      [labelFile('test-0007', 'wells'), 'added'],
    ]);
    expect(forward[0].newText).toBe(label('test-0001', 25));
    expect(forward[0].newOid).toBe(cli(repo.dir, 'hash-object', labelFile('test-0001')).trim());
    expect(forward[0].oldOid).toBe(cli(repo.dir, 'rev-parse', `HEAD:${labelFile('test-0001')}`).trim());
    expect(await changedPaths(repo, { from: 'HEAD' })).toHaveLength(3);
    const backward = await changedPaths(repo, { from: 'WORKTREE', to: 'HEAD' });
    expect(backward.map(({ path, change }) => [path, change])).toEqual([
      [labelFile('test-0001'), 'modified'],
      [labelFile('test-0003', 'ckd-epi'), 'added'],
      [labelFile('test-0007', 'wells'), 'removed'],
    ]);
    expect(backward[0].oldOid).toBe(forward[0].newOid);
  });

  it('finds nothing between a commit and itself, or a clean working tree', async () => {
    const repo = await makeRepo(seedLabels());
    expect(await changedPaths(repo, { from: 'HEAD', to: 'main' })).toEqual([]);
    expect(await changedPaths(repo, { from: 'HEAD', to: 'WORKTREE' })).toEqual([]);
  });

  it('refuses unknown refs', async () => {
    const repo = await makeRepo(seedLabels());
    await expect(changedPaths(repo, { from: 'v9', to: 'HEAD' })).rejects.toMatchObject({
      code: 'UNKNOWN_REF',
      data: { ref: 'v9' },
    });
  });
});

async function collect(changes: AsyncIterable<ChangedPath>): Promise<ChangedPath[]> {
  const out: ChangedPath[] = [];
  for await (const change of changes) out.push(change);
  return out;
}

describe('changedPathsWithTexts', () => {
  it('yields what changedPaths reads withContent, in its order, across several cat-file batches', async () => {
    // 700 modified files: 1,400 blobs, more than readBlobs' first batch of 1,024.
    const files: Record<string, string> = {};
    for (let c = 0; c < 7; c++)
      for (let i = 0; i < 110; i++) files[labelFile(`t-${c}-${i}`, `calc-${c}`)] = label(`t-${c}-${i}`, i, `calc-${c}`);
    const repo = await makeRepo(files);
    const edits: Record<string, string | null> = {};
    for (let c = 0; c < 7; c++)
      for (let i = 0; i < 100; i++)
        edits[labelFile(`t-${c}-${i}`, `calc-${c}`)] = label(`t-${c}-${i}`, i + 0.5, `calc-${c}`);
    edits[labelFile('t-0-105', 'calc-0')] = null;
    edits[labelFile('n-1', 'calc-9')] = label('n-1', 1, 'calc-9');
    await commitChange(repo, edits, 'Many');
    for (const [from, to] of [
      ['HEAD~1', 'HEAD'],
      ['HEAD', 'HEAD~1'],
      ['HEAD', 'HEAD'],
    ]) {
      const streamed = await collect(changedPathsWithTexts(repo, { from, to }));
      expect(streamed).toStrictEqual(await changedPaths(repo, { from, to, withContent: true }));
      if (from !== to) expect(streamed).toHaveLength(702);
    }
  });

  it('reads the working tree as changedPaths does, both ways round', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, {
      [labelFile('test-0001')]: label('test-0001', 25),
      [labelFile('test-0003', 'ckd-epi')]: null,
      [labelFile('test-0007', 'wells')]: label('test-0007', 2, 'wells'),
    });
    for (const [from, to] of [
      ['HEAD', 'WORKTREE'],
      ['WORKTREE', 'HEAD'],
      ['HEAD', undefined],
    ] as const) {
      const streamed = await collect(changedPathsWithTexts(repo, { from, to }));
      expect(streamed).toStrictEqual(await changedPaths(repo, { from, to, withContent: true }));
      expect(streamed).toHaveLength(3);
    }
  });

  it("fails with git's error when diff-tree cannot read a folder, never with part of the diff", async () => {
    // A folder missing from the object store must end the diff with an error, not with the changes in
    // the folders git could read passed off as the whole diff (a reader that streamed diff-tree's
    // output as it came would yield those first: none may be of the broken folder).
    const files: Record<string, string> = {};
    for (let c = 0; c < 4; c++)
      for (let i = 0; i < 20; i++) files[labelFile(`t-${c}-${i}`, `calc-${c}`)] = label(`t-${c}-${i}`, i, `calc-${c}`);
    const repo = await makeRepo(files);
    const edits: Record<string, string> = {};
    for (let c = 0; c < 4; c++)
      for (let i = 0; i < 20; i++)
        edits[labelFile(`t-${c}-${i}`, `calc-${c}`)] = label(`t-${c}-${i}`, i + 1, `calc-${c}`);
    await commitChange(repo, edits, 'Every label');
    const lastFolder = cli(repo.dir, 'rev-parse', 'HEAD:labels/test/calc-3').trim();
    await rm(join(repo.dir, '.git', 'objects', lastFolder.slice(0, 2), lastFolder.slice(2)));
    const seen: string[] = [];
    const reading = (async () => {
      for await (const change of changedPathsWithTexts(repo, { from: 'HEAD~1', to: 'HEAD' })) seen.push(change.path);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'GIT_FAILED' });
    expect(seen.every((path) => !path.includes('/calc-3/'))).toBe(true);
    await expect(changedPaths(repo, { from: 'HEAD~1', to: 'HEAD' })).rejects.toMatchObject({ code: 'GIT_FAILED' });
  });

  it('stops cleanly when the caller stops early, and refuses unknown refs', async () => {
    const repo = await makeRepo(seedLabels());
    await commitChange(repo, { [labelFile('test-0001')]: null, [labelFile('test-0002')]: null }, 'Remove two');
    for await (const change of changedPathsWithTexts(repo, { from: 'HEAD~1', to: 'HEAD' })) {
      expect(change.oldText).toBe(label('test-0001', 22.5));
      break;
    }
    await expect(collect(changedPathsWithTexts(repo, { from: 'v9', to: 'HEAD' }))).rejects.toMatchObject({
      code: 'UNKNOWN_REF',
    });
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Repo,
  changedPaths,
  commitFiles,
  createTag,
  currentBranch,
  listTags,
  openRepo,
  pendingLabelChanges,
  readFileTextsAt as readLabelsAt,
  resolveCommit,
  streamLabelsAt,
} from '../../src/git/index.js';
import { ALICE, cli, label, labelFile, makeRepo, seedLabels, tempDir, writeFiles } from './helpers.js';

/**
 * Repositories the hand-written git layer could not read (or read as "no commits"): every read, diff,
 * commit and tag is checked against what the git CLI says of the same repository.
 */
async function exercise(repo: Repo): Promise<void> {
  const dir = repo.dir;
  // Reads: the same files, contents and order as ls-tree + cat-file.
  const listed = cli(dir, 'ls-tree', '-r', '--name-only', 'HEAD', 'labels').trim().split('\n');
  const read = await readLabelsAt(repo, { ref: 'HEAD' });
  expect([...read.keys()]).toEqual(listed);
  for (const path of listed) expect(read.get(path)).toBe(cli(dir, 'show', `HEAD:${path}`));
  const streamed: string[] = [];
  for await (const file of streamLabelsAt(repo, { ref: 'HEAD', window: 2 })) streamed.push(file.path);
  expect(streamed).toEqual(listed);
  expect(await resolveCommit(repo, 'HEAD')).toBe(cli(dir, 'rev-parse', 'HEAD').trim());

  // A commit: one label edited, one added, one removed.
  const before = cli(dir, 'rev-parse', 'HEAD').trim();
  await writeFiles(dir, {
    [labelFile('test-0001')]: label('test-0001', 23.9),
    [labelFile('test-0009', 'new')]: label('test-0009', 9, 'new'),
    [labelFile('test-0005', 'wells')]: null,
  });
  expect((await pendingLabelChanges(repo)).map((p) => `${p.change} ${p.path}`)).toEqual([
    `modified ${labelFile('test-0001')}`,
    `added ${labelFile('test-0009', 'new')}`,
    `removed ${labelFile('test-0005', 'wells')}`,
  ]);
  const commit = await commitFiles(repo, {
    paths: [labelFile('test-0001'), labelFile('test-0009', 'new'), labelFile('test-0005', 'wells')],
    message: 'Edit, add, remove',
    author: ALICE,
  });
  expect(commit).toBe(cli(dir, 'rev-parse', 'HEAD').trim());
  expect(cli(dir, 'status', '--porcelain')).toBe('');
  expect(cli(dir, 'show', `HEAD:${labelFile('test-0001')}`)).toBe(
    await readFile(join(dir, labelFile('test-0001')), 'utf8'),
  );

  // Diffs agree with git diff --name-status.
  const letter = { added: 'A', removed: 'D', modified: 'M' } as const;
  const ours = (await changedPaths(repo, { from: before, to: 'HEAD' })).map((c) => `${letter[c.change]}\t${c.path}`);
  expect(ours).toEqual(
    cli(dir, 'diff', '--name-status', '--no-renames', before, 'HEAD', '--', 'labels').trim().split('\n'),
  );

  // Tags: created, listed, and git agrees.
  await createTag(repo, { name: 'v9.0.0', message: 'Release 9', tagger: ALICE });
  expect((await listTags(repo)).find((t) => t.name === 'v9.0.0')?.commit).toBe(
    cli(dir, 'rev-parse', 'v9.0.0^{commit}').trim(),
  );
  expect(cli(dir, 'cat-file', '-t', 'v9.0.0').trim()).toBe('tag');
  expect(() => cli(dir, 'fsck', '--strict', '--no-dangling')).not.toThrow();
}

/** A small history (two commits) made by the git CLI itself in a fresh repository. */
async function cliRepo(initArgs: string[] = []): Promise<string> {
  const dir = await tempDir();
  cli(dir, 'init', '-q', '-b', 'main', ...initArgs, '.');
  cli(dir, 'config', 'user.name', ALICE.name);
  cli(dir, 'config', 'user.email', ALICE.email);
  await writeFiles(dir, seedLabels());
  cli(dir, 'add', '-A');
  cli(dir, 'commit', '-q', '-m', 'Initial labels');
  await writeFiles(dir, { [labelFile('test-0002')]: label('test-0002', 31.4) });
  cli(dir, 'commit', '-q', '-am', 'Relabel test-0002');
  return dir;
}

describe('repositories beyond a plain .git folder', () => {
  it('a linked worktree (git worktree add) has its commits, its own branch and HEAD, and takes commits', async () => {
    const main = await makeRepo(seedLabels());
    const wt = join(await tempDir(), 'wt');
    cli(main.dir, 'worktree', 'add', '-q', '-b', 'side', wt);
    const repo = await openRepo({ dir: wt });
    expect(await currentBranch(repo)).toBe('side');
    await exercise(repo);
    // The main worktree's branch did not move; the lock and objects are shared.
    expect(cli(main.dir, 'rev-parse', 'main').trim()).not.toBe(cli(main.dir, 'rev-parse', 'side').trim());
    expect(repo.commonDir).toBe(main.gitdir);
  });

  it('a packed clone (git clone --no-local)', async () => {
    const source = await cliRepo();
    const clone = join(await tempDir(), 'clone');
    cli(source, 'clone', '-q', '--no-local', source, clone);
    cli(clone, 'config', 'user.name', ALICE.name);
    cli(clone, 'config', 'user.email', ALICE.email);
    expect(cli(clone, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    await exercise(await openRepo({ dir: clone }));
  });

  it('an aggressively repacked repository (repack -adf --depth=250 --window=250)', async () => {
    const dir = await cliRepo();
    cli(dir, 'repack', '-q', '-adf', '--depth=250', '--window=250');
    cli(dir, 'prune-packed');
    await exercise(await openRepo({ dir }));
  });

  it('a partial clone (--filter=blob:none from a file:// bare repository): blobs fetched on demand', async () => {
    const source = await cliRepo();
    const bare = join(await tempDir(), 'bare.git');
    cli(source, 'clone', '-q', '--bare', source, bare);
    cli(bare, 'config', 'uploadpack.allowFilter', 'true');
    cli(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = join(await tempDir(), 'partial');
    cli(source, 'clone', '-q', '--filter=blob:none', '--no-checkout', `file://${bare}`, clone);
    cli(clone, 'config', 'user.name', ALICE.name);
    cli(clone, 'config', 'user.email', ALICE.email);
    const repo = await openRepo({ dir: clone });
    // Before any checkout, old blobs are not local: reading an old version fetches them.
    const old = await readLabelsAt(repo, { ref: 'HEAD~1' });
    expect(old.get(labelFile('test-0002'))).toBe(label('test-0002', 30.1));
    cli(clone, 'checkout', '-q', 'main');
    await exercise(repo);
  });

  it('a SHA-256 repository', async () => {
    const dir = await cliRepo(['--object-format=sha256']);
    const repo = await openRepo({ dir });
    expect(repo.objectFormat).toBe('sha256');
    expect(await resolveCommit(repo, 'HEAD')).toMatch(/^[0-9a-f]{64}$/);
    await exercise(repo);
  });
});

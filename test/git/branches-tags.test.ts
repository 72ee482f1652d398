import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changedPaths,
  checkoutBranch,
  commitFiles,
  createBranch,
  createTag,
  currentBranch,
  listBranches,
  listTags,
  readFileTextsAt as readLabelsAt,
  tagsContainingCommit,
} from '../../src/git/index.js';
import { ALICE, cli, commitChange, label, labelFile, makeRepo, seedLabels, writeFiles } from './helpers.js';

describe('branches', () => {
  it('creates, lists and switches branches', async () => {
    const repo = await makeRepo(seedLabels());
    expect(await currentBranch(repo)).toBe('main');
    const head = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    expect(await createBranch(repo, { name: 'relabel/bmi' })).toBe(head);
    expect(await currentBranch(repo)).toBe('main');
    expect(await listBranches(repo)).toEqual(['main', 'relabel/bmi']);
    await createBranch(repo, { name: 'proposal', checkout: true });
    expect(await currentBranch(repo)).toBe('proposal');
    expect(cli(repo.dir, 'symbolic-ref', '--short', 'HEAD').trim()).toBe('proposal');
  });

  it('switches the working tree to another branch', async () => {
    const repo = await makeRepo(seedLabels());
    await createBranch(repo, { name: 'proposal', checkout: true });
    await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 50) }, 'Proposal');
    await checkoutBranch(repo, { name: 'main' });
    expect(await currentBranch(repo)).toBe('main');
    expect(await readFile(join(repo.dir, labelFile('test-0001')), 'utf8')).toBe(label('test-0001', 22.5));
    await checkoutBranch(repo, { name: 'proposal' });
    expect(await readFile(join(repo.dir, labelFile('test-0001')), 'utf8')).toBe(label('test-0001', 50));
    expect(cli(repo.dir, 'status', '--porcelain')).toBe('');
  });

  it('creates a branch at an older commit and checks it out', async () => {
    const repo = await makeRepo(seedLabels());
    const first = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 50) }, 'Later');
    expect(await createBranch(repo, { name: 'old', from: first, checkout: true })).toBe(first);
    expect(await currentBranch(repo)).toBe('old');
    expect(await readFile(join(repo.dir, labelFile('test-0001')), 'utf8')).toBe(label('test-0001', 22.5));
  });

  it('refuses to switch with uncommitted label changes (DIRTY_TREE)', async () => {
    const repo = await makeRepo(seedLabels());
    const first = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    await createBranch(repo, { name: 'other' });
    await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 24) }, 'Second');
    await writeFiles(repo.dir, { [labelFile('test-0002')]: label('test-0002', 99) });
    await expect(checkoutBranch(repo, { name: 'other' })).rejects.toMatchObject({
      code: 'DIRTY_TREE',
      data: { branch: 'other', paths: [labelFile('test-0002')] },
    });
    await expect(createBranch(repo, { name: 'x', from: first, checkout: true })).rejects.toMatchObject({
      code: 'DIRTY_TREE',
    });
    expect(await listBranches(repo)).toEqual(['main', 'other']);
    expect(await currentBranch(repo)).toBe('main');
    // A new branch at HEAD carries the edits along, as git switch -c does.
    await createBranch(repo, { name: 'carry', checkout: true });
    expect(await currentBranch(repo)).toBe('carry');
    expect(await readFile(join(repo.dir, labelFile('test-0002')), 'utf8')).toBe(label('test-0002', 99));
  });

  it('refuses existing, unknown and malformed branch names', async () => {
    const repo = await makeRepo(seedLabels());
    await expect(createBranch(repo, { name: 'main' })).rejects.toMatchObject({
      code: 'BRANCH_EXISTS',
      data: { name: 'main' },
    });
    await expect(checkoutBranch(repo, { name: 'nope' })).rejects.toMatchObject({
      code: 'UNKNOWN_REF',
      data: { ref: 'nope' },
    });
    for (const name of ['bad name', 'a..b', '-x', 'x.lock', 'x/', '.hidden']) {
      await expect(createBranch(repo, { name })).rejects.toMatchObject({ code: 'INVALID_NAME', data: { name } });
    }
    await expect(createBranch(repo, { name: 'x', from: 'v404' })).rejects.toMatchObject({ code: 'UNKNOWN_REF' });
  });
});

describe('tags', () => {
  it('creates annotated tags git reads, and lists them with commit, message and date', async () => {
    const repo = await makeRepo(seedLabels());
    const first = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    const v1 = await createTag(repo, {
      name: 'v1.0.0',
      message: 'Release 1.0.0',
      tagger: { ...ALICE, timestamp: 1_700_000_000, timezoneOffset: 0 },
    });
    expect(v1).toMatchObject({
      name: 'v1.0.0',
      commit: first,
      annotated: true,
      message: 'Release 1.0.0\n',
      date: '2023-11-14T22:13:20.000Z',
    });
    expect(cli(repo.dir, 'cat-file', '-t', 'v1.0.0').trim()).toBe('tag');
    expect(
      cli(repo.dir, 'tag', '-l', '--format=%(contents:subject)|%(taggername)|%(*objectname)', 'v1.0.0').trim(),
    ).toBe(`Release 1.0.0|${ALICE.name}|${first}`);
    const second = await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 24) }, 'Relabel');
    await createTag(repo, { name: 'v1.10.0', message: 'Release 1.10.0' });
    await createTag(repo, { name: 'v1.2.0', message: 'Release 1.2.0', ref: 'HEAD~1' });
    cli(repo.dir, 'tag', 'lightweight');
    const tags = await listTags(repo);
    expect(tags.map((t) => [t.name, t.commit, t.annotated])).toEqual([
      ['lightweight', second, false],
      ['v1.0.0', first, true],
      ['v1.2.0', first, true],
      ['v1.10.0', second, true],
    ]);
    expect(tags[3].date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(tags[3].tagger).toEqual(ALICE);
  });

  it('refuses a tag name that is taken (TAG_EXISTS) or malformed, and a missing identity', async () => {
    const repo = await makeRepo(seedLabels());
    await createTag(repo, { name: 'v1', message: 'one' });
    await expect(createTag(repo, { name: 'v1', message: 'again' })).rejects.toMatchObject({
      code: 'TAG_EXISTS',
      data: { name: 'v1' },
    });
    await expect(createTag(repo, { name: 'v 2', message: 'x' })).rejects.toMatchObject({ code: 'INVALID_NAME' });
    await expect(createTag(repo, { name: 'v2', message: 'x', ref: 'nope' })).rejects.toMatchObject({
      code: 'UNKNOWN_REF',
    });
    const anonymous = await makeRepo(seedLabels(), { identity: false });
    await expect(createTag(anonymous, { name: 'v1', message: 'x' })).rejects.toMatchObject({
      code: 'NO_IDENTITY',
      data: { role: 'tagger' },
    });
  });

  it('finds the tags that contain a commit', async () => {
    const repo = await makeRepo(seedLabels());
    const c1 = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    await createTag(repo, { name: 'v1', message: 'v1' });
    const c2 = await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 24) }, 'c2');
    await createBranch(repo, { name: 'side', checkout: true });
    const c3 = await commitChange(repo, { [labelFile('test-0002')]: label('test-0002', 31) }, 'c3 on side');
    await createTag(repo, { name: 'side-1', message: 'side' });
    await checkoutBranch(repo, { name: 'main' });
    await commitChange(repo, { [labelFile('test-0003', 'ckd-epi')]: label('test-0003', 60, 'ckd-epi') }, 'c4');
    await createTag(repo, { name: 'v2', message: 'v2' });
    const names = async (commit: string) => (await tagsContainingCommit(repo, { commit })).map((t) => t.name);
    expect(await names(c1)).toEqual(['side-1', 'v1', 'v2']);
    expect(await names(c2)).toEqual(['side-1', 'v2']);
    expect(await names(c3)).toEqual(['side-1']);
    expect(await names('v2')).toEqual(['v2']);
    for (const commit of [c1, c2, c3]) {
      const theirs = cli(repo.dir, 'tag', '--contains', commit).trim().split('\n').sort();
      expect(await names(commit)).toEqual(theirs);
    }
  });
});

describe('a release flow', () => {
  it('branch, relabel, merge by fast-forward, tag, diff the releases', async () => {
    const repo = await makeRepo(seedLabels());
    await createTag(repo, { name: 'v1.0.0', message: 'First release' });
    await createBranch(repo, { name: 'relabel/bmi', checkout: true });
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 23.1) });
    await commitFiles(repo, { paths: [labelFile('test-0001')], message: 'Relabel test-0001' });
    await checkoutBranch(repo, { name: 'main' });
    cli(repo.dir, 'merge', '--ff-only', '-q', 'relabel/bmi');
    await createTag(repo, { name: 'v1.1.0', message: 'Second release' });
    const diff = await changedPaths(repo, { from: 'v1.0.0', to: 'v1.1.0', withContent: true });
    expect(diff).toEqual([
      expect.objectContaining({ path: labelFile('test-0001'), change: 'modified', newText: label('test-0001', 23.1) }),
    ]);
    expect((await readLabelsAt(repo, { ref: 'v1.0.0' })).get(labelFile('test-0001'))).toBe(label('test-0001', 22.5));
    expect((await listTags(repo)).map((t) => t.name)).toEqual(['v1.0.0', 'v1.1.0']);
  });
});

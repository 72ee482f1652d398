import { describe, expect, it } from 'vitest';
import { GitStoreError, WORKTREE, createTag, resolveCommit, resolveRef } from '../../src/git/index.js';
import { cli, commitChange, label, labelFile, makeRepo, seedLabels } from './helpers.js';

describe('resolveRef', () => {
  it('resolves HEAD, branches, full and short oids, ~ and ^', async () => {
    const repo = await makeRepo(seedLabels());
    const first = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    const second = await commitChange(repo, { [labelFile('test-0001')]: label('test-0001', 23) }, 'Relabel 1');
    expect(await resolveRef(repo, 'HEAD')).toEqual({ kind: 'commit', oid: second });
    expect(await resolveRef(repo, 'main')).toEqual({ kind: 'commit', oid: second });
    expect(await resolveRef(repo, 'refs/heads/main')).toEqual({ kind: 'commit', oid: second });
    expect(await resolveCommit(repo, first)).toBe(first);
    expect(await resolveCommit(repo, first.slice(0, 7))).toBe(first);
    expect(await resolveCommit(repo, first.slice(0, 7).toUpperCase())).toBe(first);
    expect(await resolveCommit(repo, 'HEAD~1')).toBe(first);
    expect(await resolveCommit(repo, 'main^')).toBe(first);
    expect(await resolveCommit(repo, 'HEAD~0')).toBe(second);
  });

  it('peels annotated and lightweight tags to their commit', async () => {
    const repo = await makeRepo(seedLabels());
    const head = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    await createTag(repo, { name: 'v1.0.0', message: 'First release' });
    cli(repo.dir, 'tag', 'light');
    expect(cli(repo.dir, 'cat-file', '-t', 'v1.0.0').trim()).toBe('tag');
    expect(await resolveCommit(repo, 'v1.0.0')).toBe(head);
    expect(await resolveCommit(repo, 'refs/tags/v1.0.0')).toBe(head);
    expect(await resolveCommit(repo, 'light')).toBe(head);
  });

  it('reads WORKTREE and undefined as the working tree', async () => {
    const repo = await makeRepo(seedLabels());
    expect(await resolveRef(repo, WORKTREE)).toEqual({ kind: 'worktree' });
    expect(await resolveRef(repo, undefined)).toEqual({ kind: 'worktree' });
  });

  it.each([
    ['no-such-branch'],
    ['deadbeef'],
    ['0123456789012345678901234567890123456789'],
    ['HEAD~5'],
    ['../../etc/passwd'],
    ['has space'],
    [''],
  ])('refuses %j with UNKNOWN_REF naming it', async (ref) => {
    const repo = await makeRepo(seedLabels());
    const error = await resolveRef(repo, ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitStoreError);
    expect(error).toMatchObject({ code: 'UNKNOWN_REF', data: { ref } });
  });

  it('refuses a ref that names a tree', async () => {
    const repo = await makeRepo(seedLabels());
    const tree = cli(repo.dir, 'rev-parse', 'HEAD^{tree}').trim();
    await expect(resolveRef(repo, tree)).rejects.toMatchObject({ code: 'NOT_A_COMMIT' });
  });

  it('says UNKNOWN_REF for HEAD in a repository without commits', async () => {
    const repo = await makeRepo();
    await expect(resolveRef(repo, 'HEAD')).rejects.toMatchObject({ code: 'UNKNOWN_REF', data: { ref: 'HEAD' } });
  });
});

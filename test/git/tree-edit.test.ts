import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, initRepo, type Repo } from '../../src/git/index.js';
import { entryAtPath } from '../../src/git/objects.js';
import { ALICE, cli, tempDir } from './helpers.js';

/**
 * commitFiles splices the changed entries into the raw tree objects (src/git/tree-edit.ts): each
 * case commits a change through it and checks the tree against the one git's own `add -A` +
 * `write-tree` builds from the same files, and that `fsck --strict` finds nothing wrong.
 */
async function repoWith(files: Record<string, string>, objectFormat: 'sha1' | 'sha256' = 'sha1'): Promise<Repo> {
  const dir = await tempDir();
  const repo = await initRepo({ dir, objectFormat });
  await apply(dir, files);
  cli(dir, 'add', '-A');
  cli(dir, '-c', `user.name=${ALICE.name}`, '-c', `user.email=${ALICE.email}`, 'commit', '-qm', 'base');
  return repo;
}

async function apply(dir: string, files: Record<string, string | null>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    if (text === null) await rm(full, { recursive: true, force: true });
    else {
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    }
  }
}

/** Commit `paths` through commitFiles; the new tree must be git's, and the repository sound. */
async function expectGitsTree(repo: Repo, paths: string[]): Promise<string> {
  const before = cli(repo.dir, 'rev-parse', 'HEAD').trim();
  const oid = await commitFiles(repo, { paths, message: 'edit', author: ALICE });
  expect(oid).not.toBeNull();
  expect(cli(repo.dir, 'rev-parse', 'HEAD^').trim()).toBe(before);
  cli(repo.dir, 'add', '-A');
  const tree = cli(repo.dir, 'rev-parse', 'HEAD^{tree}').trim();
  expect(tree).toBe(cli(repo.dir, 'write-tree').trim());
  expect(cli(repo.dir, 'fsck', '--strict', '--no-dangling')).toBe('');
  expect(cli(repo.dir, 'status', '--porcelain')).toBe('');
  return tree;
}

const base = {
  'README.md': 'readme\n',
  'labels/a/x.json': '1\n',
  'labels/a/y.json': '2\n',
  'labels/a/deep/er/z.json': '3\n',
  'labels/b/w.json': '4\n',
  // Names that sort around a folder's implied '/': "b" (folder) comes after "b-c" and "b.c".
  'labels/b-c': 'file\n',
  'labels/b.c/v.json': '5\n',
  'labels/c': 'a file\n',
};

describe('editTree through commitFiles', () => {
  it('edits files in nested folders, at the start, middle and end of a folder', async () => {
    const repo = await repoWith(base);
    await apply(repo.dir, {
      'labels/a/x.json': '10\n',
      'labels/a/deep/er/z.json': '30\n',
      'labels/b/w.json': '40\n',
      'README.md': 'new\n',
    });
    await expectGitsTree(repo, ['labels/a/x.json', 'labels/a/deep/er/z.json', 'labels/b/w.json', 'README.md']);
  });

  it('adds files that sort before, between and after the existing ones, and a new folder', async () => {
    const repo = await repoWith(base);
    const added = {
      'labels/a/0.json': 'first\n',
      'labels/a/x.jsom': 'between\n',
      'labels/a/zz.json': 'last\n',
      'labels/b.b': 'before b.c\n',
      'labels/b/0': 'inside b\n',
      'labels/new/deeper/n.json': 'new\n',
      'labels/é/ü.json': 'unicode\n',
      'labels/b0': 'after the folder b\n',
    };
    await apply(repo.dir, added);
    await expectGitsTree(repo, Object.keys(added));
  });

  it('deletes files and drops a folder left empty, nested ones included', async () => {
    const repo = await repoWith(base);
    await apply(repo.dir, { 'labels/a/deep': null, 'labels/b/w.json': null, 'labels/a/y.json': null });
    await expectGitsTree(repo, ['labels/a/deep/er/z.json', 'labels/b/w.json', 'labels/a/y.json']);
    expect(cli(repo.dir, 'ls-tree', '--name-only', 'HEAD', 'labels/').trim().split('\n')).toEqual([
      'labels/a',
      'labels/b-c',
      'labels/b.c',
      'labels/c',
    ]);
  });

  it('replaces a folder by a file of its name, and a file by a folder', async () => {
    const repo = await repoWith(base);
    await apply(repo.dir, { 'labels/b': null, 'labels/c': null });
    await apply(repo.dir, { 'labels/b': 'now a file\n', 'labels/c/inside.json': 'now a folder\n' });
    await expectGitsTree(repo, ['labels/b/w.json', 'labels/b', 'labels/c/inside.json']);
    expect(cli(repo.dir, 'ls-tree', 'HEAD', 'labels/b', 'labels/c')).toMatch(/^100644 blob .*\tlabels\/b\n040000 tree/);
  });

  it('records executable files and symlinks, and empties the whole tree', async () => {
    const repo = await repoWith(base);
    await writeFile(join(repo.dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    await symlink('labels/a/x.json', join(repo.dir, 'link'));
    await expectGitsTree(repo, ['run.sh', 'link']);
    expect(cli(repo.dir, 'ls-tree', 'HEAD', 'run.sh', 'link')).toMatch(/^120000 blob .*\tlink\n100755 blob .*\trun.sh/);
    const all = cli(repo.dir, 'ls-files').trim().split('\n');
    await rm(join(repo.dir, 'labels'), { recursive: true });
    await rm(join(repo.dir, 'README.md'));
    await rm(join(repo.dir, 'run.sh'));
    await rm(join(repo.dir, 'link'));
    const empty = await expectGitsTree(repo, all);
    expect(empty).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  });

  it('gives an unchanged tree the id git gives it, and commits nothing', async () => {
    const repo = await repoWith(base);
    const head = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    await apply(repo.dir, { 'labels/a/x.json': '1\n' });
    expect(
      await commitFiles(repo, { paths: ['labels/a/x.json', 'labels/b/w.json'], message: 'same', author: ALICE }),
    ).toBeNull();
    expect(cli(repo.dir, 'rev-parse', 'HEAD').trim()).toBe(head);
  });

  it('writes SHA-256 trees as git does', async () => {
    const repo = await repoWith(base, 'sha256');
    await apply(repo.dir, { 'labels/a/x.json': '10\n', 'labels/new/n.json': 'n\n', 'labels/b/w.json': null });
    const tree = await expectGitsTree(repo, ['labels/a/x.json', 'labels/new/n.json', 'labels/b/w.json']);
    expect(tree).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds entries by path as git sorts them (entryAtPath), and refuses removing what exists nowhere', async () => {
    const repo = await repoWith({ ...base, 'labels/é/ü.json': 'unicode\n' });
    const tree = cli(repo.dir, 'rev-parse', 'HEAD^{tree}').trim();
    const gitSays = (path: string): { oid: string; type: string } | undefined => {
      const line = cli(repo.dir, 'ls-tree', 'HEAD', path).trim();
      return line ? { oid: line.split(/\s/)[2], type: line.split(/\s/)[1] } : undefined;
    };
    for (const path of [
      'labels/b',
      'labels/b-c',
      'labels/b.c',
      'labels/b.c/v.json',
      'labels/é/ü.json',
      'labels/a/deep',
    ])
      expect(await entryAtPath(repo, tree, path)).toEqual(gitSays(path));
    for (const path of ['labels/b/', 'labels/b-c/x', 'labels/bb', 'labels/a/deep/er/nope.json', 'nope'])
      expect(await entryAtPath(repo, tree, path)).toBeUndefined();
    await expect(commitFiles(repo, { paths: ['labels/b-c/x'], message: 'x', author: ALICE })).rejects.toMatchObject({
      code: 'UNKNOWN_PATH',
    });
  });
});

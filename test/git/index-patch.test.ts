import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, isClean } from '../../src/git/index.js';
import { patchIndex } from '../../src/git/index-patch.js';
import { ALICE, cli, label, labelFile, makeRepo, seedLabels, writeFiles } from './helpers.js';

/** What the index holds, as git lists it, against what HEAD's tree holds. */
function indexMatchesHead(dir: string): void {
  const staged = cli(dir, 'ls-files', '-s').trim().split('\n').map((line) => line.replace(/ 0\t/, '\t'));
  const tree = cli(dir, 'ls-tree', '-r', 'HEAD').trim().split('\n').map((line) => line.replace(' blob ', ' '));
  expect(staged).toEqual(tree);
  expect(cli(dir, 'diff', '--cached', '--name-only')).toBe('');
  expect(cli(dir, 'status', '--porcelain')).toBe('');
}

describe('commitFiles keeps the index in step without rewriting it entry by entry', () => {
  it('splices modified, added and removed entries into an index git wrote (with its cache-tree extension)', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, { 'a-first.txt': 'a\n', 'zz/last.txt': 'z\n' });
    cli(repo.dir, 'add', '.');
    cli(repo.dir, '-c', `user.name=${ALICE.name}`, '-c', `user.email=${ALICE.email}`, 'commit', '-q', '-m', 'by the CLI');
    expect((await readFile(join(repo.gitdir, 'index'))).includes(Buffer.from('TREE'))).toBe(true);
    const paths = await writeFiles(repo.dir, {
      '0-new-first.txt': 'first\n',
      [labelFile('test-0001')]: label('test-0001', 24),
      [labelFile('test-0002')]: null,
      [labelFile('test-0011', 'ckd-epi')]: label('test-0011', 1, 'ckd-epi'),
      'zz/last.txt': null,
      'zzz-new-last.txt': 'last\n',
    });
    await commitFiles(repo, { paths, message: 'Spliced' });
    indexMatchesHead(repo.dir);
    expect(await isClean(repo)).toBe(true);
    expect(() => cli(repo.dir, 'fsck', '--strict', '--no-dangling')).not.toThrow();
  });

  it('leaves the other staged entries as they were', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, { 'README.md': '# staged by hand\n', [labelFile('test-0001')]: label('test-0001', 24) });
    cli(repo.dir, 'add', 'README.md');
    await commitFiles(repo, { paths: [labelFile('test-0001')], message: 'Only the label' });
    expect(cli(repo.dir, 'status', '--porcelain')).toBe('M  README.md\n');
  });

  it('falls back to isomorphic-git for an entry it does not patch (intent-to-add)', async () => {
    const repo = await makeRepo(seedLabels());
    const [path] = await writeFiles(repo.dir, { [labelFile('test-0012', 'wells')]: label('test-0012', 2, 'wells') });
    cli(repo.dir, 'add', '--intent-to-add', path);
    expect(await patchIndex(repo, [{ path, oid: null }])).toBe(false);
    await commitFiles(repo, { paths: [path], message: 'Was intent-to-add' });
    indexMatchesHead(repo.dir);
  });

  it('refuses a corrupt index rather than patching it', async () => {
    const repo = await makeRepo(seedLabels());
    const file = join(repo.gitdir, 'index');
    const bytes = await readFile(file);
    bytes[20] ^= 0xff;
    await writeFile(file, bytes);
    expect(await patchIndex(repo, [{ path: 'x', oid: null }])).toBe(false);
  });

  it('says INDEX_LOCKED while another process holds index.lock', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFile(join(repo.gitdir, 'index.lock'), '');
    await writeFiles(repo.dir, { [labelFile('test-0001')]: label('test-0001', 24) });
    await expect(commitFiles(repo, { paths: [labelFile('test-0001')], message: 'x' })).rejects.toMatchObject({ code: 'INDEX_LOCKED' });
  });
});

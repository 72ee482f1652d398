/**
 * The one reader of label blobs (src/git/stream-labels.ts: listBlobsAt + readBlobs, under streamLabelsAt,
 * readFileTextsAt and a release's stream): checked against the git CLI on a loose repository, after an
 * aggressive repack and in a packed clone, across its batch boundaries, and on a missing object.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BlobRef, type Repo, listBlobsAt, openRepo, readBlobs } from '../../src/git/index.js';
import { readFileTextsAt, streamLabelsAt } from '../../src/git/index.js';
import { readLabelsAt, readParsedLabelsAt } from '../../src/index.js';
import { cli, commitChange, label, labelFile, makeRepo, tempDir } from '../git/helpers.js';

async function collect(files: AsyncIterable<{ path: string; bytes: Buffer }>): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for await (const { path, bytes } of files) out.push([path, bytes.toString('utf8')]);
  return out;
}

/** Labels and the CLI's view of them at HEAD: path → text, in ls-tree order. */
async function seeded(): Promise<Repo> {
  const files: Record<string, string> = {};
  for (let k = 1; k <= 30; k++) {
    files[labelFile(`test-${String(k).padStart(4, '0')}`, k % 2 ? 'bmi' : 'ckd-epi')] = label(`test-${k}`, k + 0.5);
  }
  files['labels/test/bmi/é-ünïcode.json'] = label('é', 1);
  files['labels/test/bmi/empty.json'] = '';
  return makeRepo(files);
}

function gitView(dir: string, ref: string): Array<[string, string]> {
  const paths = cli(dir, 'ls-tree', '-r', '-z', '--name-only', ref, '--', 'labels').split('\0').filter(Boolean);
  return paths.map((path) => [path, cli(dir, 'show', `${ref}:${path}`)]);
}

async function expectReadsAsGit(repo: Repo): Promise<void> {
  const expected = gitView(repo.dir, 'HEAD');
  const listed = await listBlobsAt(repo, { ref: 'HEAD' });
  expect(listed.map((e) => e.path)).toEqual(expected.map(([path]) => path));
  expect(await collect(readBlobs(repo, listed))).toEqual(expected);
  // The same blobs asked in another order come back in that order.
  expect(await collect(readBlobs(repo, [...listed].reverse()))).toEqual([...expected].reverse());
  expect(await collect(streamLabelsAt(repo, { ref: 'HEAD' }))).toEqual(expected);
  expect([...(await readFileTextsAt(repo, { ref: 'HEAD' }))]).toEqual(expected);
}

describe('the label blob reader', () => {
  it('reads what git reads, loose, after git repack -adf and in a packed clone', async () => {
    const repo = await seeded();
    await commitChange(repo, { [labelFile('test-0001')]: label('test-1', 99) }, 'a second version');
    expect(cli(repo.dir, 'count-objects', '-v')).toMatch(/^count: [1-9]/m);
    await expectReadsAsGit(repo);
    cli(repo.dir, 'repack', '-adf', '-q');
    cli(repo.dir, 'prune-packed');
    expect(cli(repo.dir, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    await expectReadsAsGit(repo);
    const clone = join(await tempDir(), 'clone');
    cli(repo.dir, 'clone', '-q', '--no-local', repo.dir, clone);
    await expectReadsAsGit(await openRepo({ dir: clone }));
  });

  it('hands out thousands of blobs in the order asked, across its batches, repeats included', async () => {
    const repo = await seeded();
    const listed = await listBlobsAt(repo, { ref: 'HEAD' });
    const texts = new Map(gitView(repo.dir, 'HEAD'));
    const asked: BlobRef[] = Array.from({ length: 9000 }, (_, k) => listed[(k * 7) % listed.length]);
    let k = 0;
    for await (const { path, bytes } of readBlobs(repo, asked)) {
      expect(path).toBe(asked[k].path);
      expect(bytes.toString('utf8')).toBe(texts.get(path));
      k++;
    }
    expect(k).toBe(asked.length);
    // An async source (as ls-tree feeds streamLabelsAt) gives the same.
    async function* slowly(): AsyncIterable<BlobRef> {
      for (const entry of asked.slice(0, 5000)) yield entry;
    }
    expect((await collect(readBlobs(repo, slowly()))).length).toBe(5000);
  });

  it('refuses a missing object by name, reads nothing for nothing, has no blob ids for the working tree', async () => {
    const repo = await seeded();
    const [first] = await listBlobsAt(repo, { ref: 'HEAD' });
    const missing = { path: 'labels/test/bmi/gone.json', oid: 'f'.repeat(first.oid.length) };
    const refused = { code: 'MISSING_OBJECT', message: expect.stringContaining('gone.json') };
    await expect(collect(readBlobs(repo, [first, missing]))).rejects.toMatchObject(refused);
    expect(await collect(readBlobs(repo, []))).toEqual([]);
    await expect(listBlobsAt(repo, { ref: 'WORKTREE' })).rejects.toMatchObject({ code: 'UNKNOWN_REF' });
  });

  it('lists regular files only: no symlinks, no dot-names', async () => {
    const repo = await seeded();
    symlinkSync('test-0001.json', join(repo.dir, 'labels/test/bmi/link.json'));
    const odd = { 'labels/test/bmi/.draft.json': label('draft', 1), 'labels/.hidden/x.json': label('x', 1) };
    await commitChange(repo, odd, 'odd files');
    cli(repo.dir, 'add', 'labels/test/bmi/link.json');
    cli(repo.dir, 'commit', '-q', '-m', 'a symlink');
    const paths = (await listBlobsAt(repo, { ref: 'HEAD' })).map((e) => e.path);
    expect(paths).not.toContain('labels/test/bmi/link.json');
    expect(paths.some((p) => p.includes('/.'))).toBe(false);
    expect(paths).toContain(labelFile('test-0001'));
  });

  it('keeps the public readLabelsAt as readParsedLabelsAt: labels parsed, at a ref', async () => {
    const repo = await seeded();
    await commitChange(repo, { 'labels/test/bmi/empty.json': null }, 'drop the empty file');
    expect(readLabelsAt).toBe(readParsedLabelsAt);
    const labels = await readParsedLabelsAt({ dir: repo.dir, ref: 'HEAD' });
    const ids = [...Array.from({ length: 30 }, (_, k) => `test-${k + 1}`), 'é'];
    expect(labels.map((l) => l.id).sort()).toEqual(ids.sort());
  });
});

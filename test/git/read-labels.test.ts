import { describe, expect, it } from 'vitest';
import { readFileTextsAt as readLabelsAt } from '../../src/git/index.js';
import { commitChange, label, labelFile, makeRepo, seedLabels, writeFiles } from './helpers.js';

describe('readLabelsAt', () => {
  it('reads every file under labels/ at a commit, in tree order, nothing else', async () => {
    const repo = await makeRepo(seedLabels());
    const labels = await readLabelsAt(repo, { ref: 'HEAD' });
    expect([...labels.keys()]).toEqual(
      [
        labelFile('test-0001'),
        labelFile('test-0002'),
        labelFile('test-0003', 'ckd-epi'),
        labelFile('test-0004', 'ckd-epi'),
        labelFile('test-0005', 'wells'),
      ].sort(),
    );
    expect(labels.get(labelFile('test-0002'))).toBe(label('test-0002', 30.1));
  });

  it('reads an older commit, not the working tree', async () => {
    const repo = await makeRepo(seedLabels());
    await commitChange(
      repo,
      { [labelFile('test-0001')]: label('test-0001', 99), [labelFile('test-0002')]: null },
      'Change',
    );
    await writeFiles(repo.dir, { [labelFile('test-0005', 'wells')]: label('test-0005', 7, 'wells') });
    const before = await readLabelsAt(repo, { ref: 'HEAD~1' });
    expect(before.size).toBe(5);
    expect(before.get(labelFile('test-0001'))).toBe(label('test-0001', 22.5));
    const after = await readLabelsAt(repo, { ref: 'HEAD' });
    expect(after.size).toBe(4);
    expect(after.get(labelFile('test-0005', 'wells'))).toBe(label('test-0005', 3, 'wells'));
  });

  it('reads the working tree from disk, skipping dot-files', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, {
      [labelFile('test-0006', 'wells')]: label('test-0006', 1, 'wells'),
      [labelFile('test-0001')]: null,
      'labels/test/wells/.steward-tmp-123': 'partial',
    });
    for (const ref of ['WORKTREE', undefined]) {
      const labels = await readLabelsAt(repo, { ref });
      expect(labels.has(labelFile('test-0006', 'wells'))).toBe(true);
      expect(labels.has(labelFile('test-0001'))).toBe(false);
      expect([...labels.keys()].some((p) => p.includes('.steward-tmp'))).toBe(false);
      expect(labels.size).toBe(5);
    }
  });

  it('leaves out dot-files at a commit as well', async () => {
    const repo = await makeRepo({ ...seedLabels(), 'labels/test/bmi/.keep': '' });
    const labels = await readLabelsAt(repo, { ref: 'HEAD' });
    expect(labels.size).toBe(5);
    expect([...labels.keys()].some((p) => p.endsWith('.keep'))).toBe(false);
  });

  it('narrows to a prefix and parses with a callback', async () => {
    const repo = await makeRepo(seedLabels());
    const seen: string[] = [];
    const parsed = await readLabelsAt(repo, {
      ref: 'HEAD',
      prefix: 'labels/test/ckd-epi',
      parse: (text, path) => {
        seen.push(path);
        return JSON.parse(text) as { id: string };
      },
    });
    expect([...parsed.values()].map((l) => l.id)).toEqual(['test-0003', 'test-0004']);
    expect(seen).toHaveLength(2);
    const disk = await readLabelsAt(repo, { ref: 'WORKTREE', prefix: 'labels/test/ckd-epi/' });
    expect([...disk.keys()]).toEqual([...parsed.keys()]);
  });

  it('gives an empty map for a prefix that does not exist', async () => {
    const repo = await makeRepo(seedLabels());
    expect((await readLabelsAt(repo, { ref: 'HEAD', prefix: 'labels/dev' })).size).toBe(0);
    expect((await readLabelsAt(repo, { ref: 'WORKTREE', prefix: 'labels/dev' })).size).toBe(0);
  });

  it('refuses a prefix that climbs out of the repository', async () => {
    const repo = await makeRepo(seedLabels());
    await expect(readLabelsAt(repo, { ref: 'HEAD', prefix: '../x' })).rejects.toMatchObject({ code: 'INVALID_PATH' });
  });
});

import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff/diff-versions.js';
import { diffLabel } from '../../src/diff/label-diff.js';
import { summarizeDiffs } from '../../src/diff/summarize.js';
import { changedPaths } from '../../src/git/index.js';
import type { Label } from '../../src/label/types.js';
import { mulberry32 } from '../../src/stats/random.js';
import { commitChange, label, labelFile, makeRepo } from '../git/helpers.js';

// diffVersions parses and compares each change as its texts stream in, and sorts with one collator:
// checked against the plain way (every text read first, String.prototype.localeCompare).
describe('diffVersions', () => {
  it('gives what reading every text first and sorting with localeCompare gives', async () => {
    const ids = ['test-0001', 'Test-0002', 'test_0003', 'test-10', 'test-9', 'a-1', 'B-1', 'é-1', 'e-2', 'z-0'];
    const files: Record<string, string> = {};
    for (const [k, id] of ids.entries()) files[labelFile(id, `calc-${k % 3}`)] = label(id, k, `calc-${k % 3}`);
    const repo = await makeRepo(files);
    const edits: Record<string, string | null> = {};
    for (const [k, id] of ids.entries())
      if (k % 4 !== 3) edits[labelFile(id, `calc-${k % 3}`)] = label(id, k + 1, `calc-${k % 3}`);
    edits[labelFile('test-0001', 'calc-0')] = null;
    edits[labelFile('new-1', 'calc-5')] = label('new-1', 5, 'calc-5');
    await commitChange(repo, edits, 'Relabel');

    const fast = await diffVersions({ dir: repo.dir, from: 'HEAD~1', to: 'HEAD' });
    const parse = (text: string | undefined) => (text === undefined ? null : (JSON.parse(text) as Label));
    const slow = (await changedPaths(repo, { from: 'HEAD~1', to: 'HEAD', withContent: true })).map((c) =>
      diffLabel(c.path, parse(c.oldText), parse(c.newText)),
    );
    slow.sort((a, b) => a.id.localeCompare(b.id));
    expect(fast).toStrictEqual({ from: 'HEAD~1', to: 'HEAD', labels: slow, summary: summarizeDiffs(slow) });
    expect(fast.labels.length).toBeGreaterThan(5);
  });

  it('refuses a label that is not JSON, naming it and the version', async () => {
    const repo = await makeRepo({ [labelFile('a-1')]: label('a-1', 1), [labelFile('a-2')]: label('a-2', 2) });
    await commitChange(repo, { [labelFile('a-1')]: '{ not json', [labelFile('a-2')]: label('a-2', 3) }, 'Break');
    await expect(diffVersions({ dir: repo.dir, from: 'HEAD~1', to: 'HEAD' })).rejects.toMatchObject({
      code: 'LABEL_BROKEN_JSON',
      data: { file: labelFile('a-1'), ref: 'HEAD' },
    });
  });
});

describe('the id order', () => {
  it('one Intl.Collator orders ids as localeCompare does', () => {
    const random = mulberry32(5);
    const letters = ['a', 'B', 'b', 'é', 'E', '-', '_', '0', '9', '1', '.', ' ', 'ß', 'Z'];
    const ids = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + random.nextIndex(8) }, () => letters[random.nextIndex(letters.length)]).join(''),
    );
    const collator = new Intl.Collator();
    expect([...ids].sort(collator.compare)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});

import { describe, expect, it } from 'vitest';
import {
  changedPaths,
  commitFiles,
  createBranch,
  createTag,
  fileHistory,
  openRepo,
  pendingLabelChanges,
  readFileTextsAt as readLabelsAt,
} from '../../src/git/index.js';
import { cli, commitChange, label, labelFile, makeRepo, seedLabels, writeFiles } from './helpers.js';

/** The git CLI is the referee: what the module writes must be a repository git fully accepts. */
describe('the git CLI reads what the module writes', () => {
  it('passes git fsck --strict after commits, removals, branches and annotated tags', async () => {
    const repo = await makeRepo(seedLabels());
    await commitChange(
      repo,
      { [labelFile('test-0001')]: label('test-0001', 24), [labelFile('test-0005', 'wells')]: null },
      'Relabel and remove',
    );
    await createTag(repo, { name: 'v1.0.0', message: 'Release 1.0.0\n\nWith a body.' });
    await createBranch(repo, { name: 'next', checkout: true });
    await commitChange(repo, { [labelFile('test-0006', 'new')]: label('test-0006', 6, 'new') }, 'Add test-0006');
    await createTag(repo, { name: 'v1.1.0', message: 'Release 1.1.0' });
    expect(() => cli(repo.dir, 'fsck', '--strict', '--no-dangling', '--full')).not.toThrow();
    expect(cli(repo.dir, 'status', '--porcelain')).toBe('');
  });

  it('git log and git show read the commits, messages and contents', async () => {
    const repo = await makeRepo(seedLabels());
    await writeFiles(repo.dir, { [labelFile('test-0002')]: label('test-0002', 31) });
    const oid = await commitFiles(repo, {
      paths: [labelFile('test-0002')],
      message: 'Relabel test-0002\n\nExtraction error: weight was in lb.',
      author: { name: 'Dr. Émilie Ñúñez', email: 'emilie@example.org', timestamp: 1_700_000_000, timezoneOffset: 330 },
    });
    if (!oid) throw new Error('expected a commit');
    expect(cli(repo.dir, 'log', '--format=%H %s', '-2').trim().split('\n')).toEqual([
      `${oid} Relabel test-0002`,
      `${cli(repo.dir, 'rev-parse', 'HEAD~1').trim()} Initial labels`,
    ]);
    expect(cli(repo.dir, 'show', '-s', '--format=%an|%ad|%b', '--date=iso-strict', oid).trim()).toBe(
      'Dr. Émilie Ñúñez|2023-11-14T16:43:20-05:30|Extraction error: weight was in lb.',
    );
    expect(cli(repo.dir, 'show', `${oid}:${labelFile('test-0002')}`)).toBe(label('test-0002', 31));
    expect(cli(repo.dir, 'cat-file', '-p', 'HEAD').split('\n')[0]).toMatch(/^tree [0-9a-f]{40}$/);
  });

  it('reads a repository the CLI has packed (git gc), and writes on top of it', async () => {
    const repo = await makeRepo(seedLabels());
    await createTag(repo, { name: 'v1', message: 'v1' });
    await commitChange(
      repo,
      { [labelFile('test-0001')]: label('test-0001', 24), [labelFile('test-0004', 'ckd-epi')]: null },
      'Relabel',
    );
    cli(repo.dir, 'gc', '-q', '--aggressive', '--prune=now');
    expect(cli(repo.dir, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    const fresh = await openRepo({ dir: repo.dir });
    expect((await readLabelsAt(fresh, { ref: 'v1' })).get(labelFile('test-0001'))).toBe(label('test-0001', 22.5));
    const diff = await changedPaths(fresh, { from: 'v1', to: 'HEAD', withContent: true });
    expect(diff.map((c) => [c.path, c.change, c.newText ?? null])).toEqual([
      [labelFile('test-0001'), 'modified', label('test-0001', 24)],
      [labelFile('test-0004', 'ckd-epi'), 'removed', null],
    ]);
    expect((await fileHistory(fresh, { path: labelFile('test-0001') })).map((h) => h.text)).toEqual([
      label('test-0001', 24),
      label('test-0001', 22.5),
    ]);
    await commitChange(fresh, { [labelFile('test-0002')]: label('test-0002', 40) }, 'After gc');
    expect(await pendingLabelChanges(fresh)).toEqual([]);
    expect(() => cli(repo.dir, 'fsck', '--strict', '--no-dangling')).not.toThrow();
  });
});

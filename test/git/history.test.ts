import { describe, expect, it } from 'vitest';
import { checkoutBranch, createBranch, fileHistory } from '../../src/git/index.js';
import { ALICE, cli, commitChange, label, labelFile, makeRepo, seedLabels } from './helpers.js';

describe('fileHistory', () => {
  it('lists the commits that changed one file, newest first, with its text at each', async () => {
    const repo = await makeRepo(seedLabels());
    const path = labelFile('test-0001');
    const first = cli(repo.dir, 'rev-parse', 'HEAD').trim();
    const c2 = await commitChange(repo, { [path]: label('test-0001', 24) }, 'Relabel test-0001');
    await commitChange(repo, { [labelFile('test-0002')]: label('test-0002', 31) }, 'Another file');
    const c4 = await commitChange(repo, { [path]: label('test-0001', 25) }, 'Relabel test-0001 again');
    const history = await fileHistory(repo, { path });
    expect(history.map((h) => [h.oid, h.message, h.text])).toEqual([
      [c4, 'Relabel test-0001 again\n', label('test-0001', 25)],
      [c2, 'Relabel test-0001\n', label('test-0001', 24)],
      [first, 'Initial labels\n', label('test-0001', 22.5)],
    ]);
    expect(history[0].author).toEqual(ALICE);
    expect(history[0].date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(history[0].blob).toBe(cli(repo.dir, 'rev-parse', `${c4}:${path}`).trim());
    expect(history.map((h) => h.oid)).toEqual(cli(repo.dir, 'log', '--format=%H', '--', path).trim().split('\n'));
    expect(await fileHistory(repo, { path, ref: c2 })).toHaveLength(2);
    expect(await fileHistory(repo, { path, limit: 1 })).toHaveLength(1);
  });

  it('keeps the history of a deleted and re-added file, with null for the deletion', async () => {
    const repo = await makeRepo(seedLabels());
    const path = labelFile('test-0003', 'ckd-epi');
    const gone = await commitChange(repo, { [path]: null }, 'Remove test-0003');
    const deletedHistory = await fileHistory(repo, { path });
    expect(deletedHistory.map((h) => h.text)).toEqual([null, label('test-0003', 61, 'ckd-epi')]);
    expect(deletedHistory[0]).toMatchObject({ oid: gone, text: null });
    expect(deletedHistory[0].blob).toBeUndefined();
    const back = await commitChange(repo, { [path]: label('test-0003', 62, 'ckd-epi') }, 'Restore test-0003');
    const history = await fileHistory(repo, { path });
    expect(history.map((h) => h.oid)).toEqual([
      back,
      gone,
      cli(repo.dir, 'rev-list', '--max-parents=0', 'HEAD').trim(),
    ]);
    expect(history.map((h) => h.oid)).toEqual(cli(repo.dir, 'log', '--format=%H', '--', path).trim().split('\n'));
  });

  it('follows both sides of a merge, leaving out the merge that took one side as it was', async () => {
    const repo = await makeRepo(seedLabels());
    const path = labelFile('test-0001');
    await createBranch(repo, { name: 'side', checkout: true });
    const onSide = await commitChange(repo, { [path]: label('test-0001', 30) }, 'Side relabel');
    await checkoutBranch(repo, { name: 'main' });
    const onMain = await commitChange(repo, { [labelFile('test-0002')]: label('test-0002', 1) }, 'Main other file');
    cli(
      repo.dir,
      '-c',
      `user.name=${ALICE.name}`,
      '-c',
      `user.email=${ALICE.email}`,
      'merge',
      '-q',
      '--no-edit',
      'side',
    );
    const history = await fileHistory(repo, { path });
    expect(history.map((h) => h.oid)).toEqual([onSide, cli(repo.dir, 'rev-list', '--max-parents=0', 'HEAD').trim()]);
    expect(history.map((h) => h.oid)).not.toContain(onMain);
  });

  it('returns nothing for a path that never existed, and refuses a bad ref', async () => {
    const repo = await makeRepo(seedLabels());
    expect(await fileHistory(repo, { path: 'labels/test/bmi/none.json' })).toEqual([]);
    await expect(fileHistory(repo, { path: labelFile('test-0001'), ref: 'nope' })).rejects.toMatchObject({
      code: 'UNKNOWN_REF',
    });
  });
});

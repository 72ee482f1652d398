import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { proposeBatch } from '../../src/propose/propose-batch.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, gitFsck, useTestIdentity } from '../helpers/git.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';
import { PATHS, benchRepo, branches, head, lastMessage, readLabel } from '../review/fixture.js';

beforeAll(useTestIdentity);

function file(name: string, text: string): string {
  const path = join(testdir(), name);
  writeFileSync(path, text);
  return path;
}

describe('steward propose --from', () => {
  it('confirms values within tolerance, relabels the others, in one commit on the branch', async () => {
    const dir = await benchRepo();
    const jsonl = file(
      'verifier.jsonl',
      [
        '{"row": 1, "value": 23.5}', // within 5% of 22.857: confirmed, answer kept
        '{"row": 2, "value": 31.2, "rationale": "weight 101 kg on admission", "evidence": "note, line 3"}',
        '{"id": "demo-0003", "value": "N/A", "category": "incomputable"}',
        '{"id": "demo-0004", "value": "10/20/2020"}',
      ].join('\n'),
    );
    const result = await proposeBatch({
      dir,
      file: jsonl,
      verifier: 'gemini-x5',
      split: 'demo',
      branch: 'relabel/batch',
      now: '2026-02-02T00:00:00Z',
    });
    expect(result).toMatchObject({
      rows: 4,
      confirmed: ['demo-0001'],
      relabeled: ['demo-0002', 'demo-0004'],
      incomputable: ['demo-0003'],
      unchanged: [],
      branch: 'relabel/batch',
    });
    expect(result.commit).toBe(head(dir));
    expect(branches(dir)).toEqual(['main', 'relabel/batch']);

    const confirmed = readLabel(dir, PATHS.bmi1);
    expect(confirmed).toMatchObject({ status: 'confirmed', answer: { value: 22.857 }, revision: null });
    expect(readLabel(dir, PATHS.bmi2).revision).toEqual({
      previous: { kind: 'decimal', value: 27.778, lower: 26.3891, upper: 29.1669 },
      proposed: { kind: 'decimal', value: 31.2, lower: 29.64, upper: 32.76 },
      category: 'unclassified',
      rationale: 'weight 101 kg on admission',
      evidence: 'note, line 3',
      proposer: 'Test Steward <steward@example.org>',
      verifier: 'gemini-x5',
      time: '2026-02-02T00:00:00.000Z',
      previousExplanation: expect.stringMatching(/./),
    });
    expect(readLabel(dir, PATHS.cha)).toMatchObject({
      status: 'incomputable',
      revision: { category: 'incomputable', verifier: 'gemini-x5' },
    });
    // The due date label (LMP + 280 days, cycle 28) is what the reference calculator gives: no code defect to blame.
    expect(readLabel(dir, PATHS.due).revision).toMatchObject({
      category: 'unclassified',
      rationale:
        'gemini-x5 gives 10/20/2020 where the label says 10/16/2020; calculator audit: reproduced-from-entities, ' +
        'reference calculator gives 10/16/2020.',
      evidence: 'verifier.jsonl row 4 (line 4)',
    });
    expect(lastMessage(dir)).toBe(
      'Propose relabels from verifier.jsonl (verifier gemini-x5): 2 relabeled, 1 incomputable, 1 confirmed\n\n' +
        'demo-0002: 27.778 → 31.2 (unclassified)\ndemo-0003: 4 → N/A (incomputable)\ndemo-0004: 10/16/2020 → ' +
        '10/20/2020 (unclassified)',
    );
    expect(gitCli(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n')).toHaveLength(4);
    expect(gitFsck(dir)).toBe('');

    // The same file again: everything is already as proposed; no commit.
    const again = await proposeBatch({
      dir,
      file: jsonl,
      verifier: 'gemini-x5',
      split: 'demo',
      branch: 'relabel/batch',
    });
    expect(again).toMatchObject({ confirmed: [], relabeled: [], incomputable: [], commit: null });
    expect(again.unchanged.sort()).toEqual(['demo-0001', 'demo-0002', 'demo-0003', 'demo-0004']);
  });

  it('pre-fills calculator-logic-mismatch when the v1.0 code convention reproduces the old label', async () => {
    // The v1.0 due-date code adds |cycle − 28| days, so a 24-day cycle moved the date 4 days later.
    const { demoLabels } = await import('../review/fixture.js');
    const labels = demoLabels();
    labels[3] = {
      ...labels[3],
      entities: { 'Last menstrual date': '01/10/2020', 'cycle length': 24 },
      answer: { kind: 'date', value: '10/20/2020', lower: '10/20/2020', upper: '10/20/2020' },
    };
    const dir = await benchRepo(labels);
    const r = await runCli([
      'propose',
      '--from',
      file('v.csv', 'id,value\ndemo-0004,10/12/2020\n'),
      '--split',
      'demo',
      '--dir',
      dir,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).items).toEqual([
      expect.objectContaining({ id: 'demo-0004', outcome: 'relabeled', category: 'calculator-logic-mismatch' }),
    ]);
  });

  it('one bad row and nothing changes: no file, no commit, no branch; every bad row is named', async () => {
    const dir = await benchRepo();
    const before = snapshotTree(dir);
    const commit = head(dir);
    const bad = file(
      'bad.csv',
      [
        'Unique ID,Calculator Name,Ground Truth Answer,category',
        '1,Body Mass Index (BMI),30,',
        '2,Body Mass Index (BMI),thirty,',
        '3,CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk,2,not-a-category',
        '4,Body Mass Index (BMI),10/20/2020,',
        '9,Body Mass Index (BMI),1,',
        '1,Body Mass Index (BMI),31,',
      ].join('\n') + '\n',
    );
    const r = await runCli(['propose', '--from', bad, '--split', 'demo', '--branch', 'relabel/bad', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.csv: 5 bad row(s); nothing was changed');
    expect(r.err).toMatch(/row 2 \(line 3\): demo-0002 \(Body Mass Index \(BMI\)\): "thirty" is not a decimal answer/);
    expect(r.err).toMatch(/row 3 \(line 4\): unknown error category "not-a-category"/);
    expect(r.err).toMatch(/row 4 \(line 5\): calculator "Body Mass Index \(BMI\)" does not match demo-0004/);
    expect(r.err).toMatch(/row 5 \(line 6\): no row 9 of split "demo"/);
    expect(r.err).toMatch(/row 6 \(line 7\): demo-0001 already appeared in row 1/);
    expect(snapshotTree(dir)).toEqual(before);
    expect(head(dir)).toBe(commit);
    expect(branches(dir)).toEqual(['main']);
  });
});

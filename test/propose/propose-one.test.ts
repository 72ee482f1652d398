import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { proposeOne } from '../../src/propose/propose-one.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, gitFsck, useTestIdentity } from '../helpers/git.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';
import { PATHS, benchRepo, branches, editLabel, head, lastMessage, readLabel } from '../review/fixture.js';

beforeAll(useTestIdentity);

const NOW = '2026-02-01T09:30:00.000Z';

describe('steward propose <id>', () => {
  it('relabels on a new branch: answer with limits, status, revision, one commit naming the change', async () => {
    const dir = await benchRepo();
    const main = head(dir);
    const r = await runCli([
      'propose',
      'demo-0001',
      '--value',
      '30.1',
      '--category',
      'extraction-error',
      '--rationale',
      'The note says 92 kg, not 70.',
      '--branch',
      'relabel/bmi',
      '--dir',
      dir,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^demo-0001: 22\.857 → 30\.1 \(relabeled\)\ncommitted [0-9a-f]{10} on relabel\/bmi\n$/);
    expect(branches(dir)).toEqual(['main', 'relabel/bmi']);
    expect(gitCli(dir, ['rev-parse', '--abbrev-ref', 'HEAD']).trim()).toBe('relabel/bmi');
    expect(gitCli(dir, ['rev-parse', 'main']).trim()).toBe(main);
    const label = readLabel(dir, PATHS.bmi1);
    expect(label.status).toBe('relabeled');
    // Limits as v1.0 writes them: the exact decimal products 0.95·x and 1.05·x, never 28.594999999999995.
    expect(label.answer).toEqual({ kind: 'decimal', value: 30.1, lower: 28.595, upper: 31.605 });
    expect(label.revision).toEqual({
      previous: { kind: 'decimal', value: 22.857, lower: 21.71415, upper: 23.99985 },
      proposed: label.answer,
      category: 'extraction-error',
      rationale: 'The note says 92 kg, not 70.',
      proposer: 'Test Steward <steward@example.org>',
      time: expect.any(String),
      previousExplanation: expect.stringMatching(/./),
    });
    // The relabel carries its own explanation; the old one moved into the revision.
    expect(label.explanation).not.toBe(label.revision!.previousExplanation);
    expect(label.explanation).toMatch(/30\.1/);
    expect(lastMessage(dir)).toBe(
      'Propose demo-0001: 22.857 → 30.1 (extraction-error)\n\nBody Mass Index (BMI).\nThe note says 92 kg, not 70.',
    );
    expect(gitCli(dir, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(PATHS.bmi1);
    expect(gitCli(dir, ['status', '--porcelain']).trim()).toBe('');
    expect(gitFsck(dir)).toBe('');
    expect((await runCli(['validate', '--dir', dir])).code).toBe(0);
  });

  it(
    'incomputable (--incomputable or --value N/A), integers, dates; an existing branch is reused; evidence files ' +
      'are committed',
    async () => {
      const dir = await benchRepo();
      mkdirSync(join(dir, 'evidence'));
      writeFileSync(join(dir, 'evidence', 'demo-0003.md'), 'Hypertension is not documented.\n');
      const one = await proposeOne({
        dir,
        id: 'demo-0003',
        value: '3',
        category: 'extraction-error',
        rationale: 'no hypertension',
        evidence: 'evidence/demo-0003.md',
        branch: 'relabel/x',
        now: NOW,
      });
      expect(one).toMatchObject({
        answer: { kind: 'integer', value: 3, lower: 3, upper: 3 },
        status: 'relabeled',
        branch: 'relabel/x',
      });
      expect(readLabel(dir, PATHS.cha).revision).toMatchObject({ evidence: 'evidence/demo-0003.md', time: NOW });
      expect(gitCli(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort()).toEqual([
        'evidence/demo-0003.md',
        PATHS.cha,
      ]);
      await proposeOne({
        dir,
        id: 'demo-0001',
        incomputable: true,
        category: 'incomputable',
        rationale: 'no height',
        branch: 'relabel/x',
      });
      expect(readLabel(dir, PATHS.bmi1)).toMatchObject({
        status: 'incomputable',
        answer: { kind: 'incomputable', value: null },
      });
      await proposeOne({
        dir,
        id: 'demo-0002',
        value: 'N/A',
        category: 'incomputable',
        rationale: 'no weight',
        contentious: true,
      });
      expect(readLabel(dir, PATHS.bmi2)).toMatchObject({ status: 'incomputable', revision: { contentious: true } });
      await proposeOne({
        dir,
        id: 'demo-0004',
        value: '2020-10-20 00:00:00',
        category: 'calculator-logic-mismatch',
        rationale: 'cycle 32 days',
      });
      expect(readLabel(dir, PATHS.due).answer).toEqual({
        kind: 'date',
        value: '10/20/2020',
        lower: '10/20/2020',
        upper: '10/20/2020',
      });
      expect(gitCli(dir, ['log', '--format=%s', 'relabel/x']).trim().split('\n').slice(0, 4)).toEqual([
        'Propose demo-0004: 10/16/2020 → 10/20/2020 (calculator-logic-mismatch)',
        'Propose demo-0002: 27.778 → N/A (incomputable)',
        'Propose demo-0001: 22.857 → N/A (incomputable)',
        'Propose demo-0003: 4 → 3 (extraction-error)',
      ]);
    },
  );

  it('an existing branch that is not checked out: validated against its labels, then checked out and built on', async () => {
    const dir = await benchRepo();
    await proposeOne({
      dir,
      id: 'demo-0001',
      value: 30,
      category: 'extraction-error',
      rationale: 'a',
      branch: 'relabel/y',
    });
    gitCli(dir, ['checkout', '-q', 'main']);
    expect(readLabel(dir, PATHS.bmi1).answer.value).toBe(22.857);
    // On relabel/y demo-0001 is already 30: proposing 30 again there is no change, though main says 22.857.
    const same = await runCli([
      'propose',
      'demo-0001',
      '--value',
      '30',
      '--category',
      'other',
      '--rationale',
      'b',
      '--branch',
      'relabel/y',
      '--dir',
      dir,
    ]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/already has the answer 30/);
    expect(gitCli(dir, ['rev-parse', '--abbrev-ref', 'HEAD']).trim()).toBe('main');
    const next = await proposeOne({
      dir,
      id: 'demo-0002',
      value: 31,
      category: 'extraction-error',
      rationale: 'c',
      branch: 'relabel/y',
    });
    expect(next.branch).toBe('relabel/y');
    expect(gitCli(dir, ['log', '--format=%s', '-2']).trim().split('\n')).toEqual([
      'Propose demo-0002: 27.778 → 31 (extraction-error)',
      'Propose demo-0001: 22.857 → 30 (extraction-error)',
    ]);
    expect(readLabel(dir, PATHS.bmi1).answer.value).toBe(30);
  });

  it('bad input is exit 2 and changes nothing: no file, no commit, no branch', async () => {
    const dir = await benchRepo();
    const before = snapshotTree(dir);
    const commit = head(dir);
    const propose = (...argv: string[]) => runCli(['propose', ...argv, '--branch', 'relabel/bad', '--dir', dir]);
    const cases: [string[], RegExp][] = [
      [['demo-9999', '--value', '30', '--category', 'extraction-error', '--rationale', 'r'], /no label "demo-9999"/],
      [
        ['demo-0001', '--value', '03/04/2020', '--category', 'extraction-error', '--rationale', 'r'],
        /"03\/04\/2020" is not a decimal answer/,
      ],
      [
        ['demo-0001', '--value', 'thirty', '--category', 'extraction-error', '--rationale', 'r'],
        /not a decimal answer/,
      ],
      [['demo-0003', '--value', '3.5', '--category', 'extraction-error', '--rationale', 'r'], /not a whole number/],
      [['demo-0004', '--value', '22.5', '--category', 'extraction-error', '--rationale', 'r'], /not a date answer/],
      [
        ['demo-0001', '--value', '30', '--category', 'typo-category', '--rationale', 'r'],
        /unknown error category "typo-category"/,
      ],
      [['demo-0001', '--value', '22.857', '--category', 'other', '--rationale', 'r'], /already has the answer 22\.857/],
      [['demo-0001', '--value', '30', '--incomputable', '--category', 'other', '--rationale', 'r'], /either a value/],
      [['demo-0001', '--value', '30', '--category', 'other'], /needs --category and --rationale/],
      [
        [
          'demo-0001',
          '--value',
          '30',
          '--category',
          'other',
          '--rationale',
          'r',
          '--evidence',
          join(testdir({ 'e.md': 'x' }), 'e.md'),
        ],
        /must be inside the benchmark repository/,
      ],
      [
        ['demo-0001', '--value', '30', '--category', 'other', '--rationale', 'r', '--author', 'nobody'],
        /must look like "Name <email>"/,
      ],
    ];
    for (const [argv, err] of cases) {
      const r = await propose(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(err);
    }
    expect(snapshotTree(dir)).toEqual(before);
    expect(head(dir)).toBe(commit);
    expect(branches(dir)).toEqual(['main']);
  });

  it('refuses to sweep a hand edit of the same label into the proposal commit', async () => {
    const dir = await benchRepo();
    editLabel(dir, PATHS.bmi1, (l) => (l.note = 'edited by hand'));
    const r = await runCli([
      'propose',
      'demo-0001',
      '--value',
      '30',
      '--category',
      'other',
      '--rationale',
      'r',
      '--dir',
      dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/uncommitted edits/);
    expect(readLabel(dir, PATHS.bmi1).answer.value).toBe(22.857);
  });
});

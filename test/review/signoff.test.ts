import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/core/csv.js';
import { importSignoffs } from '../../src/review/import-signoffs.js';
import { readReviewers } from '../../src/review/reviewer.js';
import { verifySignoff } from '../../src/review/verify-signoff.js';
import { contentHash } from '../../src/store/canonical.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';
import { PATHS, benchRepo, head, lastMessage, readLabel, registerReviewer, strayKey } from './fixture.js';

beforeAll(useTestIdentity);

const NOW = '2026-03-01T12:00:00.000Z';

async function verifies(dir: string, path: string): Promise<boolean> {
  const label = readLabel(dir, path);
  const { reviewers } = await readReviewers(dir);
  return label.signoffs.every((s) => verifySignoff(label, s, reviewers).problems.length === 0);
}

describe('steward signoff', () => {
  it('approve appends a signed sign-off bound to the content hash, and commits', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir);
    const r = await runCli([
      'signoff',
      'demo-0001',
      'demo-0002',
      '--reviewer',
      'dr-a',
      '--decision',
      'approve',
      '--note',
      'checked',
      '--key',
      key,
      '--dir',
      dir,
    ]);
    expect(r.code, r.err).toBe(0);
    for (const path of [PATHS.bmi1, PATHS.bmi2]) {
      const label = readLabel(dir, path);
      expect(label.signoffs).toEqual([
        {
          reviewer: 'dr-a',
          role: 'physician',
          decision: 'approve',
          note: 'checked',
          time: expect.any(String),
          contentHash: contentHash(label),
          signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
        },
      ]);
      expect(await verifies(dir, path)).toBe(true);
    }
    expect(lastMessage(dir)).toMatch(/^Sign off 2 labels: approve by dr-a\n\ndemo-0001\ndemo-0002$/);
  });

  it('amend applies the physician value (limits by kind), keeps the proposal, and signs the amended content', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir);
    expect(
      (
        await runCli([
          'propose',
          'demo-0001',
          '--value',
          '30',
          '--category',
          'extraction-error',
          '--rationale',
          'weight is 92 kg',
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    const r = await runCli([
      'signoff',
      'demo-0001',
      '--reviewer',
      'dr-a',
      '--decision',
      'amend',
      '--value',
      '29.4 kg/m2',
      '--key',
      key,
      '--dir',
      dir,
    ]);
    expect(r.code, r.err).toBe(0);
    const label = readLabel(dir, PATHS.bmi1);
    expect(label.answer).toEqual({ kind: 'decimal', value: 29.4, lower: 27.93, upper: 30.87 });
    expect(label.status).toBe('relabeled');
    expect(label.revision).toMatchObject({
      previous: { value: 22.857 },
      proposed: { value: 30 },
      category: 'extraction-error',
    });
    expect(label.signoffs[0]).toMatchObject({
      decision: 'amend',
      value: '29.4 kg/m2',
      parsedValue: 29.4,
      contentHash: contentHash(label),
    });
    expect(await verifies(dir, PATHS.bmi1)).toBe(true);

    // Amending an original label creates its revision; N/A makes it incomputable.
    expect(
      (
        await runCli([
          'signoff',
          'demo-0003',
          '--reviewer',
          'dr-a',
          '--decision',
          'amend',
          '--value',
          'Not applicable',
          '--note',
          'no history',
          '--key',
          key,
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    const cha = readLabel(dir, PATHS.cha);
    expect(cha).toMatchObject({ status: 'incomputable', answer: { kind: 'incomputable', value: null } });
    expect(cha.revision).toMatchObject({
      previous: { kind: 'integer', value: 4 },
      category: 'unclassified',
      proposer: 'dr-a',
      rationale: 'Amended by physician dr-a: no history',
    });
    expect(cha.signoffs[0]).toMatchObject({ value: 'Not applicable', parsedValue: null });
    expect((await runCli(['validate', '--dir', dir])).code).toBe(0);
  });

  it('bad input: exit 2 and nothing changes', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir);
    const stray = await strayKey(dir);
    const before = snapshotTree(dir);
    const commit = head(dir);
    const sign = (...argv: string[]) => runCli(['signoff', ...argv, '--dir', dir]);
    const cases: [Promise<{ code: number; err: string }>, RegExp][] = [
      [sign('demo-9999', '--reviewer', 'dr-a', '--decision', 'approve', '--key', key), /no label "demo-9999"/],
      [
        sign('demo-0001', '--reviewer', 'dr-a', '--decision', 'approve', '--key', stray),
        /not the key registered for reviewer dr-a/,
      ],
      [sign('demo-0001', '--reviewer', 'dr-z', '--decision', 'approve', '--key', key), /no reviewer "dr-z"/],
      [sign('demo-0001', '--reviewer', 'dr-a', '--decision', 'amend', '--key', key), /amend needs the physician value/],
      [
        sign('demo-0001', '--reviewer', 'dr-a', '--decision', 'amend', '--value', '03/04/2020', '--key', key),
        /is not a decimal value/,
      ],
      [
        sign('demo-0003', '--reviewer', 'dr-a', '--decision', 'amend', '--value', '3.5', '--key', key),
        /not a whole number/,
      ],
      [
        sign('demo-0001', '--reviewer', 'dr-a', '--decision', 'maybe', '--key', key),
        /decision must be one of|Invalid values/,
      ],
    ];
    for (const [pending, err] of cases) {
      const r = await pending;
      expect(r.code, err.source).toBe(2);
      expect(r.err).toMatch(err);
    }
    expect(snapshotTree(dir)).toEqual(before);
    expect(head(dir)).toBe(commit);
  });
});

describe('steward signoff --from (physician adjudications)', () => {
  const header = ['uid', 'Calculator Name', 'y* (Physician label)', 'Physician Note (Optional)'];
  const csv = (rows: string[][]) => {
    const file = join(testdir(), 'md.csv');
    writeFileSync(file, writeCsv(header, rows));
    return file;
  };

  it(
    'approve when the value equals the label exactly, amend to exactly the value when not (even when close), ' +
      'reject what cannot be read; blanks skipped',
    async () => {
      const dir = await benchRepo();
      const key = await registerReviewer(dir, 'panel');
      const file = csv([
        ['1', 'Body Mass Index (BMI)', '22.857 kg/m2', 'Straightforward.'],
        ['2', 'Body Mass Index (BMI)', '31.2', 'Used the later weight'],
        ['3', 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', 'Multiple', 'Depends on the day'],
        ['4', 'Estimated Due Date', '', ''],
      ]);
      const result = await importSignoffs({ dir, file, reviewer: 'panel', keyPath: key, split: 'demo', now: NOW });
      expect(result.signoffs.map((s) => [s.id, s.decision, s.value, s.parsedValue])).toEqual([
        ['demo-0001', 'approve', '22.857 kg/m2', 22.857],
        ['demo-0002', 'amend', '31.2', 31.2],
        ['demo-0003', 'reject', 'Multiple', undefined],
      ]);
      expect(result).toMatchObject({
        approved: ['demo-0001'],
        amended: ['demo-0002'],
        rejected: [{ id: 'demo-0003', value: 'Multiple', row: 3 }],
        skipped: 1,
      });
      expect(readLabel(dir, PATHS.bmi1).signoffs[0]).toMatchObject({
        reviewer: 'panel',
        decision: 'approve',
        note: 'Straightforward.',
        time: NOW,
      });
      expect(readLabel(dir, PATHS.bmi2).answer).toMatchObject({ kind: 'decimal', value: 31.2 });
      const rejected = readLabel(dir, PATHS.cha);
      expect(rejected.answer).toMatchObject({ kind: 'integer', value: 4 });
      expect(rejected.signoffs[0].note).toMatch(
        /^Imported as a rejection: the physician value "Multiple" is not a single integer value.*Physician note: Depends on the day$/,
      );
      expect(readLabel(dir, PATHS.due).signoffs).toEqual([]);
      for (const path of [PATHS.bmi1, PATHS.bmi2, PATHS.cha]) expect(await verifies(dir, path)).toBe(true);
      expect(lastMessage(dir)).toBe(
        'Import 3 physician sign-off(s) by panel from md.csv: 1 approve, 1 amend, 1 reject',
      );

      const cli = await runCli([
        'signoff',
        '--from',
        file,
        '--reviewer',
        'panel',
        '--key',
        key,
        '--split',
        'demo',
        '--dir',
        dir,
      ]);
      expect(cli.code).toBe(0);
      expect(cli.out).toBe(
        [
          '0 sign-off(s) by panel: 0 approve, 0 amend, 0 reject; 3 already signed',
          "How the physicians' free-text values were read (change one with --read 'TEXT=VALUE', VALUE a value, N/A " +
            'or reject):',
          '  text            read as                      items',
          '  "22.857 kg/m2"  22.857 (number with a unit)  demo-0001',
          '  "Multiple"      rejection (no single value)  demo-0003',
          '',
        ].join('\n'),
      );
      expect(readLabel(dir, PATHS.bmi2).signoffs).toHaveLength(1);
    },
  );

  it('a physician value close to the label (within the agreement tolerance) still amends it to exactly that value', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir, 'panel');
    // CHA2DS2-VASc 4 in the demo label; the physician says 3: within ±1, but a label is never "close enough".
    const file = csv([['3', 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', '3', '']]);
    const result = await importSignoffs({ dir, file, reviewer: 'panel', keyPath: key, split: 'demo', now: NOW });
    expect(result.amended).toEqual(['demo-0003']);
    expect(readLabel(dir, PATHS.cha).answer).toEqual({ kind: 'integer', value: 3, lower: 3, upper: 3 });
  });

  it(
    '--read maps a free-text value to a decision the user chose, shown in the table and in --json; an unused ' +
      '--read refuses',
    async () => {
      const dir = await benchRepo();
      const key = await registerReviewer(dir, 'panel');
      const file = csv([
        ['3', 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', 'Multiple', 'Depends on the day'],
      ]);
      const typo = await runCli([
        'signoff',
        '--from',
        file,
        '--read',
        'Mutliple=N/A',
        '--reviewer',
        'panel',
        '--key',
        key,
        '--split',
        'demo',
        '--dir',
        dir,
      ]);
      expect(typo.code).toBe(2);
      expect(typo.err).toMatch(/--read "Mutliple" matched no physician value in the file; nothing was changed/);
      expect(readLabel(dir, PATHS.cha).signoffs).toEqual([]);
      const cli = await runCli([
        'signoff',
        '--from',
        file,
        '--read',
        'Multiple=N/A',
        '--reviewer',
        'panel',
        '--key',
        key,
        '--split',
        'demo',
        '--dir',
        dir,
        '--json',
      ]);
      expect(cli.code, cli.err).toBe(0);
      const result = JSON.parse(cli.out);
      expect(result.readings).toEqual([{ text: 'Multiple', value: null, how: 'by --read', ids: ['demo-0003'] }]);
      expect(result.amended).toEqual(['demo-0003']);
      const label = readLabel(dir, PATHS.cha);
      expect(label).toMatchObject({ status: 'incomputable', answer: { kind: 'incomputable', value: null } });
      expect(label.signoffs[0]).toMatchObject({ decision: 'amend', value: 'Multiple', parsedValue: null });
    },
  );

  it('one bad row (unknown item, repeated item, wrong calculator) and nothing changes', async () => {
    const dir = await benchRepo();
    const key = await registerReviewer(dir, 'panel');
    const before = snapshotTree(dir);
    const commit = head(dir);
    const bad = [
      [
        ['1', 'Body Mass Index (BMI)', '23', ''],
        ['77', 'Body Mass Index (BMI)', '5', ''],
      ],
      [
        ['1', 'Body Mass Index (BMI)', '23', ''],
        ['demo-0001', 'Body Mass Index (BMI)', '5', ''],
      ],
      [
        ['1', 'Body Mass Index (BMI)', '23', ''],
        ['3', 'Body Mass Index (BMI)', '5', ''],
      ],
    ];
    const errs = [
      /row 2 \(line 3\): no row 77 of split "demo"/,
      /already has a physician value in row 1/,
      /does not match demo-0003/,
    ];
    for (const [k, rows] of bad.entries()) {
      const r = await runCli([
        'signoff',
        '--from',
        csv(rows),
        '--reviewer',
        'panel',
        '--key',
        key,
        '--split',
        'demo',
        '--dir',
        dir,
      ]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(errs[k]);
    }
    expect(snapshotTree(dir)).toEqual(before);
    expect(head(dir)).toBe(commit);
  });
});

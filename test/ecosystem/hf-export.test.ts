import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hfColumns } from '../../src/exporters/hf-columns.js';
import { splitParquet } from '../../src/exporters/hf-export.js';
import type { Label } from '../../src/label/types.js';
import { makeLabel } from '../helpers/labels.js';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';
import { readAllLabels } from '../../src/store/read.js';
import { releasedDemo } from './demo-repo.js';
import { expectParquetMatches, pyarrowRowCounts } from './hf-readback.js';

beforeAll(useTestIdentity);

describe('the Parquet columns', () => {
  it('carry every answer kind, an incomputable reason and a relabel category, read back value for value', async () => {
    const base = makeLabel();
    const revision = {
      previous: base.answer,
      category: 'extraction-error',
      rationale: 'weight misread',
      proposer: 'A <a@b.c>',
      time: '2026-01-01T00:00:00Z',
    };
    const labels: Label[] = [
      makeLabel({ id: 'demo-0001', source: { ...base.source, row: 1 } }),
      makeLabel({
        id: 'demo-0002',
        source: { ...base.source, row: 2 },
        status: 'relabeled',
        revision,
        answer: { kind: 'decimal', value: -3.5, lower: -3.675, upper: -3.325 },
      }),
      makeLabel({
        id: 'demo-0003',
        source: { ...base.source, row: 3 },
        status: 'incomputable',
        answer: { kind: 'incomputable', value: null, reason: 'no chloride, "not reported" — ∅' },
      }),
      makeLabel({
        id: 'demo-0004',
        source: { ...base.source, row: 4 },
        answer: { kind: 'date', value: '02/29/2024', lower: '02/29/2024', upper: '02/29/2024' },
      }),
      makeLabel({
        id: 'demo-0005',
        source: { ...base.source, row: 5 },
        answer: { kind: 'gestational-age', value: [38, 6], lower: [38, 6], upper: [38, 6] },
      }),
      makeLabel({
        id: 'demo-0006',
        source: { ...base.source, row: 6 },
        answer: { kind: 'integer', value: 4, lower: 4, upper: 4 },
        note: 'µmol/L, FiO₂ ≥ 0.5, "quoted", new\nline',
      }),
    ];
    const file = join(testdir(), 'x.parquet');
    const release = {
      version: '1.0.0',
      record: { manifest: { root: 'sha256:00' }, labelCommit: 'c'.repeat(40) },
    } as never;
    writeFileSync(file, splitParquet(hfColumns(labels), release, 'demo'));
    await expectParquetMatches(file, labels);
  });
});

describe('export --format hf', () => {
  it('writes one Parquet file per split and a dataset card that datasets and the Hub read', async () => {
    const dir = await releasedDemo();
    const out = join(testdir(), 'hf');
    const run = await runCli(['export', '--version', '0.1.0', '--format', 'hf', '--out', out, '--dir', dir]);
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, 'data'))).toEqual(['demo-00000-of-00001.parquet']);
    const labels = (await readAllLabels(dir)).map((f) => f.label);
    expect(labels.map((l) => l.answer.kind)).toEqual(
      expect.arrayContaining(['decimal', 'integer', 'date', 'gestational-age']),
    );
    await expectParquetMatches(join(out, 'data/demo-00000-of-00001.parquet'), labels);
    const counts = pyarrowRowCounts([join(out, 'data/demo-00000-of-00001.parquet')]);
    if (counts) expect(counts).toEqual([labels.length]);

    const card = readFileSync(join(out, 'README.md'), 'utf8');
    const [, front, body] = card.split(/^---$/m);
    const meta = parseYaml(front);
    expect(meta).toMatchObject({
      license: 'cc-by-sa-4.0',
      pretty_name: 'medcalc-steward demo benchmark 0.1.0',
      task_categories: ['question-answering'],
      configs: [{ config_name: 'default', data_files: [{ split: 'demo', path: 'data/demo-00000-of-00001.parquet' }] }],
    });
    const record = JSON.parse(readFileSync(join(dir, 'changelogs/v0.1.0.json'), 'utf8'));
    expect(body).toContain(record.manifest.root);
    expect(body).toContain(record.labelCommit);
    expect(body).toContain(`${record.statistics.added} added`);
    expect(body).toMatch(/@misc\{/);
    expect(body).toContain('MedCalc-Bench');
    expect(body).toContain('| answer_number | double, nullable |');
  });

  it('says what changed since the previous version, and exports one split alone', async () => {
    const key = join(testdir(), 'dr-test.pem');
    const dir = await releasedDemo({ physicianKey: key });
    // A second release whose only change is a new item: the card lists it.
    const label = JSON.parse(readFileSync(join(dir, 'labels/demo/bmi/demo-0001.json'), 'utf8'));
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'labels/extra/bmi'), { recursive: true });
    writeFileSync(
      join(dir, 'labels/extra/bmi/extra-0001.json'),
      JSON.stringify({ ...label, id: 'extra-0001', split: 'extra' }, null, 2) + '\n',
    );
    expect((await runCli(['commit', '-m', 'an extra split', '--dir', dir])).code).toBe(0);
    // A new label needs a physician's sign-off like a relabel.
    const signed = await runCli([
      'signoff',
      'extra-0001',
      '--reviewer',
      'dr-test',
      '--key',
      key,
      '--decision',
      'approve',
      '--dir',
      dir,
    ]);
    expect(signed.code, signed.err).toBe(0);
    const second = await runCli(['release', '0.2.0', '--dir', dir]);
    expect(second.code, second.err).toBe(0);
    const out = join(testdir(), 'hf');
    expect((await runCli(['export', '--version', '0.2.0', '--format', 'hf', '--out', out, '--dir', dir])).code).toBe(0);
    expect(readdirSync(join(out, 'data')).sort()).toEqual([
      'demo-00000-of-00001.parquet',
      'extra-00000-of-00001.parquet',
    ]);
    const card = readFileSync(join(out, 'README.md'), 'utf8');
    expect(card).toContain('Since 0.1.0: 1 added');
    expect(card).toContain('items added: `extra-0001`');
    const only = join(testdir(), 'hf-extra');
    expect(
      (
        await runCli([
          'export',
          '--version',
          '0.2.0',
          '--format',
          'hf',
          '--split',
          'extra',
          '--out',
          only,
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    expect(readdirSync(join(only, 'data'))).toEqual(['extra-00000-of-00001.parquet']);
  });

  it('needs --version and --out, and leaves the folder untouched when it fails', async () => {
    const dir = await releasedDemo();
    const out = testdir({ 'keep.txt': 'mine' });
    const before = snapshotTree(out);
    expect((await runCli(['export', '--format', 'hf', '--out', out, '--dir', dir])).err).toMatch(/--version/);
    expect((await runCli(['export', '--format', 'hf', '--version', '0.1.0', '--dir', dir])).err).toMatch(
      /--out <folder>/,
    );
    const unknown = await runCli(['export', '--format', 'hf', '--version', '9.0.0', '--out', out, '--dir', dir]);
    expect(unknown.code).toBe(2);
    expect(snapshotTree(out)).toEqual(before);
    expect(existsSync(join(out, 'data'))).toBe(false);
  });
});

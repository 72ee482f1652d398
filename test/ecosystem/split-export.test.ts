import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/core/csv.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

/** A released benchmark with a test split of three items and a one-shot split of one. */
async function released(): Promise<string> {
  const test = (n: number) =>
    makeLabel({
      id: `test-000${n}`,
      split: 'test',
      source: { ...makeLabel().source, row: n, noteId: `t-${n}` },
      note: `Test note ${n}.`,
    });
  const dir = await benchmarkWith('splits', [
    test(1),
    test(2),
    test(3),
    makeLabel({ id: 'one-shot-0001', split: 'one-shot', note: 'An exemplar.' }),
  ]);
  expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
  return dir;
}

describe('export --version X --split S', () => {
  it('writes only that split as the harness CSV, with a sidecar of the manifest hashes, and verify accepts it', async () => {
    const dir = await released();
    const out = join(testdir(), 'test_data.csv');
    const run = await runCli(['export', '--version', '1.0.0', '--split', 'test', '--out', out, '--dir', dir]);
    expect(run.code).toBe(0);
    const rows = parseCsvTable(readFileSync(out, 'utf8')).rows;
    expect(rows.map((r) => r.cells['Patient Note'])).toEqual(['Test note 1.', 'Test note 2.', 'Test note 3.']);
    const sidecar = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'));
    const record = JSON.parse(readFileSync(join(dir, 'changelogs/v1.0.0.json'), 'utf8'));
    const csvHash = new Map(record.manifest.items.map((i: string[]) => [i[0], i[2]]));
    expect(sidecar).toMatchObject({
      version: '1.0.0',
      root: record.manifest.root,
      split: 'test',
      splitCount: 3,
      format: 'medcalc-csv',
    });
    expect(sidecar.items).toEqual(['test-0001', 'test-0002', 'test-0003'].map((id) => [id, csvHash.get(id)]));

    const verified = await runCli(['verify', out, '--dir', dir]);
    expect(verified.out).toMatch(/^OK: 3 items match split test of release 1\.0\.0/);
    expect(verified.code).toBe(0);
    const json = JSON.parse((await runCli(['verify', out, '--dir', dir, '--json'])).out);
    expect(json).toMatchObject({ ok: true, split: 'test', membership: 'checked', splitRoot: sidecar.splitRoot });
  });

  it('catches an edited cell, a dropped row whose sidecar was edited to match, and a lying sidecar hash', async () => {
    const dir = await released();
    const out = join(testdir(), 'test_data.csv');
    await runCli(['export', '--version', '1.0.0', '--split', 'test', '--out', out, '--dir', dir]);
    const csv = readFileSync(out, 'utf8');
    const sidecarText = readFileSync(`${out}.manifest.json`, 'utf8');

    writeFileSync(out, csv.replace('Test note 2.', 'Test note two.'));
    const edited = JSON.parse((await runCli(['verify', out, '--dir', dir, '--json'])).out);
    expect(edited).toMatchObject({ ok: false, changed: ['test-0002'] });

    // Drop row 3 from the CSV and from the sidecar: the release's tree still has test-0003 in the split.
    const lines = csv.split('\n');
    writeFileSync(out, lines.filter((l) => !l.startsWith('3,')).join('\n'));
    const sidecar = JSON.parse(sidecarText);
    sidecar.items = sidecar.items.slice(0, 2);
    sidecar.rows = sidecar.rows.slice(0, 2);
    writeFileSync(`${out}.manifest.json`, JSON.stringify(sidecar));
    const dropped = await runCli(['verify', out, '--dir', dir, '--json']);
    expect(dropped.code).toBe(1);
    expect(JSON.parse(dropped.out)).toMatchObject({ ok: false, missing: ['test-0003'] });

    // A sidecar hash that is not the release's is named, even when the file matches it.
    writeFileSync(out, csv);
    const lying = JSON.parse(sidecarText);
    lying.items[0][1] = '0'.repeat(64);
    writeFileSync(`${out}.manifest.json`, JSON.stringify(lying));
    const liar = await runCli(['verify', out, '--dir', dir]);
    expect(liar.code).toBe(1);
    expect(liar.out).toMatch(/sidecar hashes that are not the release's \(1\): test-0001/);
  });

  it('as JSONL too; against the release record alone it says membership was not checked', async () => {
    const dir = await released();
    const out = join(testdir(), 'one-shot.jsonl');
    expect(
      (
        await runCli([
          'export',
          '--version',
          '1.0.0',
          '--split',
          'one-shot',
          '--format',
          'jsonl',
          '--out',
          out,
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0].slice(2))).toMatchObject({ split: 'one-shot', splitCount: 1 });
    expect(JSON.parse(lines[1]).id).toBe('one-shot-0001');
    const alone = JSON.parse(
      (await runCli(['verify', out, '--release', join(dir, 'changelogs/v1.0.0.json'), '--dir', testdir(), '--json']))
        .out,
    );
    expect(alone).toMatchObject({ ok: true, membership: expect.stringMatching(/^unchecked/) });
    const { rmSync } = await import('node:fs');
    rmSync(`${out}.manifest.json`);
    const lost = await runCli(['verify', out, '--dir', dir]);
    expect(lost.code).toBe(2);
    expect(lost.err).toMatch(/export of one split; verify needs its sidecar/);
  });

  it('refuses an unknown split (exit 2, naming the splits) and a split export without --out, writing nothing', async () => {
    const dir = await released();
    const folder = testdir();
    const unknown = await runCli([
      'export',
      '--version',
      '1.0.0',
      '--split',
      'train',
      '--out',
      join(folder, 'x.csv'),
      '--dir',
      dir,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no split "train" \(splits: one-shot, test\)/);
    const noOut = await runCli(['export', '--version', '1.0.0', '--split', 'test', '--dir', dir]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(/needs --out/);
    expect(readFileSync(join(dir, 'changelogs/v1.0.0.json'), 'utf8')).toContain('"version": "1.0.0"');
  });
});

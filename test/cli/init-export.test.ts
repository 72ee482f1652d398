import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/core/csv.js';
import { runCli } from '../helpers/cli.js';
import { medcalcCsv, medcalcRow } from '../helpers/medcalc-csv.js';
import { testdir } from '../helpers/tempdir.js';

describe('steward init', () => {
  it('creates an empty benchmark repository that validates and takes an import', async () => {
    const parent = testdir({ 'in.csv': medcalcCsv([medcalcRow()]) });
    const r = await runCli(['init', 'bench', '--name', 'my-bench', '--dir', parent]);
    expect(r.code).toBe(0);
    const dir = join(parent, 'bench');
    for (const f of [
      'labels',
      'reviewers',
      'changelogs',
      'schema/label.schema.json',
      'schema/error-categories.json',
      'steward.config.json',
      '.git/HEAD',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'steward.config.json'), 'utf8')).name).toBe('my-bench');
    expect((await runCli(['validate', '--dir', dir])).code).toBe(0);
    const imported = await runCli(['import', 'medcalc-bench', join(parent, 'in.csv'), '--dir', dir, '--no-commit']);
    expect(imported.code).toBe(0);
  });

  it('refuses a folder that is not empty', async () => {
    const parent = testdir({ 'bench/file.txt': 'x' });
    const r = await runCli(['init', 'bench', '--dir', parent]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/folder is not empty/);
  });
});

describe('steward export', () => {
  it('writes the 14 MedCalc columns and JSONL', async () => {
    const dir = testdir({
      'in.csv': medcalcCsv([
        medcalcRow({ 'Ground Truth Answer': '22.0', 'Lower Limit': '20.9', 'Upper Limit': '23.1' }),
      ]),
    });
    await runCli(['import', 'medcalc-bench', join(dir, 'in.csv'), '--dir', dir]);
    const csv = await runCli(['export', '--dir', dir]);
    const table = parseCsvTable(csv.out);
    expect(table.header).toHaveLength(14);
    // The upstream spelling of an unchanged answer is kept.
    expect(table.rows[0].cells['Ground Truth Answer']).toBe('22.0');
    const jsonl = await runCli(['export', '--format', 'jsonl', '--dir', dir]);
    expect(JSON.parse(jsonl.out.trim()).id).toBe('test-0001');
    const out = join(dir, 'out.csv');
    await runCli(['export', '--out', out, '--dir', dir]);
    expect(readFileSync(out, 'utf8')).toBe(csv.out);
  });
  it('names an unknown split', async () => {
    const r = await runCli(['export', '--split', 'nope', '--dir', testdir()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no labels in split "nope"/);
  });
});

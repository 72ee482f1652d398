import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { HAS_SHARED, V1_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';
import { readAllLabels } from '../../src/store/read.js';
import { expectParquetMatches, pyarrowRowCounts } from './hf-readback.js';

beforeAll(useTestIdentity);

describe.skipIf(!HAS_SHARED)('export --format hf of the real v1.0 import (../shared)', () => {
  it('writes 1,047 rows whose every value reads back as the released labels', async () => {
    const parent = testdir();
    expect((await runCli(['init', 'b', '--name', 'MedCalc-Bench', '--dir', parent])).code).toBe(0);
    const dir = join(parent, 'b');
    expect(
      (await runCli(['import', 'medcalc-bench', V1_CSV, '--split', 'test', '--source-version', '1.0', '--dir', dir]))
        .code,
    ).toBe(0);
    expect((await runCli(['commit', '-m', 'import v1.0', '--dir', dir])).code).toBe(0);
    expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
    const out = join(testdir(), 'hf');
    expect((await runCli(['export', '--version', '1.0.0', '--format', 'hf', '--out', out, '--dir', dir])).code).toBe(0);
    const labels = (await readAllLabels(dir)).map((f) => f.label);
    expect(labels).toHaveLength(1047);
    const file = join(out, 'data/test-00000-of-00001.parquet');
    await expectParquetMatches(file, labels);
    const counts = pyarrowRowCounts([file]);
    if (counts) expect(counts).toEqual([1047]);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('| split `test` | 1047 rows');
  }, 120_000);
});

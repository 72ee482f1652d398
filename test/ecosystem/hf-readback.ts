import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { expect } from 'vitest';
import { medcalcRowCells } from '../../src/exporters/medcalc-csv.js';
import { MEDCALC_COLUMNS } from '../../src/core/medcalc-columns.js';
import type { Label } from '../../src/label/types.js';

/**
 * Reads a split's Parquet file with hyparquet (a reader written apart from the writer) and checks every
 * value of every row against the labels it was written from: the harness columns cell for cell as the
 * MedCalc CSV has them, and each typed column against the label's answer.
 */
export async function expectParquetMatches(file: string, labels: Label[]): Promise<void> {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(buffer);
  const types = Object.fromEntries(
    metadata.schema.slice(1).map((e) => [e.name, `${e.type}${e.converted_type ? `/${e.converted_type}` : ''}`]),
  );
  expect(types['Row Number']).toBe('INT64');
  expect(types['Ground Truth Answer']).toBe('BYTE_ARRAY/UTF8');
  expect(types.answer_number).toBe('DOUBLE');
  expect(types.answer_date).toBe('INT32/DATE');
  const rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  const ordered = [...labels].sort((a, b) => a.source.row - b.source.row || a.id.localeCompare(b.id));
  expect(rows).toHaveLength(ordered.length);
  const problems: string[] = [];
  const check = (k: number, column: string, got: unknown, want: unknown) => {
    const same = got instanceof Date && want instanceof Date ? got.getTime() === want.getTime() : Object.is(got, want);
    if (!same) problems.push(`row ${k} ${column}: ${String(got)} ≠ ${String(want)}`);
  };
  ordered.forEach((label, k) => {
    const row = rows[k];
    const cells = medcalcRowCells(label);
    MEDCALC_COLUMNS.forEach((column, c) =>
      check(
        k,
        column,
        row[column],
        column === 'Row Number' || column === 'Calculator ID' ? BigInt(cells[c]) : cells[c],
      ),
    );
    const a = label.answer;
    const numeric = a.kind === 'decimal' || a.kind === 'integer';
    check(k, 'id', row.id, label.id);
    check(k, 'split', row.split, label.split);
    check(k, 'status', row.status, label.status);
    check(k, 'answer_kind', row.answer_kind, a.kind);
    check(k, 'answer_number', row.answer_number, numeric ? a.value : null);
    check(k, 'lower', row.lower, numeric ? a.lower : null);
    check(k, 'upper', row.upper, numeric ? a.upper : null);
    const [mm, dd, yyyy] = a.kind === 'date' ? a.value.split('/').map(Number) : [];
    check(k, 'answer_date', row.answer_date, a.kind === 'date' ? new Date(Date.UTC(yyyy, mm - 1, dd)) : null);
    check(k, 'answer_weeks', row.answer_weeks, a.kind === 'gestational-age' ? a.value[0] : null);
    check(k, 'answer_days', row.answer_days, a.kind === 'gestational-age' ? a.value[1] : null);
    check(k, 'incomputable_reason', row.incomputable_reason, a.kind === 'incomputable' ? (a.reason ?? null) : null);
    check(k, 'relabel_category', row.relabel_category, label.revision?.category ?? null);
  });
  expect(problems).toEqual([]);
}

const HAS_PYARROW = spawnSync('python3', ['-c', 'import pyarrow'], { stdio: 'ignore' }).status === 0;

/** Loads the folder's Parquet files with pyarrow when Python has it; otherwise says that part was skipped. */
export function pyarrowRowCounts(files: string[]): number[] | null {
  if (!HAS_PYARROW) {
    console.warn(
      '*** pyarrow is not installed (python3 -c "import pyarrow" fails): the pyarrow read-back was SKIPPED; ' +
        'hyparquet checked every value. ***',
    );
    return null;
  }
  const script =
    'import sys, pyarrow.parquet as pq\nfor f in sys.argv[1:]:\n    t = pq.read_table(f)\n    print(t.num_rows)';
  return execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(Number);
}

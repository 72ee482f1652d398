import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportLabels } from '../../src/exporters/export.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { parseCsvTable } from '../../src/core/csv.js';
import { parsePythonLiteral } from '../../src/core/python-literal.js';
import { readAllLabels } from '../../src/store/read.js';
import { validateLabels } from '../../src/validate/validate-labels.js';
import { AUDIT_CRLF_CSV, HAS_SHARED, INITIAL_CSV, V1_CSV, VERIFIED_ONESHOT_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

describe.skipIf(!HAS_SHARED)('real MedCalc-Bench files (../shared)', () => {
  it('v1.0 imports to 1,047 valid labels over 55 calculators and exports back cell for cell', async () => {
    const dir = testdir();
    const result = await importMedcalcBench({ dir, source: V1_CSV, split: 'test', sourceVersion: '1.0' });
    expect(result).toMatchObject({ rows: 1047, added: 1047 });
    const report = await validateLabels({ dir });
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(1047);
    const labels = (await readAllLabels(dir)).map((f) => f.label);
    expect(new Set(labels.map((l) => l.calculator.id)).size).toBe(55);

    const original = parseCsvTable(readFileSync(V1_CSV, 'utf8')).rows;
    const exported = parseCsvTable(await exportLabels({ dir, format: 'medcalc-csv' })).rows;
    expect(exported).toHaveLength(original.length);
    const differences: string[] = [];
    original.forEach((row, i) => {
      for (const [column, text] of Object.entries(row.cells)) {
        const back = exported[i].cells[column];
        const same =
          column === 'Relevant Entities'
            ? isDeepStrictEqual(parsePythonLiteral(text), parsePythonLiteral(back))
            : text === back;
        if (!same) differences.push(`row ${row.cells['Row Number']} ${column}`);
      }
    });
    expect(differences).toEqual([]);
  });

  it('the 2024-06-14 upload, the Verified one-shot file and the audit CRLF copy import and validate', async () => {
    for (const [source, split, rows] of [
      [INITIAL_CSV, 'test', 1047],
      [VERIFIED_ONESHOT_CSV, 'one-shot', 55],
      [AUDIT_CRLF_CSV, 'test', 1047],
    ] as const) {
      const dir = testdir();
      const result = await importMedcalcBench({ dir, source, split });
      expect(result.rows).toBe(rows);
      const report = await validateLabels({ dir });
      expect(report.findings).toEqual([]);
      expect(report.valid).toBe(rows);
    }
  });

  it('the audit copy (Unique ID, CRLF) gives the same labels as v1.0 apart from provenance', async () => {
    const a = testdir();
    const b = testdir();
    await importMedcalcBench({ dir: a, source: V1_CSV, split: 'test' });
    await importMedcalcBench({ dir: b, source: AUDIT_CRLF_CSV, split: 'test' });
    const la = (await readAllLabels(a)).map((f) => f.label);
    const lb = (await readAllLabels(b)).map((f) => f.label);
    expect(lb).toEqual(la);
  });

  it('importing v1.0 over the 2024-06-14 upload keeps ids by (Calculator ID, Note ID)', async () => {
    const dir = testdir();
    await importMedcalcBench({ dir, source: INITIAL_CSV, split: 'test' });
    const before = new Map((await readAllLabels(dir)).map((f) => [f.label.id, f.label]));
    const result = await importMedcalcBench({ dir, source: V1_CSV, split: 'test' });
    expect(result).toMatchObject({ added: 0, notInFile: 0 });
    const after = (await readAllLabels(dir)).map((f) => f.label);
    expect(after).toHaveLength(1047);
    for (const label of after) {
      const old = before.get(label.id)!;
      expect([old.source.calculatorId, old.source.noteId]).toEqual([label.source.calculatorId, label.source.noteId]);
    }
    const renumbered = after.filter((l) => before.get(l.id)!.source.row !== l.source.row);
    expect(renumbered.length).toBe(934);
  });
});

import { describe, expect, it } from 'vitest';
import { findCalculator } from '../../src/calculators/registry.js';
import { entityFindings } from '../../src/calculators/run-calculator.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { readAllLabels } from '../../src/store/read.js';
import { HAS_SHARED, INITIAL_CSV, V1_CSV, VERIFIED_ONESHOT_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

/**
 * Every entities object of the three real MedCalc-Bench files fits its calculator's entitySchema (ajv 2020, strict).
 */
describe.skipIf(!HAS_SHARED)('entity schemas against the real files (../shared)', () => {
  for (const [name, source, rows] of [
    ['v1.0 test set', V1_CSV, 1047],
    ['2024-06-14 initial upload', INITIAL_CSV, 1047],
    ['Verified one-shot exemplars', VERIFIED_ONESHOT_CSV, 55],
  ] as const) {
    it(`${name}: all ${rows} entities objects validate`, async () => {
      const dir = testdir();
      await importMedcalcBench({ dir, source, split: 'test', commit: false });
      const labels = await readAllLabels(dir);
      expect(labels).toHaveLength(rows);
      const failures: string[] = [];
      for (const { label } of labels) {
        const calculator = findCalculator(label.calculator.id);
        if (!calculator) {
          failures.push(`row ${label.source.row}: no calculator ${label.calculator.id}`);
          continue;
        }
        for (const f of entityFindings(calculator, label.entities))
          failures.push(`row ${label.source.row} (calculator ${calculator.id}) ${f.pointer || '/'}: ${f.message}`);
      }
      expect(failures).toEqual([]);
    }, 60_000);
  }
});

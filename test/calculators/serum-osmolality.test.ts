import { describe, expect, it } from 'vitest';
import { serumOsmolality } from '../../src/calculators/defs/serum-osmolality.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
const BUN = 'Blood Urea Nitrogen (BUN)';
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: 2 × Na + BUN / 2.8 + glucose / 18.
describe('Serum osmolality (30)', () => {
  it('2 × 140 + 14 / 2.8 + 90 / 18 = 290', () => {
    expect(
      num(serumOsmolality.compute({ Sodium: [140, 'mEq/L'], [BUN]: [14, 'mg/dL'], Glucose: [90, 'mg/dL'] })),
    ).toBeCloseTo(290, 9);
  });
  it('converts mmol/L BUN (× 2.8014) and glucose (× 18.016)', () => {
    // 5 mmol/L urea N = 14.007 mg/dL; 5 mmol/L glucose = 90.08 mg/dL → 280 + 5.0025 + 5.00444 = 290.0069
    const r = serumOsmolality.compute({ Sodium: [140, 'mmol/L'], [BUN]: [5, 'mmol/L'], Glucose: [5, 'mmol/L'] });
    expect(num(r)).toBeCloseTo(290.0069, 4);
  });
  it('v1.0 rounded 5 mmol/L BUN through 0.005 mol × 28.02 = 0.14 g → 14.0 mg/dL', () => {
    // glucose: 0.005 mol × 180.16 = 0.901 g → 90.1 mg/dL; 280 + 14 / 2.8 + 90.1 / 18 = 290.00556 → 290.006
    const r = serumOsmolality.compute({ Sodium: [140, 'mmol/L'], [BUN]: [5, 'mmol/L'], Glucose: [5, 'mmol/L'] }, v1);
    expect(num(r)).toBe(290.006);
  });
  it('names missing inputs', () => {
    expect(serumOsmolality.compute({ Sodium: [140, 'mEq/L'], Glucose: [90, 'mg/dL'] })).toMatchObject({
      incomputable: true,
      missing: [BUN],
    });
  });
});

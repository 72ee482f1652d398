import { describe, expect, it } from 'vitest';
import { calciumCorrection } from '../../src/calculators/defs/calcium-correction.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: Payne 1973, corrected Ca = Ca + 0.8 × (4 − albumin), mg/dL and g/dL.
describe('Calcium correction for hypoalbuminemia (7)', () => {
  it('8.0 + 0.8 × (4 − 2.5) = 9.2', () => {
    expect(num(calciumCorrection.compute({ Calcium: [8.0, 'mg/dL'], Albumin: [2.5, 'g/dL'] }))).toBeCloseTo(9.2, 9);
  });
  it('albumin above normal lowers the value: 9.0 + 0.8 × (4 − 4.5) = 8.6', () => {
    expect(num(calciumCorrection.compute({ Calcium: [9.0, 'mg/dL'], Albumin: [4.5, 'g/dL'] }))).toBeCloseTo(8.6, 9);
  });
  it('converts mmol/L calcium (× 4.0078) and g/L albumin (÷ 10)', () => {
    // 2.0 mmol/L = 8.0156 mg/dL; 25 g/L = 2.5 g/dL → 8.0156 + 1.2 = 9.2156
    expect(num(calciumCorrection.compute({ Calcium: [2.0, 'mmol/L'], Albumin: [25, 'g/L'] }))).toBeCloseTo(9.2156, 4);
  });
  it('v1.0 rounded 2.34 mmol/L → 0.002 mol/L → 8.0 mg/dL before correcting', () => {
    // v1.0: 0.00234 mol → 0.002 mol × 40.08 = 0.08 g → 80 mg/L → 8.0 mg/dL; 8.0 + 0.8 × 1.5 = 9.2
    const e = { Calcium: [2.34, 'mmol/L'], Albumin: [25, 'g/L'] };
    expect(num(calciumCorrection.compute(e, v1))).toBe(9.2);
    expect(num(calciumCorrection.compute(e))).toBeCloseTo(2.34 * 4.0078 + 1.2, 4);
  });
  it('names missing inputs', () => {
    expect(calciumCorrection.compute({ Calcium: [8, 'mg/dL'] })).toMatchObject({
      incomputable: true,
      missing: ['Albumin'],
    });
  });
});

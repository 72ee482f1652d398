import { describe, expect, it } from 'vitest';
import { ckdEpiGfr } from '../../src/calculators/defs/ckd-epi-gfr.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: CKD-EPI 2021 (Inker, NEJM 2021): 142 × min(SCr/κ,1)^α × max(SCr/κ,1)^−1.200 × 0.9938^age × 1.012 [F];
// κ = 0.7 (F) / 0.9 (M), α = −0.241 (F) / −0.302 (M).
describe('CKD-EPI 2021 creatinine (3)', () => {
  it('female, creatinine at or below 0.7 uses α = −0.241', () => {
    // 142 × (0.6/0.7)^−0.241 × 0.9938^50 × 1.012 = 109.283
    const r = ckdEpiGfr.compute({ sex: 'Female', age: [50, 'years'], creatinine: [0.6, 'mg/dL'] });
    expect(num(r)).toBeCloseTo(109.283, 3);
  });
  it('female, creatinine above 0.7 uses −1.200', () => {
    const r = ckdEpiGfr.compute({ sex: 'Female', age: [50, 'years'], creatinine: [1.4, 'mg/dL'] });
    expect(num(r)).toBeCloseTo(142 * 2 ** -1.2 * 0.9938 ** 50 * 1.012, 9);
  });
  it('male above 0.9: 142 × (1.0/0.9)^−1.2 × 0.9938^60 = 86.163', () => {
    const r = ckdEpiGfr.compute({ sex: 'Male', age: [60, 'years'], creatinine: [1.0, 'mg/dL'] });
    expect(num(r)).toBeCloseTo(86.1626, 3);
  });
  it('creatinine exactly κ: both factors are 1', () => {
    const r = ckdEpiGfr.compute({ sex: 'Male', age: [60, 'years'], creatinine: [0.9, 'mg/dL'] });
    expect(num(r)).toBeCloseTo(142 * 0.9938 ** 60, 9);
  });
  it('male at or below 0.9: reference divides by 0.9; v1.0 divided by 0.7 (its defect)', () => {
    const e = { sex: 'Male', age: [60, 'years'], creatinine: [0.8, 'mg/dL'] };
    expect(num(ckdEpiGfr.compute(e))).toBeCloseTo(142 * (0.8 / 0.9) ** -0.302 * 0.9938 ** 60, 9);
    // v1.0: 142 × (0.8/0.7)^−0.302 × 0.9938^60 = 94.218
    expect(num(ckdEpiGfr.compute(e, v1))).toBeCloseTo(142 * (0.8 / 0.7) ** -0.302 * 0.9938 ** 60, 2);
  });
  it('converts µmol/L (61.88 µmol/L = 0.7 mg/dL); v1.0 rounded 62 µmol/L to 0.01 g/L → 1.0 mg/dL', () => {
    const r = ckdEpiGfr.compute({ sex: 'Female', age: [50, 'years'], creatinine: [61.8811, 'µmol/L'] });
    expect(num(r)).toBeCloseTo(142 * 0.9938 ** 50 * 1.012, 2);
    // 62e-6 mol × 113.12 = 0.0070134 g → 0.007 g → 7 mg/L → 0.7 mg/dL
    const old = ckdEpiGfr.compute({ sex: 'Female', age: [50, 'years'], creatinine: [62, 'µmol/L'] }, v1);
    expect(num(old)).toBeCloseTo(142 * 0.9938 ** 50 * 1.012, 2);
  });
  it('names missing inputs', () => {
    expect(ckdEpiGfr.compute({ age: [50, 'years'], creatinine: [1, 'mg/dL'] })).toMatchObject({
      incomputable: true,
      missing: ['sex'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { creatinineClearance } from '../../src/calculators/defs/creatinine-clearance.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: Cockcroft & Gault 1976, CrCl = (140 − age) × weight × (0.85 if female) / (72 × SCr), with the
// weight the question prescribes by BMI; IBW (Devine) = 50 | 45.5 kg + 2.3 kg × (height in − 60).
describe('Creatinine clearance, Cockcroft-Gault (2)', () => {
  it('underweight (BMI < 18.5): actual weight', () => {
    // BMI 50 / 1.7² = 17.3 → 50 kg; (140 − 60) × 50 / (72 × 1.0) = 4000 / 72 = 55.5556
    const r = creatinineClearance.compute({
      sex: 'Male',
      age: [60, 'years'],
      weight: [50, 'kg'],
      height: [170, 'cm'],
      creatinine: [1.0, 'mg/dL'],
    });
    expect(num(r)).toBeCloseTo(55.5556, 4);
  });

  it('normal BMI: the lesser of IBW and actual weight, female factor 0.85', () => {
    // BMI 60 / 1.65² = 22.0; IBW = 45.5 + 2.3 × (165/2.54 − 60) = 56.9094 < 60
    // (140 − 50) × 56.9094 × 0.85 / (72 × 0.8) = 75.5829
    const r = creatinineClearance.compute({
      sex: 'Female',
      age: [50, 'years'],
      weight: [60, 'kg'],
      height: [165, 'cm'],
      creatinine: [0.8, 'mg/dL'],
    });
    expect(num(r)).toBeCloseTo(75.5829, 3);
  });

  it('obese: adjusted weight IBW + 0.4 × (actual − IBW)', () => {
    // BMI 120 / 1.8² = 37.0; IBW = 50 + 2.3 × (70.866 − 60) = 74.9921; ABW = 74.9921 + 0.4 × 45.0079 = 92.9953
    // (140 − 40) × 92.9953 / (72 × 1.2) = 107.6334
    const r = creatinineClearance.compute({
      sex: 'Male',
      age: [40, 'years'],
      weight: [120, 'kg'],
      height: [180, 'cm'],
      creatinine: [1.2, 'mg/dL'],
    });
    expect(num(r)).toBeCloseTo(107.6334, 3);
  });

  it('BMI 18.5 is normal, just below is underweight (short woman, IBW 34.27 kg)', () => {
    // 140 cm: IBW = 45.5 + 2.3 × (55.118 − 60) = 34.2717. 36.26 kg → BMI 18.5 → min(34.2717, 36.26)
    const normal = creatinineClearance.compute({
      sex: 'Female',
      age: [40, 'years'],
      weight: [36.26, 'kg'],
      height: [140, 'cm'],
      creatinine: [1, 'mg/dL'],
    });
    expect(num(normal)).toBeCloseTo((100 * 34.27165 * 0.85) / 72, 3);
    // 36 kg → BMI 18.37 → actual weight
    const under = creatinineClearance.compute({
      sex: 'Female',
      age: [40, 'years'],
      weight: [36, 'kg'],
      height: [140, 'cm'],
      creatinine: [1, 'mg/dL'],
    });
    expect(num(under)).toBeCloseTo((100 * 36 * 0.85) / 72, 6);
  });

  it('BMI 25 is overweight; 24.95 is normal under reference but overweight in v1.0 (its band ends at 24.9)', () => {
    // 200 cm, IBW = 50 + 2.3 × (78.740 − 60) = 93.1024
    const at25 = creatinineClearance.compute({
      sex: 'Male',
      age: [40, 'years'],
      weight: [100, 'kg'],
      height: [200, 'cm'],
      creatinine: [1, 'mg/dL'],
    });
    expect(num(at25)).toBeCloseTo((100 * (93.10236 + 0.4 * (100 - 93.10236))) / 72, 3);
    const e = { sex: 'Male', age: [40, 'years'], weight: [99.8, 'kg'], height: [200, 'cm'], creatinine: [1, 'mg/dL'] };
    expect(num(creatinineClearance.compute(e))).toBeCloseTo((100 * 93.10236) / 72, 3);
    // v1.0: in = 78.740, IBW = 93.102, ABW = 93.102 + 0.4 × 6.698 = 95.781; 9578.1 / 72 = 133.029
    expect(num(creatinineClearance.compute(e, v1))).toBe(133.029);
  });

  it('converts µmol/L creatinine (88.4016 µmol/L = 1 mg/dL with 113.12 g/mol)', () => {
    const r = creatinineClearance.compute({
      sex: 'Male',
      age: [60, 'years'],
      weight: [50, 'kg'],
      height: [170, 'cm'],
      creatinine: [88.4016, 'µmol/L'],
    });
    expect(num(r)).toBeCloseTo(55.5556, 3);
  });

  it('v1.0 rounds each conversion step: 180 µmol/L → 0.02 g → 2.0 mg/dL (exact 2.036)', () => {
    // 180e-6 mol × 113.12 = 0.020362 g → 0.02 g → 20 mg/L → 2.0 mg/dL; 80 × 50 / (72 × 2) = 27.778
    const e = { sex: 'Male', age: [60, 'years'], weight: [50, 'kg'], height: [170, 'cm'], creatinine: [180, 'µmol/L'] };
    expect(num(creatinineClearance.compute(e, v1))).toBe(27.778);
    expect(num(creatinineClearance.compute(e))).toBeCloseTo(4000 / (72 * 2.03616), 3);
  });

  it('names missing inputs', () => {
    const r = creatinineClearance.compute({ sex: 'Male', age: [60, 'years'], weight: [50, 'kg'], height: [170, 'cm'] });
    expect(r).toMatchObject({ incomputable: true, missing: ['creatinine'] });
  });
});

import { describe, expect, it } from 'vitest';
import { childPugh } from '../../src/calculators/defs/child-pugh.js';

// Reference: Pugh et al. 1973 (MDCalc). Bilirubin < 2 / 2–3 / > 3 mg/dL; albumin > 3.5 / 2.8–3.5 / < 2.8
// g/dL; INR < 1.7 / 1.7–2.3 / > 2.3; ascites absent / slight / moderate; encephalopathy none / 1–2 / 3–4:
// 1 / 2 / 3 points each.
const labs = (bilirubin: number, albumin: number, inr: number) => ({
  Bilirubin: [bilirubin, 'mg/dL'],
  Albumin: [albumin, 'g/dL'],
  'international normalized ratio': inr,
});
const V1 = { convention: 'medcalc-v1.0' } as const;

describe('Child-Pugh (15)', () => {
  it('scores class A at the minimum of 5', () => {
    const r = childPugh.compute({ ...labs(1.5, 3.8, 1.2), Ascites: 'absent', Encephalopathy: 'No Encephalopathy' });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 5 });
  });

  it('scores the maximum of 15', () => {
    const r = childPugh.compute({ ...labs(4, 2.5, 2.5), Ascites: 'moderate', Encephalopathy: 'Grade 3-4' });
    expect(r).toMatchObject({ value: 15 });
  });

  it.each([
    // only the varied lab changes from the 5-point baseline (1.5, 3.8, 1.2)
    ['bilirubin 2.0', labs(2.0, 3.8, 1.2), 6],
    ['bilirubin 3.0', labs(3.0, 3.8, 1.2), 6],
    ['bilirubin 3.1', labs(3.1, 3.8, 1.2), 7],
    ['albumin 3.5', labs(1.5, 3.5, 1.2), 6],
    ['albumin 2.8', labs(1.5, 2.8, 1.2), 6],
    ['albumin 2.7', labs(1.5, 2.7, 1.2), 7],
    ['INR 1.7', labs(1.5, 3.8, 1.7), 6],
    ['INR 2.3', labs(1.5, 3.8, 2.3), 6],
    ['INR 2.4', labs(1.5, 3.8, 2.4), 7],
  ])('band edge: %s', (_name, entities, score) => {
    // ascites and encephalopathy unreported: 1 point each
    expect(childPugh.compute(entities)).toMatchObject({ value: score });
  });

  it('converts µmol/L bilirubin and g/L albumin', () => {
    // 51.3 µmol/L × 584.66 / 10⁴ = 2.999 mg/dL → 2; 30 g/L = 3.0 g/dL → 2; INR 1.2 → 1; + 1 + 1 = 7
    const r = childPugh.compute({
      Bilirubin: [51.3, 'µmol/L'],
      Albumin: [30, 'g/L'],
      'international normalized ratio': 1.2,
    });
    expect(r).toMatchObject({ value: 7 });
  });

  it('scores ascites and encephalopathy grades, Grade 0 as none', () => {
    expect(childPugh.compute({ ...labs(1.5, 3.8, 1.2), Ascites: 'slight', Encephalopathy: 'Grade 0' })).toMatchObject({
      value: 6,
    });
  });

  it('v1.0 defects: ascites never scored when reported, Grade 0 scored nothing', () => {
    // v1.0: 1 + 1 + 1 + 0 (ascites 'moderate' not matched) + 0 (Grade 0) = 3; reference 1+1+1+3+1 = 7
    const entities = { ...labs(1.5, 3.8, 1.2), Ascites: 'moderate', Encephalopathy: 'Grade 0' };
    expect(childPugh.compute(entities)).toMatchObject({ value: 7 });
    expect(childPugh.compute(entities, V1)).toMatchObject({ value: 3 });
    // unreported ascites got its point
    expect(childPugh.compute(labs(1.5, 3.8, 1.2), V1)).toMatchObject({ value: 5 });
  });

  it('v1.0 defects: bilirubin 2.0 fell between bands, 3.0 and albumin 2.8 scored 3', () => {
    expect(childPugh.compute(labs(2.0, 3.8, 1.2), V1)).toMatchObject({ value: 4 });
    expect(childPugh.compute(labs(3.0, 3.8, 1.2), V1)).toMatchObject({ value: 7 });
    expect(childPugh.compute(labs(1.5, 2.8, 1.2), V1)).toMatchObject({ value: 7 });
  });

  it('v1.0 defect: bilirubin converted with 548.66 g/mol and rounded steps', () => {
    // Reference: 34.5 × 584.66 / 10⁴ = 2.017 mg/dL → 2. v1.0: 3.45e-5 mol × 548.66 = 0.0189 → 0.019 g → 1.9 mg/dL → 1.
    const entities = { Bilirubin: [34.5, 'µmol/L'], Albumin: [3.8, 'g/dL'], 'international normalized ratio': 1.2 };
    expect(childPugh.compute(entities)).toMatchObject({ value: 6 });
    expect(childPugh.compute(entities, V1)).toMatchObject({ value: 5 });
  });

  it('names missing labs and unrecognized findings', () => {
    const r = childPugh.compute({ Bilirubin: [1, 'mg/dL'], Albumin: [4, 'g/dL'], Ascites: 'massive' });
    expect(r).toMatchObject({
      incomputable: true,
      missing: ['international normalized ratio', "Ascites (unrecognized value 'massive')"],
    });
  });
});

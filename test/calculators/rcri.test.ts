import { describe, expect, it } from 'vitest';
import { rcri } from '../../src/calculators/defs/rcri.js';

// Reference: Lee et al., Circulation 1999 (MDCalc). One point each: elevated-risk surgery, ischemic heart
// disease, heart failure, cerebrovascular disease, insulin, creatinine > 2 mg/dL (176.8 µmol/L).
const cr = (value: number, unit = 'mg/dL') => ({ 'Pre-operative creatinine': [value, unit] });
const V1 = { convention: 'medcalc-v1.0' } as const;

describe('Revised Cardiac Risk Index (17)', () => {
  it('sums the criteria', () => {
    // surgery + ischemic heart disease + insulin + creatinine 2.5 = 4
    const r = rcri.compute({
      ...cr(2.5),
      'Elevated-risk surgery': true,
      'History of ischemic heart disease': true,
      'Pre-operative treatment with insulin': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 4 });
  });

  it.each([
    [2.0, 'mg/dL', 0],
    [2.1, 'mg/dL', 1],
    // 176.8 µmol/L × 113.12 / 10⁴ = 1.99996 mg/dL: not above 2
    [176.8, 'µmol/L', 0],
    // 200 µmol/L = 2.2624 mg/dL
    [200, 'µmol/L', 1],
  ])('creatinine %d %s scores %i', (value, unit, points) => {
    expect(rcri.compute(cr(value, unit))).toMatchObject({ value: points });
  });

  it.each(['History of cerebrovascular disease', 'Cerebrovascular disease history'])(
    'scores cerebrovascular disease spelled %s',
    (key) => {
      expect(rcri.compute({ ...cr(1), [key]: true })).toMatchObject({ value: 1 });
    },
  );

  it('v1.0 defect: cerebrovascular disease never scored', () => {
    expect(rcri.compute({ ...cr(1), 'History of cerebrovascular disease': true }, V1)).toMatchObject({ value: 0 });
  });

  it('v1.0 rounded the µmol/L conversion at each step', () => {
    // Reference: 180 µmol/L = 2.036 mg/dL → +1. v1.0: 1.8e-4 mol × 113.12 = 0.0204 g → 0.02 g → 20 mg → 2.0 mg/dL → 0.
    expect(rcri.compute(cr(180, 'µmol/L'))).toMatchObject({ value: 1 });
    expect(rcri.compute(cr(180, 'µmol/L'), V1)).toMatchObject({ value: 0 });
  });

  it('needs the creatinine under the reference; v1.0 took a missing one as ≤ 2', () => {
    const entities = { 'Elevated-risk surgery': true };
    expect(rcri.compute(entities)).toMatchObject({ incomputable: true, missing: ['Pre-operative creatinine'] });
    expect(rcri.compute(entities, V1)).toMatchObject({ value: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { idealBodyWeight } from '../../src/calculators/defs/ideal-body-weight.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const value = (r: ReturnType<typeof idealBodyWeight.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Devine 1974, IBW = 50 kg (male) / 45.5 kg (female) + 2.3 kg × (height in − 60), 1 in = 2.54 cm.
describe('Ideal body weight (10)', () => {
  it('male: 180 cm = 70.866 in → 50 + 2.3 × 10.866 = 74.992 kg', () => {
    expect(value(idealBodyWeight.compute({ sex: 'Male', height: [180, 'cm'] }))).toBeCloseTo(74.992126, 5);
  });
  it('female at exactly 5 ft is the base weight 45.5 kg', () => {
    expect(value(idealBodyWeight.compute({ sex: 'Female', height: [152.4, 'cm'] }))).toBeCloseTo(45.5, 9);
  });
  it('reads metres, inches and feet-and-inches', () => {
    // 1.6 m = 62.992 in → 45.5 + 2.3 × 2.992 = 52.3819
    expect(value(idealBodyWeight.compute({ sex: 'Female', height: [1.6, 'm'] }))).toBeCloseTo(52.38189, 4);
    // 70 in → 50 + 2.3 × 10 = 73
    expect(value(idealBodyWeight.compute({ sex: 'Male', height: [70, 'in'] }))).toBeCloseTo(73, 9);
    expect(value(idealBodyWeight.compute({ sex: 'Male', height: [5, 'ft', 10, 'in'] }))).toBeCloseTo(73, 9);
  });
  it('applies the formula below 60 in as written', () => {
    // 140 cm = 55.118 in → 50 − 2.3 × 4.882 = 38.7717
    expect(value(idealBodyWeight.compute({ sex: 'Male', height: [140, 'cm'] }))).toBeCloseTo(38.771654, 5);
  });
  it('under medcalc-v1.0 converts with 0.393701 in/cm and rounds', () => {
    // 180 × 0.393701 = 70.86618 → 70.866; 50 + 2.3 × 10.866 = 74.9918 → 74.992
    expect(idealBodyWeight.compute({ sex: 'Male', height: [180, 'cm'] }, V1)).toMatchObject({ value: 74.992 });
  });
  it('names missing inputs', () => {
    expect(idealBodyWeight.compute({ height: [180, 'cm'] })).toMatchObject({ incomputable: true, missing: ['sex'] });
    expect(idealBodyWeight.compute({ sex: 'Male' })).toMatchObject({ incomputable: true, missing: ['height'] });
  });
});

import { describe, expect, it } from 'vitest';
import { adjustedBodyWeight } from '../../src/calculators/defs/adjusted-body-weight.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const value = (r: ReturnType<typeof adjustedBodyWeight.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: MDCalc ABW = IBW + 0.4 × (weight − IBW), IBW by Devine (50/45.5 kg + 2.3 kg per inch over 60).
describe('Adjusted body weight (62)', () => {
  it('male 180 cm, 100 kg: IBW 74.992 → 74.992 + 0.4 × 25.008 = 84.9953', () => {
    expect(value(adjustedBodyWeight.compute({ sex: 'Male', weight: [100, 'kg'], height: [180, 'cm'] }))).toBeCloseTo(
      84.995276,
      5,
    );
  });
  it('equals IBW when the weight is the IBW', () => {
    expect(value(adjustedBodyWeight.compute({ sex: 'Female', weight: [45.5, 'kg'], height: [60, 'in'] }))).toBeCloseTo(
      45.5,
      9,
    );
  });
  it('applies the formula also below IBW', () => {
    // female 60 in: IBW 45.5; weight 40.5 → 45.5 + 0.4 × (−5) = 43.5
    expect(value(adjustedBodyWeight.compute({ sex: 'Female', weight: [40.5, 'kg'], height: [60, 'in'] }))).toBeCloseTo(
      43.5,
      9,
    );
  });
  it('converts lbs', () => {
    // 220 lb = 99.7903 kg; 74.992126 + 0.4 × (99.790321 − 74.992126) = 84.911404
    expect(value(adjustedBodyWeight.compute({ sex: 'Male', weight: [220, 'lbs'], height: [180, 'cm'] }))).toBeCloseTo(
      84.911404,
      5,
    );
  });
  it('under medcalc-v1.0 uses the rounded IBW and rounds', () => {
    // IBW 74.992 (rounded); 74.992 + 0.4 × 25.008 = 84.9952 → 84.995
    expect(adjustedBodyWeight.compute({ sex: 'Male', weight: [100, 'kg'], height: [180, 'cm'] }, V1)).toMatchObject({
      value: 84.995,
    });
  });
  it('names missing inputs', () => {
    expect(adjustedBodyWeight.compute({ weight: [100, 'kg'], height: [180, 'cm'] })).toMatchObject({
      incomputable: true,
      missing: ['sex'],
    });
    expect(adjustedBodyWeight.compute({ sex: 'Male', height: [180, 'cm'] })).toMatchObject({
      incomputable: true,
      missing: ['weight'],
    });
  });
});

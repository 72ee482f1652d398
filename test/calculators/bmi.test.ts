import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bmi } from '../../src/calculators/defs/bmi.js';

const V1 = { convention: 'medcalc-v1.0' } as const;

// Reference: BMI = kg / m² (WHO TRS 894). Hand computed: 70 / 1.75² = 22.857142…
describe('BMI (6)', () => {
  it('computes kg / m²', () => {
    const r = bmi.compute({ weight: [70, 'kg'], height: [175, 'cm'] });
    expect(r.incomputable).toBe(false);
    if (!r.incomputable) expect(r.value).toBeCloseTo(22.857142857, 8);
  });
  it('converts lbs and inches', () => {
    // 154.324 lb = 70.0000 kg; 68.8976 in = 175.0 cm
    const r = bmi.compute({ weight: [154.3236, 'lbs'], height: [68.8976, 'in'] });
    if (r.incomputable) throw new Error('expected a value');
    expect(r.value).toBeCloseTo(22.857, 2);
  });
  it('converts grams, metres and feet-and-inches', () => {
    // 3500 g = 3.5 kg; 3.5 / 0.5² = 14
    expect(bmi.compute({ weight: [3500, 'g'], height: [0.5, 'm'] })).toMatchObject({ value: 14 });
    // 5 ft 9 in = 69 in = 1.7526 m; 70 / 1.7526² = 22.789376
    const r = bmi.compute({ weight: [70, 'kg'], height: [5, 'ft', 9, 'in'] });
    if (r.incomputable) throw new Error('expected a value');
    expect(r.value).toBeCloseTo(22.789376, 5);
  });
  it('under medcalc-v1.0 rounds the height in m and the result', () => {
    // v1.0: 69 in × 0.0254 = 1.7526 → 1.753 m; 70 / 1.753² = 22.778977 → 22.779 (reference 22.789)
    expect(bmi.compute({ weight: [70, 'kg'], height: [69, 'in'] }, { convention: 'medcalc-v1.0' })).toMatchObject({
      value: 22.779,
    });
    expect(bmi.compute({ weight: [70, 'kg'], height: [175, 'cm'] }, V1)).toMatchObject({ value: 22.857 });
  });
  it('names missing and unusable inputs', () => {
    expect(bmi.compute({ weight: [70, 'kg'] })).toMatchObject({ incomputable: true, missing: ['height'] });
    expect(bmi.compute({ weight: [70, 'kg'], height: [0, 'cm'] })).toMatchObject({
      incomputable: true,
      missing: ['height (not a positive length)'],
    });
    expect(bmi.compute({ weight: [70, 'stone'], height: [175, 'cm'] })).toMatchObject({ incomputable: true });
  });
});

describe('bmi entity schema', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(bmi.entitySchema);
  it("accepts the data's shapes and rejects others", () => {
    expect(validate({ weight: [70, 'kg'], height: [1.75, 'm'] })).toBe(true);
    expect(validate({ weight: [154, 'lbs'], height: [5, 'ft', 9, 'in'] })).toBe(true);
    expect(validate({ weight: [70, 'kg'], height: '175 cm' })).toBe(false);
  });
});

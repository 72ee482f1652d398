import { describe, expect, it } from 'vitest';
import { bmi } from '../../src/calculators/defs/bmi.js';

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
  it('names missing inputs', () => {
    const r = bmi.compute({ weight: [70, 'kg'] });
    expect(r).toMatchObject({ incomputable: true, missing: ['height'] });
  });
});

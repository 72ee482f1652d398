import { describe, expect, it } from 'vitest';
import { targetWeight } from '../../src/calculators/defs/target-weight.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const BMI = 'Body Mass Index (BMI)';
const value = (r: ReturnType<typeof targetWeight.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: BMI = kg / m² solved for kg: target weight = target BMI × height².
describe('Target weight (61)', () => {
  it('BMI 25 at 180 cm: 25 × 1.8² = 81 kg', () => {
    expect(value(targetWeight.compute({ [BMI]: [25, 'kg/m^2'], height: [180, 'cm'] }))).toBeCloseTo(81, 9);
  });
  it('converts inches exactly: 71 in = 1.8034 m → 25 × 3.25225 = 81.3063', () => {
    expect(value(targetWeight.compute({ [BMI]: [25, 'kg/m^2'], height: [71, 'in'] }))).toBeCloseTo(81.306289, 5);
  });
  it('under medcalc-v1.0 rounds the height to 1.803 m', () => {
    // 25 × 1.803² = 81.270225 → 81.27
    expect(targetWeight.compute({ [BMI]: [25, 'kg/m^2'], height: [71, 'in'] }, V1)).toMatchObject({ value: 81.27 });
  });
  it('rejects a BMI that is not in kg/m² and names missing inputs', () => {
    expect(targetWeight.compute({ [BMI]: [25, 'kg'], height: [180, 'cm'] })).toMatchObject({
      incomputable: true,
      missing: [`${BMI} (unit 'kg' is not kg/m²)`],
    });
    expect(targetWeight.compute({ height: [180, 'cm'] })).toMatchObject({ incomputable: true, missing: [BMI] });
  });
});

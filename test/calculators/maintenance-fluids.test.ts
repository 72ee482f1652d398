import { describe, expect, it } from 'vitest';
import { maintenanceFluids } from '../../src/calculators/defs/maintenance-fluids.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const rate = (weight: [number, string], options?: typeof V1) => {
  const r = maintenanceFluids.compute({ weight }, options);
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Holliday & Segar 1957, 4 mL/kg/h for 0–10 kg, + 2 mL/kg/h for 10–20 kg, + 1 mL/kg/h above.
describe('Maintenance fluids (22)', () => {
  it('below 10 kg: 8 kg × 4 = 32 mL/h', () => expect(rate([8, 'kg'])).toBeCloseTo(32, 9));
  it('meets at the 10 kg boundary: 40 mL/h from either band', () => {
    expect(rate([10, 'kg'])).toBeCloseTo(40, 9);
    expect(rate([9.999, 'kg'])).toBeCloseTo(39.996, 9);
    expect(rate([10.001, 'kg'])).toBeCloseTo(40.002, 9);
  });
  it('10–20 kg: 15 kg → 40 + 2 × 5 = 50 mL/h', () => expect(rate([15, 'kg'])).toBeCloseTo(50, 9));
  it('meets at the 20 kg boundary: 60 mL/h', () => {
    expect(rate([20, 'kg'])).toBeCloseTo(60, 9);
    expect(rate([20.5, 'kg'])).toBeCloseTo(60.5, 9);
  });
  it('above 20 kg: 70 kg → 60 + 50 = 110 mL/h', () => expect(rate([70, 'kg'])).toBeCloseTo(110, 9));
  it('converts lbs and g', () => {
    // 44 lb = 19.958064 kg → 40 + 2 × 9.958064 = 59.916129
    expect(rate([44, 'lbs'])).toBeCloseTo(59.916129, 5);
    expect(rate([5000, 'g'])).toBeCloseTo(20, 9);
  });
  it('under medcalc-v1.0 converts lbs with 0.453592 and rounds', () => {
    // 44 × 0.453592 = 19.958048 → 19.958; 40 + 2 × 9.958 = 59.916
    expect(rate([44, 'lbs'], V1)).toBe(59.916);
  });
  it('names a missing weight', () => {
    expect(maintenanceFluids.compute({})).toMatchObject({ incomputable: true, missing: ['weight'] });
  });
});

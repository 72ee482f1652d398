import { describe, expect, it } from 'vitest';
import { bodySurfaceArea } from '../../src/calculators/defs/body-surface-area.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const value = (r: ReturnType<typeof bodySurfaceArea.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Mosteller 1987, BSA = √(cm × kg / 3600).
describe('Body surface area (60)', () => {
  it('180 cm, 81 kg: √(14580 / 3600) = √4.05 = 2.01246 m²', () => {
    expect(value(bodySurfaceArea.compute({ weight: [81, 'kg'], height: [180, 'cm'] }))).toBeCloseTo(2.0124612, 6);
  });
  it('is 1 m² when cm × kg = 3600', () => {
    expect(value(bodySurfaceArea.compute({ weight: [36, 'kg'], height: [100, 'cm'] }))).toBeCloseTo(1, 12);
  });
  it('converts m, in and lbs', () => {
    expect(value(bodySurfaceArea.compute({ weight: [81, 'kg'], height: [1.8, 'm'] }))).toBeCloseTo(2.0124612, 6);
    // 70 in = 177.8 cm; 176.37 lb = 80.0001 kg; √(177.8 × 80 / 3600) = 1.98774
    expect(value(bodySurfaceArea.compute({ weight: [176.37, 'lbs'], height: [70, 'in'] }))).toBeCloseTo(1.98774, 4);
  });
  it('rounds to 3 decimals under medcalc-v1.0', () => {
    expect(bodySurfaceArea.compute({ weight: [81, 'kg'], height: [180, 'cm'] }, V1)).toMatchObject({ value: 2.012 });
  });
  it('names missing inputs', () => {
    expect(bodySurfaceArea.compute({ height: [180, 'cm'] })).toMatchObject({ incomputable: true, missing: ['weight'] });
  });
});

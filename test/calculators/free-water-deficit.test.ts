import { describe, expect, it } from 'vitest';
import { freeWaterDeficit } from '../../src/calculators/defs/free-water-deficit.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}
const fwd = (sex: string, age: [number, string], sodium = 154, weight: [number, string] = [70, 'kg']) =>
  num(freeWaterDeficit.compute({ sex, age, weight, Sodium: [sodium, 'mmol/L'] }));

// Reference: FWD = TBW fraction × weight × (Na / 140 − 1); TBW 0.6 child, 0.6/0.5 adult M/F, 0.5/0.45 ≥ 65 M/F.
// With 70 kg and Na 154, weight × (154/140 − 1) = 70 × 0.1 = 7 L of body water, times the fraction.
describe('Free water deficit (38)', () => {
  it('uses the TBW fraction by age band and sex', () => {
    expect(fwd('Male', [40, 'years'])).toBeCloseTo(4.2, 9);
    expect(fwd('Female', [40, 'years'])).toBeCloseTo(3.5, 9);
    expect(fwd('Male', [70, 'years'])).toBeCloseTo(3.5, 9);
    expect(fwd('Female', [70, 'years'])).toBeCloseTo(3.15, 9);
    expect(fwd('Female', [10, 'years'])).toBeCloseTo(4.2, 9);
  });
  it('band edges: 17 is a child, 18 an adult, 64 an adult, 65 elderly', () => {
    expect(fwd('Female', [17, 'years'])).toBeCloseTo(4.2, 9);
    expect(fwd('Female', [18, 'years'])).toBeCloseTo(3.5, 9);
    expect(fwd('Male', [64, 'years'])).toBeCloseTo(4.2, 9);
    expect(fwd('Male', [65, 'years'])).toBeCloseTo(3.5, 9);
  });
  it('ages in months count as fractional years; lbs convert', () => {
    expect(fwd('Male', [30, 'months'])).toBeCloseTo(4.2, 9);
    expect(fwd('Male', [40, 'years'], 154, [154.32358, 'lbs'])).toBeCloseTo(4.2, 4);
  });
  it('a low sodium gives a negative deficit; v1.0 rounded negatives to 3 significant figures', () => {
    // 0.6 × 100 × (120/140 − 1) = −8.5714
    const e = { sex: 'Male', age: [40, 'years'], weight: [100, 'kg'], Sodium: [120, 'mEq/L'] };
    expect(num(freeWaterDeficit.compute(e))).toBeCloseTo(-8.5714, 4);
    expect(num(freeWaterDeficit.compute(e, v1))).toBe(-8.57);
  });
  it('names missing inputs', () => {
    expect(freeWaterDeficit.compute({ sex: 'Male', age: [40, 'years'], Sodium: [150, 'mEq/L'] })).toMatchObject({
      incomputable: true,
      missing: ['weight'],
    });
  });
});

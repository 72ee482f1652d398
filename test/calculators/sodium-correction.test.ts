import { describe, expect, it } from 'vitest';
import { sodiumCorrection } from '../../src/calculators/defs/sodium-correction.js';
import type { CalcResult } from '../../src/calculators/types.js';

function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: Hillier 1999, corrected Na = Na + 0.024 × (glucose mg/dL − 100).
describe('Sodium correction for hyperglycemia (26)', () => {
  it('130 + 0.024 × (600 − 100) = 142, and the trace names Hillier over Katz', () => {
    const r = sodiumCorrection.compute({ Sodium: [130, 'mEq/L'], Glucose: [600, 'mg/dL'] });
    expect(num(r)).toBeCloseTo(142, 9);
    expect(r.steps.some((s) => s.what.includes('Hillier') && s.what.includes('Katz'))).toBe(true);
  });
  it('glucose 100 leaves sodium unchanged; below 100 the formula lowers it linearly', () => {
    expect(num(sodiumCorrection.compute({ Sodium: [140, 'mmol/L'], Glucose: [100, 'mg/dL'] }))).toBeCloseTo(140, 9);
    expect(num(sodiumCorrection.compute({ Sodium: [140, 'mEq/L'], Glucose: [80, 'mg/dL'] }))).toBeCloseTo(139.52, 9);
  });
  it('converts mmol/L glucose (× 18.016)', () => {
    // 30 mmol/L = 540.48 mg/dL → 130 + 0.024 × 440.48 = 140.5715
    expect(num(sodiumCorrection.compute({ Sodium: [130, 'mmol/L'], Glucose: [30, 'mmol/L'] }))).toBeCloseTo(
      140.5715,
      4,
    );
  });
  it('names missing inputs', () => {
    expect(sodiumCorrection.compute({ Sodium: [130, 'mEq/L'] })).toMatchObject({
      incomputable: true,
      missing: ['Glucose'],
    });
  });
});

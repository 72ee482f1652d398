import { describe, expect, it } from 'vitest';
import { deltaRatio } from '../../src/calculators/defs/delta-ratio.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: delta ratio = (AG − 12) / (24 − HCO3).
describe('Delta ratio (64)', () => {
  it('AG 30 → (30 − 12) / (24 − 10) = 18 / 14 = 1.2857', () => {
    const e = { Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [10, 'mEq/L'] };
    expect(num(deltaRatio.compute(e))).toBeCloseTo(1.285714, 6);
    expect(num(deltaRatio.compute(e, v1))).toBe(1.286);
  });
  it('negative when the gap is below normal: (10 − 12) / (24 − 20) = −0.5', () => {
    expect(
      num(deltaRatio.compute({ Sodium: [140, 'mmol/L'], Chloride: [110, 'mmol/L'], Bicarbonate: [20, 'mmol/L'] })),
    ).toBe(-0.5);
  });
  it('bicarbonate of exactly 24 makes the ratio undefined', () => {
    const r = deltaRatio.compute({ Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [24, 'mEq/L'] });
    expect(r.incomputable).toBe(true);
    expect(r.incomputable && r.missing[0]).toMatch(/^Bicarbonate/);
  });
  it('names missing inputs', () => {
    expect(deltaRatio.compute({ Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'] })).toMatchObject({
      incomputable: true,
      missing: ['Bicarbonate'],
    });
  });
});

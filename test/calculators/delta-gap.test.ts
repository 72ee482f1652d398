import { describe, expect, it } from 'vitest';
import { deltaGap } from '../../src/calculators/defs/delta-gap.js';
import type { CalcResult } from '../../src/calculators/types.js';

function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: delta gap = anion gap − 12.
describe('Delta gap (63)', () => {
  it('AG 140 − (100 + 20) = 20 → 20 − 12 = 8', () => {
    expect(
      num(deltaGap.compute({ Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [20, 'mEq/L'] })),
    ).toBe(8);
  });
  it('a normal gap in mixed mmol/L and mEq/L is exactly 0', () => {
    expect(
      num(deltaGap.compute({ Sodium: [136, 'mmol/L'], Chloride: [100, 'mmol/L'], Bicarbonate: [24, 'mEq/L'] })),
    ).toBe(0);
  });
  it('a low gap is negative: 135 − (108 + 22) − 12 = −7', () => {
    expect(
      num(deltaGap.compute({ Sodium: [135, 'mEq/L'], Chloride: [108, 'mEq/L'], Bicarbonate: [22, 'mEq/L'] })),
    ).toBe(-7);
  });
  it('names missing inputs', () => {
    expect(deltaGap.compute({ Chloride: [100, 'mEq/L'], Bicarbonate: [20, 'mEq/L'] })).toMatchObject({
      incomputable: true,
      missing: ['Sodium'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { albuminCorrectedDeltaGap } from '../../src/calculators/defs/albumin-corrected-delta-gap.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: corrected AG − 12, corrected AG = AG + 2.5 × (4 − albumin g/dL).
describe('Albumin-corrected delta gap (66)', () => {
  it('AG 16, albumin 2 → 21 − 12 = 9', () => {
    const e = { Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [24, 'mEq/L'], Albumin: [2, 'g/dL'] };
    expect(num(albuminCorrectedDeltaGap.compute(e))).toBe(9);
  });
  it('negative with high albumin: AG 8 + 2.5 × (4 − 5) − 12 = −6.5; v1.0 agrees (3 significant figures)', () => {
    const e = { Sodium: [138, 'mmol/L'], Chloride: [106, 'mmol/L'], Bicarbonate: [24, 'mmol/L'], Albumin: [50, 'g/L'] };
    expect(num(albuminCorrectedDeltaGap.compute(e))).toBeCloseTo(-6.5, 9);
    expect(num(albuminCorrectedDeltaGap.compute(e, v1))).toBe(-6.5);
  });
  it('names missing inputs', () => {
    expect(albuminCorrectedDeltaGap.compute({ Albumin: [2, 'g/dL'] })).toMatchObject({
      incomputable: true,
      missing: ['Sodium', 'Chloride', 'Bicarbonate'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { albuminCorrectedDeltaRatio } from '../../src/calculators/defs/albumin-corrected-delta-ratio.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: (corrected AG − 12) / (24 − HCO3), corrected AG = AG + 2.5 × (4 − albumin g/dL).
describe('Albumin-corrected delta ratio (67)', () => {
  it('AG 140 − 114 = 26, albumin 2 → 31; (31 − 12) / (24 − 14) = 1.9', () => {
    const e = { Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [14, 'mEq/L'], Albumin: [2, 'g/dL'] };
    expect(num(albuminCorrectedDeltaRatio.compute(e))).toBeCloseTo(1.9, 9);
  });
  it('v1.0 rounded a negative ratio to 3 significant figures, not 3 decimals: −2.8333 → −2.83', () => {
    // AG 140 − (116.5 + 21) = 2.5; + 2.5 × (4 − 3.6) = 3.5; (3.5 − 12) / (24 − 21) = −8.5 / 3 = −2.8333
    const e = {
      Sodium: [140, 'mEq/L'],
      Chloride: [116.5, 'mEq/L'],
      Bicarbonate: [21, 'mEq/L'],
      Albumin: [3.6, 'g/dL'],
    };
    expect(num(albuminCorrectedDeltaRatio.compute(e))).toBeCloseTo(-2.833333, 6);
    expect(num(albuminCorrectedDeltaRatio.compute(e, v1))).toBe(-2.83);
  });
  it('bicarbonate 24 makes the ratio undefined', () => {
    const r = albuminCorrectedDeltaRatio.compute({
      Sodium: [140, 'mEq/L'],
      Chloride: [100, 'mEq/L'],
      Bicarbonate: [24, 'mEq/L'],
      Albumin: [2, 'g/dL'],
    });
    expect(r.incomputable && r.missing[0]).toMatch(/^Bicarbonate/);
  });
  it('names missing inputs', () => {
    expect(
      albuminCorrectedDeltaRatio.compute({
        Sodium: [140, 'mEq/L'],
        Chloride: [100, 'mEq/L'],
        Bicarbonate: [14, 'mEq/L'],
      }),
    ).toMatchObject({ incomputable: true, missing: ['Albumin'] });
  });
});

import { describe, expect, it } from 'vitest';
import { albuminCorrectedAnionGap } from '../../src/calculators/defs/albumin-corrected-anion-gap.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}
const lytes = { Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [24, 'mEq/L'] };

// Reference: Figge 1998, corrected AG = AG + 2.5 × (4 − albumin g/dL). Here AG = 140 − 124 = 16.
describe('Albumin-corrected anion gap (65)', () => {
  it('16 + 2.5 × (4 − 2) = 21', () => {
    expect(num(albuminCorrectedAnionGap.compute({ ...lytes, Albumin: [2, 'g/dL'] }))).toBe(21);
  });
  it('converts g/L and mg/dL albumin', () => {
    expect(num(albuminCorrectedAnionGap.compute({ ...lytes, Albumin: [20, 'g/L'] }))).toBeCloseTo(21, 9);
    expect(num(albuminCorrectedAnionGap.compute({ ...lytes, Albumin: [2000, 'mg/dL'] }))).toBeCloseTo(21, 9);
  });
  it('albumin "3 mg/dL" is used as written, with a warning; v1.0 rounded it to 0.003 g/dL and the result half-even', () => {
    // 16 + 2.5 × (4 − 0.003) = 25.9925, whose double lies just below the tie → Python round gives 25.992
    const e = { ...lytes, Albumin: [3, 'mg/dL'] };
    const r = albuminCorrectedAnionGap.compute(e);
    expect(num(r)).toBeCloseTo(25.9925, 9);
    expect(r.steps.some((s) => s.what.startsWith('warning: albumin'))).toBe(true);
    expect(num(albuminCorrectedAnionGap.compute(e, v1))).toBe(25.992);
  });
  it('names missing inputs', () => {
    expect(albuminCorrectedAnionGap.compute(lytes)).toMatchObject({ incomputable: true, missing: ['Albumin'] });
  });
});

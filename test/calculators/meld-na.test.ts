import { describe, expect, it } from 'vitest';
import { meldNa } from '../../src/calculators/defs/meld-na.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
const INR = 'international normalized ratio';
const DIALYSIS = 'Dialysis at least twice in the past week';
const CVVHD = 'Continuous veno-venous hemodialysis for ≥24 hours in the past week';
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}
const labs = (cr: number, bili: number, inr: number, na: number, extra: Record<string, boolean> = {}) => ({
  creatinine: [cr, 'mg/dL'],
  Bilirubin: [bili, 'mg/dL'],
  [INR]: inr,
  Sodium: [na, 'mEq/L'],
  ...extra,
});

// Reference: OPTN MELD-Na. MELD(i) = 0.957 ln Cr + 0.378 ln bili + 1.120 ln INR + 0.643, rounded to the tenth
// and × 10; above 11, + 1.32 (137 − Na) − 0.033 × MELD × (137 − Na); cap 40. Lab floors 1.0, Cr ≤ 4, Na 125–137.
describe('MELD Na, UNOS/OPTN (23)', () => {
  it('applies the sodium term above 11', () => {
    // MELD(i) = 0.6633 + 0.4153 + 0.4541 + 0.643 = 2.1757 → 2.2 → 22; 22 + 1.32 × 7 − 0.033 × 22 × 7 = 26.158
    expect(num(meldNa.compute(labs(2, 3, 1.5, 130)))).toBeCloseTo(26.158, 9);
  });
  it('v1.0 defect: MELD(i) rounded to an integer before × 10 (2.1757 → 2 → 20), result rounded', () => {
    // 20 + 9.24 − 0.033 × 20 × 7 = 24.62 → 25
    expect(num(meldNa.compute(labs(2, 3, 1.5, 130), v1))).toBe(25);
  });
  it('floors labs at 1.0: all-normal labs give MELD(i) 0.643 → 6 (v1.0: 1 → 10)', () => {
    expect(num(meldNa.compute(labs(0.5, 0.3, 0.9, 140)))).toBe(6);
    expect(num(meldNa.compute(labs(0.5, 0.3, 0.9, 140), v1))).toBe(10);
  });
  it('bounds sodium to 125–137: 120 scores as 125', () => {
    expect(num(meldNa.compute(labs(2, 3, 1.5, 120)))).toBeCloseTo(num(meldNa.compute(labs(2, 3, 1.5, 125))), 9);
    expect(num(meldNa.compute(labs(2, 3, 1.5, 145)))).toBe(22);
  });
  it('dialysis sets creatinine to 4.0 whatever its value; v1.0 kept 1.0 for a creatinine below 1', () => {
    // Cr 4: 0.957 ln 4 = 1.3267; + 0.643 = 1.9697 → 2.0 → 20; Na 137 → 20
    expect(num(meldNa.compute(labs(0.8, 1, 1, 137, { [DIALYSIS]: true })))).toBe(20);
    expect(num(meldNa.compute(labs(0.8, 1, 1, 137, { [CVVHD]: true })))).toBe(20);
    expect(num(meldNa.compute(labs(0.8, 1, 1, 137, { [DIALYSIS]: true }), v1))).toBe(10);
  });
  it('caps creatinine at 4 and the score at 40', () => {
    // Cr 6 → 4: 1.3267 + 0.378 ln 30 + 1.12 ln 4 + 0.643 = 4.808 → 48; 48 + 15.84 − 19.008 = 44.832 → 40
    expect(num(meldNa.compute(labs(6, 30, 4, 125)))).toBe(40);
    expect(num(meldNa.compute(labs(6, 30, 4, 125), v1))).toBe(40);
  });
  it('names missing inputs (absent dialysis flags are false, not missing)', () => {
    const { [INR]: _inr, ...rest } = labs(2, 3, 1.5, 130);
    expect(meldNa.compute(rest)).toMatchObject({ incomputable: true, missing: [INR] });
  });
});

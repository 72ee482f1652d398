import { describe, expect, it } from 'vitest';
import { mdrdGfr } from '../../src/calculators/defs/mdrd-gfr.js';
import type { CalcResult } from '../../src/calculators/types.js';

function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: IDMS-traceable MDRD (Levey 2006): 175 × SCr^−1.154 × age^−0.203 × 0.742 [F] × 1.212 [Black].
describe('MDRD GFR (9)', () => {
  it('female, race not reported: 175 × 1.2^−1.154 × 50^−0.203 × 0.742 = 47.553', () => {
    const r = mdrdGfr.compute({ sex: 'Female', age: [50, 'years'], creatinine: [1.2, 'mg/dL'] });
    expect(num(r)).toBeCloseTo(47.5528, 3);
  });
  it('applies the 1.212 race coefficient for Black patients and names the choice', () => {
    const r = mdrdGfr.compute({ sex: 'Male', age: [50, 'years'], creatinine: [1.2, 'mg/dL'], Race: 'Black' });
    expect(num(r)).toBeCloseTo((47.5528 / 0.742) * 1.212, 2);
    expect(r.steps.some((s) => s.what.includes('race coefficient'))).toBe(true);
  });
  it('other races get 1', () => {
    const r = mdrdGfr.compute({ sex: 'Male', age: [50, 'years'], creatinine: [1.2, 'mg/dL'], Race: 'White' });
    expect(num(r)).toBeCloseTo(47.5528 / 0.742, 2);
  });
  it('converts µmol/L creatinine', () => {
    const r = mdrdGfr.compute({ sex: 'Female', age: [50, 'years'], creatinine: [1.2 * 88.40169, 'µmol/L'] });
    expect(num(r)).toBeCloseTo(47.5528, 3);
  });
  it('names missing inputs', () => {
    expect(mdrdGfr.compute({ sex: 'Female', creatinine: [1.2, 'mg/dL'] })).toMatchObject({
      incomputable: true,
      missing: ['age'],
    });
  });
});

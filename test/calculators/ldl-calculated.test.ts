import { describe, expect, it } from 'vitest';
import { ldlCalculated } from '../../src/calculators/defs/ldl-calculated.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
const HDL = 'high-density lipoprotein cholesterol';
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: Friedewald 1972, LDL = TC − HDL − TG / 5 (mg/dL).
describe('LDL calculated (44)', () => {
  it('200 − 50 − 150 / 5 = 120', () => {
    expect(
      num(
        ldlCalculated.compute({
          'Total cholesterol': [200, 'mg/dL'],
          [HDL]: [50, 'mg/dL'],
          Triglycerides: [150, 'mg/dL'],
        }),
      ),
    ).toBe(120);
  });
  it('converts mmol/L (cholesterol × 38.665, triglycerides × 88.57)', () => {
    // 193.325 − 38.665 − 132.855 / 5 = 128.089
    const e = { 'Total cholesterol': [5, 'mmol/L'], [HDL]: [1, 'mmol/L'], Triglycerides: [1.5, 'mmol/L'] };
    expect(num(ldlCalculated.compute(e))).toBeCloseTo(128.089, 3);
  });
  it('v1.0 rounded moles to 3 decimals and used 861.338 g/mol for triglycerides', () => {
    // TC: 0.005 mol × 386.654 = 1.933 g → 193.3; HDL: 0.001 × 386.654 = 0.387 g → 38.7;
    // TG: 0.0015 → 0.002 mol × 861.338 = 1.723 g → 172.3; 193.3 − 38.7 − 34.46 = 120.14
    const e = { 'Total cholesterol': [5, 'mmol/L'], [HDL]: [1, 'mmol/L'], Triglycerides: [1.5, 'mmol/L'] };
    expect(num(ldlCalculated.compute(e, v1))).toBe(120.14);
  });
  it('warns at triglycerides ≥ 400 mg/dL but still computes', () => {
    const r = ldlCalculated.compute({
      'Total cholesterol': [250, 'mg/dL'],
      [HDL]: [40, 'mg/dL'],
      Triglycerides: [400, 'mg/dL'],
    });
    expect(num(r)).toBe(130);
    expect(r.steps.some((s) => s.what.startsWith('warning'))).toBe(true);
  });
  it('names missing inputs', () => {
    expect(ldlCalculated.compute({ 'Total cholesterol': [200, 'mg/dL'], [HDL]: [50, 'mg/dL'] })).toMatchObject({
      incomputable: true,
      missing: ['Triglycerides'],
    });
  });
});

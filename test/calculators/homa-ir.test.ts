import { describe, expect, it } from 'vitest';
import { homaIr } from '../../src/calculators/defs/homa-ir.js';
import type { CalcResult } from '../../src/calculators/types.js';

const v1 = { convention: 'medcalc-v1.0' } as const;
function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: Matthews 1985, HOMA-IR = insulin (µIU/mL) × glucose (mg/dL) / 405.
describe('HOMA-IR (31)', () => {
  it('10 × 90 / 405 = 2.2222', () => {
    expect(num(homaIr.compute({ Insulin: [10, 'µIU/mL'], Glucose: [90, 'mg/dL'] }))).toBeCloseTo(2.2222, 4);
  });
  it('converts pmol/L insulin (÷ 6) and mmol/L glucose; v1.0 multiplied pmol/L by 6', () => {
    // 60 pmol/L = 10 µIU/mL; 5 mmol/L = 90.08 mg/dL → 900.8 / 405 = 2.2242
    const e = { Insulin: [60, 'pmol/L'], Glucose: [5, 'mmol/L'] };
    expect(num(homaIr.compute(e))).toBeCloseTo(2.2242, 4);
    // v1.0: 360 × 90.1 / 405 = 80.089
    expect(num(homaIr.compute(e, v1))).toBe(80.089);
  });
  it('converts ng/mL insulin (× 24.8)', () => {
    expect(num(homaIr.compute({ Insulin: [0.5, 'ng/mL'], Glucose: [90, 'mg/dL'] }))).toBeCloseTo((12.4 * 90) / 405, 9);
  });
  it('names missing or unconvertible inputs', () => {
    expect(homaIr.compute({ Glucose: [90, 'mg/dL'] })).toMatchObject({ incomputable: true, missing: ['Insulin'] });
    const r = homaIr.compute({ Insulin: [10, 'mg/dL'], Glucose: [90, 'mg/dL'] });
    expect(r.incomputable && r.missing[0]).toMatch(/^Insulin \(unit 'mg\/dL'/);
  });
});

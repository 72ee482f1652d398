import { describe, expect, it } from 'vitest';
import { fena } from '../../src/calculators/defs/fena.js';
import type { CalcResult } from '../../src/calculators/types.js';

function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: Espinel 1976, FENa = 100 × (SCr × UNa) / (SNa × UCr), %.
describe('FENa (40)', () => {
  it('100 × (2 × 20) / (140 × 100) = 0.2857 %', () => {
    const r = fena.compute({
      Sodium: [140, 'mEq/L'],
      'Urine sodium': [20, 'mEq/L'],
      creatinine: [2, 'mg/dL'],
      'Urine creatinine': [100, 'mg/dL'],
    });
    expect(num(r)).toBeCloseTo(0.285714, 6);
  });
  it('accepts mmol/L sodium and µmol/L creatinine (176.8 µmol/L ≈ 2 mg/dL)', () => {
    const r = fena.compute({
      Sodium: [140, 'mmol/L'],
      'Urine sodium': [20, 'mmol/L'],
      creatinine: [176.8, 'µmol/L'],
      'Urine creatinine': [100, 'mg/dL'],
    });
    expect(num(r)).toBeCloseTo((100 * 1.99996 * 20) / (140 * 100), 5);
  });
  it('names missing inputs', () => {
    const r = fena.compute({ Sodium: [140, 'mEq/L'], creatinine: [2, 'mg/dL'] });
    expect(r).toMatchObject({ incomputable: true, missing: ['Urine sodium', 'Urine creatinine'] });
  });
});

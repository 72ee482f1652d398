import { describe, expect, it } from 'vitest';
import { anionGap } from '../../src/calculators/defs/anion-gap.js';
import type { CalcResult } from '../../src/calculators/types.js';

function num(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

// Reference: anion gap = Na − (Cl + HCO3), mEq/L.
describe('Anion gap (39)', () => {
  it('140 − (104 + 24) = 12', () => {
    expect(
      num(anionGap.compute({ Sodium: [140, 'mEq/L'], Chloride: [104, 'mEq/L'], Bicarbonate: [24, 'mEq/L'] })),
    ).toBe(12);
  });
  it('mmol/L equals mEq/L for these monovalent ions, exactly (no float dust)', () => {
    expect(
      num(anionGap.compute({ Sodium: [134, 'mmol/L'], Chloride: [110, 'mmol/L'], Bicarbonate: [24, 'mEq/L'] })),
    ).toBe(0);
  });
  it('sodium in mg/dL converts by molar mass and the trace warns that it is implausible', () => {
    // 140 mg/dL = 1400 mg/L / 22.99 = 60.896 mEq/L → 60.896 − 100 − 24 = −63.104
    const r = anionGap.compute({ Sodium: [140, 'mg/dL'], Chloride: [100, 'mEq/L'], Bicarbonate: [24, 'mEq/L'] });
    expect(num(r)).toBeCloseTo(-63.104, 3);
    expect(r.steps.some((s) => s.what.startsWith('warning: sodium'))).toBe(true);
  });
  it('names missing inputs', () => {
    expect(anionGap.compute({ Sodium: [140, 'mEq/L'], Bicarbonate: [24, 'mEq/L'] })).toMatchObject({
      incomputable: true,
      missing: ['Chloride'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { meanArterialPressure } from '../../src/calculators/defs/mean-arterial-pressure.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const bp = (sbp: [number, string], dbp: [number, string]) => ({
  'Systolic Blood Pressure': sbp,
  'Diastolic Blood Pressure': dbp,
});

// Reference: MDCalc MAP = 2/3·DBP + 1/3·SBP.
describe('Mean arterial pressure (5)', () => {
  it('computes 2/3·DBP + 1/3·SBP', () => {
    // (2·80 + 120) / 3 = 280 / 3 = 93.333…
    const r = meanArterialPressure.compute(bp([120, 'mm hg'], [80, 'mm hg']));
    expect(r).toMatchObject({ incomputable: false, kind: 'decimal' });
    if (!r.incomputable) expect(r.value).toBeCloseTo(93.3333333, 6);
  });
  it('reads the spellings mmhg / mm Hg and converts kPa', () => {
    const a = meanArterialPressure.compute(bp([125, 'mmhg'], [70, 'mm Hg']));
    if (a.incomputable) throw new Error('expected a value');
    expect(a.value).toBeCloseTo(265 / 3, 9);
    // 16 kPa × 7.50062 = 120.00992 mm Hg → (160 + 120.00992) / 3 = 93.33664
    const b = meanArterialPressure.compute(bp([16, 'kPa'], [80, 'mm hg']));
    if (b.incomputable) throw new Error('expected a value');
    expect(b.value).toBeCloseTo(93.33664, 5);
  });
  it('rounds to 3 decimals under medcalc-v1.0', () => {
    // 265 / 3 = 88.3333… → 88.333
    expect(meanArterialPressure.compute(bp([125, 'mm hg'], [70, 'mm hg']), V1)).toMatchObject({ value: 88.333 });
  });
  it('names a missing pressure', () => {
    const r = meanArterialPressure.compute({ 'Systolic Blood Pressure': [120, 'mm hg'] });
    expect(r).toMatchObject({ incomputable: true, missing: ['Diastolic Blood Pressure'] });
  });
});

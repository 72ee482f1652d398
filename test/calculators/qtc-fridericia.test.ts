import { describe, expect, it } from 'vitest';
import { qtcFridericia } from '../../src/calculators/defs/qtc-fridericia.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const ecg = (hr: number, qt: number) => ({
  'Heart Rate or Pulse': [hr, 'beats per minute'],
  'QT interval': [qt, 'msec'],
});
const value = (r: ReturnType<typeof qtcFridericia.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Fridericia 1920, QTc = QT / RR^(1/3) with RR = 60 / HR seconds.
describe('QTc Fridericia (56)', () => {
  it('is QT itself at 60 /min', () => {
    expect(value(qtcFridericia.compute(ecg(60, 400)))).toBeCloseTo(400, 9);
  });
  it('HR 90, QT 360: ∛0.6667 = 0.87358 → 412.097', () => {
    expect(value(qtcFridericia.compute(ecg(90, 360)))).toBeCloseTo(412.097127, 5);
  });
  it('HR 120 halves RR: 360 / ∛0.5 = 360 × 1.259921 = 453.572', () => {
    expect(value(qtcFridericia.compute(ecg(120, 360)))).toBeCloseTo(453.5716, 3);
  });
  it('under medcalc-v1.0 rounds RR to 0.667 first', () => {
    // 360 / 0.667^(1/3) = 412.028467 → 412.028
    expect(qtcFridericia.compute(ecg(90, 360), V1)).toMatchObject({ value: 412.028 });
  });
  it('names a missing QT', () => {
    expect(qtcFridericia.compute({ 'Heart Rate or Pulse': [90, 'beats per minute'] })).toMatchObject({
      incomputable: true,
      missing: ['QT interval'],
    });
  });
});

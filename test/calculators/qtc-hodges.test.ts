import { describe, expect, it } from 'vitest';
import { qtcHodges } from '../../src/calculators/defs/qtc-hodges.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const ecg = (hr: number, qt: number) => ({
  'Heart Rate or Pulse': [hr, 'beats per minute'],
  'QT interval': [qt, 'msec'],
});
const value = (r: ReturnType<typeof qtcHodges.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Hodges et al. 1983, QTc = QT + 1.75 × (HR − 60).
describe('QTc Hodges (58)', () => {
  it('is QT itself at 60 /min', () => {
    expect(value(qtcHodges.compute(ecg(60, 400)))).toBeCloseTo(400, 9);
  });
  it('HR 90, QT 360: 360 + 1.75 × 30 = 412.5', () => {
    expect(value(qtcHodges.compute(ecg(90, 360)))).toBeCloseTo(412.5, 9);
  });
  it('HR 40, QT 440: 440 − 35 = 405', () => {
    expect(value(qtcHodges.compute(ecg(40, 440)))).toBeCloseTo(405, 9);
  });
  it('under medcalc-v1.0 recovers HR as 60 / rounded RR', () => {
    // RR 0.667 → 60 / 0.667 = 89.955; 360 + 1.75 × 29.955 = 412.4213 → 412.421 (reference 412.5)
    expect(qtcHodges.compute(ecg(90, 360), V1)).toMatchObject({ value: 412.421 });
  });
  it('names a missing QT', () => {
    expect(qtcHodges.compute({ 'Heart Rate or Pulse': [90, 'beats per minute'] })).toMatchObject({
      incomputable: true,
      missing: ['QT interval'],
    });
  });
});

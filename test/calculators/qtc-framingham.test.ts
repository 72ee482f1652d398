import { describe, expect, it } from 'vitest';
import { qtcFramingham } from '../../src/calculators/defs/qtc-framingham.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const ecg = (hr: number, qt: number) => ({
  'Heart Rate or Pulse': [hr, 'beats per minute'],
  'QT interval': [qt, 'msec'],
});
const value = (r: ReturnType<typeof qtcFramingham.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Sagie et al. 1992, QTc = QT + 154 × (1 − RR), RR = 60 / HR seconds.
describe('QTc Framingham (57)', () => {
  it('is QT itself at 60 /min', () => {
    expect(value(qtcFramingham.compute(ecg(60, 400)))).toBeCloseTo(400, 9);
  });
  it('HR 90, QT 360: 360 + 154 × (1/3) = 411.333', () => {
    expect(value(qtcFramingham.compute(ecg(90, 360)))).toBeCloseTo(411.333333, 5);
  });
  it('lengthens QT below 60 /min: HR 50, RR 1.2 → 400 − 30.8 = 369.2', () => {
    expect(value(qtcFramingham.compute(ecg(50, 400)))).toBeCloseTo(369.2, 9);
  });
  it('under medcalc-v1.0 rounds RR to 0.667 first', () => {
    // 360 + 154 × 0.333 = 411.282
    expect(qtcFramingham.compute(ecg(90, 360), V1)).toMatchObject({ value: 411.282 });
  });
  it('names a missing heart rate', () => {
    expect(qtcFramingham.compute({ 'QT interval': [360, 'msec'] })).toMatchObject({
      incomputable: true,
      missing: ['Heart Rate or Pulse'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { qtcRautaharju } from '../../src/calculators/defs/qtc-rautaharju.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const ecg = (hr: number, qt: number) => ({
  'Heart Rate or Pulse': [hr, 'beats per minute'],
  'QT interval': [qt, 'msec'],
});
const value = (r: ReturnType<typeof qtcRautaharju.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Rautaharju et al. 2014 (MDCalc), QTc = QT × (120 + HR) / 180.
describe('QTc Rautaharju (59)', () => {
  it('is QT itself at 60 /min', () => {
    expect(value(qtcRautaharju.compute(ecg(60, 400)))).toBeCloseTo(400, 9);
  });
  it('HR 90, QT 360: 360 × 210 / 180 = 420', () => {
    expect(value(qtcRautaharju.compute(ecg(90, 360)))).toBeCloseTo(420, 9);
  });
  it('under medcalc-v1.0 only rounds (no RR enters)', () => {
    // 350 × 215 / 180 = 418.0555… → 418.056
    expect(qtcRautaharju.compute(ecg(95, 350), V1)).toMatchObject({ value: 418.056 });
  });
  it('names a missing heart rate', () => {
    expect(qtcRautaharju.compute({ 'QT interval': [360, 'msec'] })).toMatchObject({
      incomputable: true,
      missing: ['Heart Rate or Pulse'],
    });
  });
});

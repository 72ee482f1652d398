import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { qtcBazett } from '../../src/calculators/defs/qtc-bazett.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const ecg = (hr: number, qt: [number, string], key = 'QT interval') => ({
  'Heart Rate or Pulse': [hr, 'beats per minute'],
  [key]: qt,
});
const value = (r: ReturnType<typeof qtcBazett.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: Bazett 1920, QTc = QT / √RR with RR = 60 / HR seconds.
describe('QTc Bazett (11)', () => {
  it('is QT itself at 60 /min (RR = 1 s)', () => {
    expect(value(qtcBazett.compute(ecg(60, [400, 'msec'])))).toBeCloseTo(400, 9);
  });
  it('HR 90, QT 360: RR = 0.6667 s → 360 / 0.81650 = 440.908', () => {
    expect(value(qtcBazett.compute(ecg(90, [360, 'msec'])))).toBeCloseTo(440.908154, 5);
  });
  it("reads Verified's 'QT Interval' spelling and QT in seconds", () => {
    expect(value(qtcBazett.compute(ecg(90, [0.36, 's'], 'QT Interval')))).toBeCloseTo(440.908154, 5);
  });
  it('under medcalc-v1.0 rounds RR to 0.667 first', () => {
    // 360 / √0.667 = 440.797968 → 440.798
    expect(qtcBazett.compute(ecg(90, [360, 'msec']), V1)).toMatchObject({ value: 440.798 });
  });
  it('names missing inputs', () => {
    expect(qtcBazett.compute({ 'QT interval': [360, 'msec'] })).toMatchObject({
      incomputable: true,
      missing: ['Heart Rate or Pulse'],
    });
    expect(qtcBazett.compute({ 'Heart Rate or Pulse': [90, 'beats per minute'] })).toMatchObject({
      incomputable: true,
      missing: ['QT interval'],
    });
    expect(qtcBazett.compute(ecg(0, [360, 'msec']))).toMatchObject({
      incomputable: true,
      missing: ['Heart Rate or Pulse (not a positive rate)'],
    });
  });
});

describe('qtcBazett entity schema', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(qtcBazett.entitySchema);
  it("accepts the data's shapes and rejects others", () => {
    expect(validate({ 'Heart Rate or Pulse': [72, 'beats per minute'], 'QT interval': [380, 'msec'] })).toBe(true);
    expect(validate({ 'Heart Rate or Pulse': [72, 'beats per minute'], 'QT Interval': [380, 'msec'] })).toBe(true);
    expect(validate({ 'Heart Rate or Pulse': [72, 'beats per minute'] })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { sirs } from '../../src/calculators/defs/sirs.js';

// Reference: Bone et al., ACCP/SCCM 1992 (MDCalc). Count of: temperature > 38 or < 36 °C; HR > 90;
// RR > 20 or PaCO₂ < 32 mmHg; WBC > 12,000 or < 4,000/µL.
const normal = {
  Temperature: [37, 'degrees celsius'],
  'Heart Rate or Pulse': [80, 'beats per minute'],
  'respiratory rate': [16, 'breaths per minute'],
  'White blood cell count': [8000, 'µL'],
};
const V1 = { convention: 'medcalc-v1.0' } as const;

describe('SIRS criteria (51)', () => {
  it('counts all four criteria', () => {
    const r = sirs.compute({
      Temperature: [38.5, 'degrees celsius'],
      'Heart Rate or Pulse': [100, 'beats per minute'],
      'respiratory rate': [22, 'breaths per minute'],
      'White blood cell count': [13000, 'µL'],
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 4 });
  });

  it.each([
    ['temperature 38.0 °C', { Temperature: [38, 'degrees celsius'] }, 0],
    ['temperature 36.0 °C', { Temperature: [36, 'degrees celsius'] }, 0],
    ['temperature 35.9 °C', { Temperature: [35.9, 'degrees celsius'] }, 1],
    ['temperature 101 °F (38.3 °C)', { Temperature: [101, 'degrees fahreinheit'] }, 1],
    ['HR 90', { 'Heart Rate or Pulse': [90, 'beats per minute'] }, 0],
    ['HR 91', { 'Heart Rate or Pulse': [91, 'bpm'] }, 1],
    ['RR 20', { 'respiratory rate': [20, 'breaths per minute'] }, 0],
    ['PaCO₂ 31', { 'PaCO₂': [31, 'mm hg'] }, 1],
    ['PaCO2 32 (other spelling)', { PaCO2: [32, 'mm Hg'] }, 0],
    ['WBC 12,000', { 'White blood cell count': [12000, 'µL'] }, 0],
    ['WBC 12,001', { 'White blood cell count': [12001, 'µL'] }, 1],
    ['WBC 4,000', { 'White blood cell count': [4000, 'µL'] }, 0],
    ['WBC 3,999 per m^3 (= mm³)', { 'White blood cell count': [3999, 'm^3'] }, 1],
  ])('%s', (_name, change, count) => {
    expect(sirs.compute({ ...normal, ...change })).toMatchObject({ value: count });
  });

  it.each([
    // 12.5 "per µL" is 12.5 × 10³/µL
    [12.5, 'µL', 1],
    // 9500 "per L" is 9,500/µL mislabelled
    [9500, 'L', 0],
    // 13 × 10⁹/L = 13,000/µL
    [13e9, 'L', 1],
  ])('reads mis-scaled WBC %d %s sensibly (meets: %i)', (value, unit, count) => {
    expect(sirs.compute({ ...normal, 'White blood cell count': [value, unit] })).toMatchObject({ value: count });
  });

  it('needs one respiratory measure', () => {
    const { 'respiratory rate': _rr, ...rest } = normal;
    expect(sirs.compute(rest)).toMatchObject({ incomputable: true, missing: ['respiratory rate'] });
    expect(sirs.compute({ ...rest, 'PaCO₂': [30, 'mm hg'] })).toMatchObject({ value: 1 });
  });

  it('v1.0 defects: the heart-rate point always counted, and per-µL counts ×10⁹ always exceed 12000', () => {
    // Reference 0. v1.0: HR 80 counted (+1); 8000/µL became 8 × 10¹² "per m^3" (+1).
    expect(sirs.compute(normal)).toMatchObject({ value: 0 });
    expect(sirs.compute(normal, V1)).toMatchObject({ value: 2 });
    // A count given per m^3 was compared as it stood.
    expect(sirs.compute({ ...normal, 'White blood cell count': [8000, 'm^3'] }, V1)).toMatchObject({ value: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { curb65 } from '../../src/calculators/defs/curb-65.js';

// Reference: Lim et al., Thorax 2003 (MDCalc). Confusion; urea > 7 mmol/L (BUN > 19 mg/dL); RR ≥ 30;
// SBP < 90 or DBP ≤ 60; age ≥ 65: one point each.
const well = {
  age: [40, 'years'],
  'Blood Urea Nitrogen (BUN)': [12, 'mg/dL'],
  'respiratory rate': [16, 'breaths per minute'],
  'Systolic Blood Pressure': [120, 'mm hg'],
  'Diastolic Blood Pressure': [80, 'mm hg'],
};
const V1 = { convention: 'medcalc-v1.0' } as const;

describe('CURB-65 (45)', () => {
  it('scores the maximum of 5', () => {
    const r = curb65.compute({
      Confusion: true,
      age: [70, 'years'],
      'Blood Urea Nitrogen (BUN)': [25, 'mg/dL'],
      'respiratory rate': [32, 'breaths per minute'],
      'Systolic Blood Pressure': [85, 'mm hg'],
      'Diastolic Blood Pressure': [50, 'mm hg'],
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 5 });
  });

  it.each([
    ['BUN 19 mg/dL', { 'Blood Urea Nitrogen (BUN)': [19, 'mg/dL'] }, 0],
    ['BUN 19.1 mg/dL', { 'Blood Urea Nitrogen (BUN)': [19.1, 'mg/dL'] }, 1],
    ['urea 7 mmol/L', { 'Blood Urea Nitrogen (BUN)': [7, 'mmol/L'] }, 0],
    ['urea 7.1 mmol/L', { 'Blood Urea Nitrogen (BUN)': [7.1, 'mmol/L'] }, 1],
    ['RR 29', { 'respiratory rate': [29, 'breaths per minute'] }, 0],
    ['RR 30', { 'respiratory rate': [30, 'breaths per minute'] }, 1],
    ['SBP 90 / DBP 61', { 'Systolic Blood Pressure': [90, 'mm hg'], 'Diastolic Blood Pressure': [61, 'mm hg'] }, 0],
    ['SBP 89', { 'Systolic Blood Pressure': [89, 'mm hg'] }, 1],
    ['DBP 60', { 'Diastolic Blood Pressure': [60, 'mm hg'] }, 1],
    ['age 64', { age: [64, 'years'] }, 0],
    ['age 65', { age: [65, 'years'] }, 1],
  ])('%s', (_name, change, points) => {
    expect(curb65.compute({ ...well, ...change })).toMatchObject({ value: points });
  });

  it('v1.0 defect: its rounded mmol/L conversion turns urea 6.9 mmol/L into BUN 19.6 mg/dL', () => {
    // 6.9 mmol/L → 0.0069 mol → rounded 0.007 mol × 28.02 = 0.196 g → 19.6 mg/dL > 19. Reference: 6.9 ≤ 7.
    const entities = { ...well, 'Blood Urea Nitrogen (BUN)': [6.9, 'mmol/L'] };
    expect(curb65.compute(entities)).toMatchObject({ value: 0 });
    expect(curb65.compute(entities, V1)).toMatchObject({ value: 1 });
  });

  it('v1.0 truncated pressures to integers (DBP 60.5 → 60 scores)', () => {
    const entities = { ...well, 'Diastolic Blood Pressure': [60.5, 'mm hg'] };
    expect(curb65.compute(entities)).toMatchObject({ value: 0 });
    expect(curb65.compute(entities, V1)).toMatchObject({ value: 1 });
  });

  it('names missing measurements', () => {
    const { 'Blood Urea Nitrogen (BUN)': _bun, 'respiratory rate': _rr, ...rest } = well;
    expect(curb65.compute(rest)).toMatchObject({
      incomputable: true,
      missing: ['Blood Urea Nitrogen (BUN)', 'respiratory rate'],
    });
  });
});

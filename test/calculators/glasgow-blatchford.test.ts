import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { glasgowBlatchford } from '../../src/calculators/defs/glasgow-blatchford.js';
import type { Entities } from '../../src/label/types.js';

// Reference: Blatchford et al., Lancet 2000 (urea mmol/L bands) and MDCalc's BUN mg/dL bands.
// A baseline patient scoring 0: man, Hb 15 g/dL, BUN 10 mg/dL, SBP 120, pulse 80, no findings.
const base: Entities = {
  sex: 'Male',
  Hemoglobin: [15, 'g/dL'],
  'Blood Urea Nitrogen (BUN)': [10, 'mg/dL'],
  'Systolic Blood Pressure': [120, 'mm Hg'],
  'Heart Rate or Pulse': [80, 'beats per minute'],
};

function score(over: Entities, convention: 'reference' | 'medcalc-v1.0' = 'reference'): number {
  const r = glasgowBlatchford.compute({ ...base, ...over }, { convention });
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

describe('Glasgow-Blatchford (27), reference', () => {
  it('its entity schema compiles in ajv strict mode and accepts the data shapes', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(glasgowBlatchford.entitySchema);
    expect(validate({ ...base, 'Melena Present': true })).toBe(true);
  });

  it('scores 0 for the baseline patient', () => {
    expect(score({})).toBe(0);
  });

  it('worked example: 3 (Hb 11, man) + 4 (BUN 51) + 2 (SBP 95) + 1 (HR 110) + 1 (melena) + 2 (syncope) = 13', () => {
    const r = glasgowBlatchford.compute({
      ...base,
      Hemoglobin: [11, 'g/dL'],
      'Blood Urea Nitrogen (BUN)': [51, 'mg/dL'],
      'Systolic Blood Pressure': [95, 'mm Hg'],
      'Heart Rate or Pulse': [110, 'beats per minute'],
      'Melena present': true,
      'Recent syncope': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 13 });
  });

  it.each([
    [18.1, 0],
    [18.2, 2],
    [22.3, 2],
    [22.4, 3],
    [27.9, 3],
    [28, 4],
    [69.9, 4],
    [70, 6],
    [120, 6],
  ])('BUN %s mg/dL → %s points', (bun, points) => {
    expect(score({ 'Blood Urea Nitrogen (BUN)': [bun, 'mg/dL'] })).toBe(points);
  });

  it.each([
    [6.4, 0],
    [6.5, 2],
    [7.9, 2],
    [8, 3],
    [9.9, 3],
    [10, 4],
    [24.9, 4],
    [25, 6],
  ])('urea/BUN %s mmol/L → %s points on Blatchford’s own table', (urea, points) => {
    expect(score({ 'Blood Urea Nitrogen (BUN)': [urea, 'mmol/L'] })).toBe(points);
  });

  it.each([
    ['Male', 13, 0],
    ['Male', 12.9, 1],
    ['Male', 12, 1],
    ['Male', 11.9, 3],
    ['Male', 10, 3],
    ['Male', 9.9, 6],
    ['Female', 12, 0],
    ['Female', 11.9, 1],
    ['Female', 10, 1],
    ['Female', 9.9, 6],
  ])('%s, Hb %s g/dL → %s points', (sex, hb, points) => {
    expect(score({ sex, Hemoglobin: [hb, 'g/dL'] })).toBe(points);
  });

  it('converts hemoglobin in g/L (125 g/L = 12.5 g/dL → 1 point for a man)', () => {
    expect(score({ Hemoglobin: [125, 'g/L'] })).toBe(1);
  });

  it.each([
    [110, 0],
    [109, 1],
    [100, 1],
    [99, 2],
    [90, 2],
    [89, 3],
  ])('SBP %s mm Hg → %s points', (sbp, points) => {
    expect(score({ 'Systolic Blood Pressure': [sbp, 'mm Hg'] })).toBe(points);
  });

  it.each([
    [99, 0],
    [100, 1],
  ])('pulse %s → %s points', (hr, points) => {
    expect(score({ 'Heart Rate or Pulse': [hr, 'beats per minute'] })).toBe(points);
  });

  it('scores melena 1, syncope 2, hepatic disease 2, cardiac failure 2, under either key spelling', () => {
    expect(score({ 'Melena present': true })).toBe(1);
    expect(score({ 'Recent syncope': true })).toBe(2);
    expect(score({ 'Hepatic disease history': true })).toBe(2);
    expect(score({ 'Cardiac failure present': true })).toBe(2);
    expect(score({ 'Melena Present': true, 'Recent Syncope': true, 'Cardiac Failure Present': true })).toBe(5);
    expect(score({ 'Melena present': false, 'Recent syncope': false })).toBe(0);
  });

  it('names missing inputs', () => {
    const { Hemoglobin: _hb, sex: _sex, ...rest } = base;
    const r = glasgowBlatchford.compute(rest);
    expect(r.incomputable).toBe(true);
    if (r.incomputable) expect(r.missing.sort()).toEqual(['Hemoglobin', 'sex']);
  });

  it('reports an unusable BUN unit instead of guessing', () => {
    const r = glasgowBlatchford.compute({ ...base, 'Blood Urea Nitrogen (BUN)': [5, 'furlongs'] });
    expect(r.incomputable).toBe(true);
    if (r.incomputable) expect(r.missing[0]).toMatch(/Blood Urea Nitrogen/);
  });
});

describe('Glasgow-Blatchford (27), medcalc-v1.0 defects', () => {
  it('hemoglobin band edges: a man at 13 scores 1 and at 12 scores 0; a woman at 12 scores 1 and at 10 scores 0', () => {
    expect(score({ Hemoglobin: [13, 'g/dL'] }, 'medcalc-v1.0')).toBe(1);
    expect(score({ Hemoglobin: [12, 'g/dL'] }, 'medcalc-v1.0')).toBe(0);
    expect(score({ sex: 'Female', Hemoglobin: [12, 'g/dL'] }, 'medcalc-v1.0')).toBe(1);
    expect(score({ sex: 'Female', Hemoglobin: [10, 'g/dL'] }, 'medcalc-v1.0')).toBe(0);
    expect(score({ sex: 'Female', Hemoglobin: [9.9, 'g/dL'] }, 'medcalc-v1.0')).toBe(6);
  });

  it('BUN exactly 70 mg/dL falls between its bands and scores 0', () => {
    expect(score({ 'Blood Urea Nitrogen (BUN)': [70, 'mg/dL'] }, 'medcalc-v1.0')).toBe(0);
    expect(score({ 'Blood Urea Nitrogen (BUN)': [70.1, 'mg/dL'] }, 'medcalc-v1.0')).toBe(6);
  });

  it('converts mmol/L through rounded moles: 7.6 mmol/L → 0.008 mol → 0.225 g → 22.5 mg/dL → 3 (reference: 2)', () => {
    expect(score({ 'Blood Urea Nitrogen (BUN)': [7.6, 'mmol/L'] }, 'medcalc-v1.0')).toBe(3);
    expect(score({ 'Blood Urea Nitrogen (BUN)': [7.6, 'mmol/L'] })).toBe(2);
  });

  it('agrees with the reference away from the defects', () => {
    const patient = {
      Hemoglobin: [11, 'g/dL'],
      'Blood Urea Nitrogen (BUN)': [51, 'mg/dL'],
      'Melena present': true,
    } as Entities;
    expect(score(patient, 'medcalc-v1.0')).toBe(score(patient));
  });
});

import { describe, expect, it } from 'vitest';
import { cha2ds2Vasc } from '../../src/calculators/defs/cha2ds2-vasc.js';

// Reference: Lip et al., Chest 2010 (MDCalc). Age ≥ 75 +2, 65–74 +1; female +1; CHF +1; hypertension +1;
// stroke/TIA/thromboembolism +2; vascular disease +1; diabetes +1.
const male = (years: number) => ({ sex: 'Male', age: [years, 'years'] });

describe('CHA₂DS₂-VASc (4)', () => {
  it('sums every criterion', () => {
    // 80 y (2) + female (1) + hypertension (1) + TIA (2) + diabetes (1) = 7
    const r = cha2ds2Vasc.compute({
      sex: 'Female',
      age: [80, 'years'],
      'Hypertension history': true,
      'Transient Ischemic Attacks History': true,
      'Diabetes history': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 7 });
  });

  it('reads the data key spelled "Faliure" for heart failure', () => {
    // 50 y male (0) + CHF (1) + vascular disease (1) = 2
    expect(
      cha2ds2Vasc.compute({ ...male(50), 'Congestive Heart Faliure': true, 'Vascular disease history': true }),
    ).toMatchObject({ value: 2 });
  });

  it.each([
    [64, 0],
    [65, 1],
    [74, 1],
    [75, 2],
  ])('age %i scores %i', (years, points) => {
    expect(cha2ds2Vasc.compute(male(years))).toMatchObject({ value: points });
  });

  it('counts a 74-year-old in months in the 65–74 band (completed years)', () => {
    // 899 months = 74.92 years → 74 completed years → +1
    expect(cha2ds2Vasc.compute({ sex: 'Male', age: [899, 'months'] })).toMatchObject({ value: 1 });
  });

  it('gives 2 points once for stroke, TIA and thromboembolism together', () => {
    const r = cha2ds2Vasc.compute({
      ...male(40),
      Stroke: true,
      'Transient Ischemic Attacks History': true,
      'Thromboembolism history': true,
    });
    expect(r).toMatchObject({ value: 2 });
  });

  it('treats absent findings as not present', () => {
    expect(cha2ds2Vasc.compute(male(40))).toMatchObject({ value: 0 });
  });

  it('names missing sex and age', () => {
    expect(cha2ds2Vasc.compute({ age: [70, 'years'] })).toMatchObject({ incomputable: true, missing: ['sex'] });
    expect(cha2ds2Vasc.compute({ sex: 'Male' })).toMatchObject({ incomputable: true, missing: ['age'] });
  });

  it('agrees under medcalc-v1.0 (no known defect) and records a trace', () => {
    const entities = { sex: 'Female', age: [70, 'years'], Stroke: true };
    const r = cha2ds2Vasc.compute(entities, { convention: 'medcalc-v1.0' });
    expect(r).toMatchObject({ value: 4 });
    expect(r.steps.at(-1)).toMatchObject({ result: 4 });
  });
});

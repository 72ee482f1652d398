import { describe, expect, it } from 'vitest';
import { heartScore } from '../../src/calculators/defs/heart-score.js';

// Reference: Six et al. 2008 / Backus et al. 2013 (MDCalc). History, ECG, age (< 45, 45–64, ≥ 65), risk
// factors (0; 1–2; ≥ 3 or atherosclerotic disease incl. CVA/TIA), troponin: 0/1/2 points each.
const base = {
  age: [30, 'years'],
  'Suspicion History': 'Slightly suspicious',
  'Electrocardiogram Test': 'Normal',
  'Initial troponin': 'less than or equal to normal limit',
};
const V1 = { convention: 'medcalc-v1.0' } as const;

describe('HEART score (18)', () => {
  it('scores the maximum of 10', () => {
    // history 2 + ECG 2 + age 70 → 2 + three risk factors → 2 + troponin > 3× → 2 = 10
    const r = heartScore.compute({
      age: [70, 'years'],
      'Suspicion History': 'Highly suspicious',
      'Electrocardiogram Test': 'Significant ST deviation',
      'Initial troponin': 'greater than three times normal limit',
      'Hypertension history': true,
      'Diabetes mellitus criteria for CCI rule': true,
      smoking: true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 10 });
  });

  it('scores 0 for a young patient with nothing abnormal', () => {
    expect(heartScore.compute(base)).toMatchObject({ value: 0 });
  });

  it.each([
    [44, 0],
    [45, 1],
    [64, 1],
    [65, 2],
  ])('age %i scores %i', (years, points) => {
    expect(heartScore.compute({ ...base, age: [years, 'years'] })).toMatchObject({ value: points });
  });

  it('gives 1 point for one or two risk factors (either diabetes spelling)', () => {
    expect(heartScore.compute({ ...base, obesity: true })).toMatchObject({ value: 1 });
    expect(heartScore.compute({ ...base, 'Diabetes mellitus': true, hypercholesterolemia: true })).toMatchObject({
      value: 1,
    });
  });

  it('gives 2 points for atherosclerotic disease or TIA alone', () => {
    expect(heartScore.compute({ ...base, 'atherosclerotic disease': true })).toMatchObject({ value: 2 });
    expect(heartScore.compute({ ...base, 'Transient Ischemic Attacks History': true })).toMatchObject({ value: 2 });
  });

  it('v1.0 defect: atherosclerotic disease counted as one risk factor, TIA not read', () => {
    expect(heartScore.compute({ ...base, 'atherosclerotic disease': true }, V1)).toMatchObject({ value: 1 });
    expect(heartScore.compute({ ...base, 'Transient Ischemic Attacks History': true }, V1)).toMatchObject({ value: 0 });
  });

  it('needs ECG and troponin under the reference; v1.0 assumed normal', () => {
    const entities = { age: [50, 'years'], 'Suspicion History': 'Moderately suspicious' };
    expect(heartScore.compute(entities)).toMatchObject({
      incomputable: true,
      missing: ['Electrocardiogram Test', 'Initial troponin'],
    });
    // v1.0: history 1 + age 1 = 2
    expect(heartScore.compute(entities, V1)).toMatchObject({ value: 2 });
  });

  it('names an unrecognized phrase', () => {
    const r = heartScore.compute({ ...base, 'Electrocardiogram Test': 'LBBB' });
    expect(r).toMatchObject({ incomputable: true, missing: ["Electrocardiogram Test (unrecognized value 'LBBB')"] });
  });
});

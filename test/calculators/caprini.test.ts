import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { caprini } from '../../src/calculators/defs/caprini.js';
import type { Entities } from '../../src/label/types.js';

// Reference: Caprini, Dis Mon 2005 (MDCalc "Caprini Score for Venous Thromboembolism (2005)").
// A 30-year-old man, no surgery, normal mobility, BMI 22, no risk factors scores 0.
const base: Entities = { age: [30, 'years'], sex: 'Male', Mobility: 'normal', 'Body Mass Index (BMI)': [22, 'kg/m^2'] };

/** 63 y, major surgery, confined to bed, leg fracture, prior DVT, BMI 27, varicose veins: 16 by the reference. */
const WORKED_EXAMPLE: Entities = {
  age: [63, 'years'],
  'Surgery Type': 'major',
  Mobility: 'confined to bed >72 hours',
  'Hip, pelvis, or leg fracture in the last month': true,
  'Previously documented Deep Vein Thrombosis': true,
  'Body Mass Index (BMI)': [27, 'kg/m^2'],
  'Varicose veins': true,
};

function score(over: Entities, convention: 'reference' | 'medcalc-v1.0' = 'reference'): number {
  const r = caprini.compute({ ...base, ...over }, { convention });
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

describe('Caprini 2005 (36), reference', () => {
  it('its entity schema compiles in ajv strict mode and accepts the data shapes', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(caprini.entitySchema);
    expect(validate({ ...base, 'Surgery Type': 'minor', 'Varicose veins': true })).toBe(true);
  });

  it('scores 0 for the baseline patient; sex alone carries no points', () => {
    expect(score({})).toBe(0);
    expect(score({ sex: 'Female' })).toBe(0);
  });

  it.each([
    [40, 0],
    [40.9, 0],
    [41, 1],
    [60, 1],
    [60.5, 1],
    [61, 2],
    [74, 2],
    [74.9, 2],
    [75, 3],
    [90, 3],
  ])('age %s → %s points (completed years)', (age, points) => {
    expect(score({ age: [age, 'years'] })).toBe(points);
  });

  it.each([
    ['none', 0],
    ['minor', 1],
    ['major', 2],
    ['laparoscopic', 2],
    ['arthroscopic', 2],
    ['elective major lower extremity arthroplasty', 5],
  ])('surgery %s → %s', (surgery, points) => {
    expect(score({ 'Surgery Type': surgery })).toBe(points);
  });

  it.each([
    ['normal', 0],
    ['on bed rest', 1],
    ['confined to bed >72 hours', 2],
  ])('mobility %s → %s', (mobility, points) => {
    expect(score({ Mobility: mobility })).toBe(points);
  });

  it.each([
    ['Major Surgery in the last month', 1],
    ['Congestive Heart Failure in the last month', 1],
    ['Sepsis in the last month', 1],
    ['Pneumonia in the last month', 1],
    ['Immobilizing plaster cast in the last month', 2],
    ['Hip, pelvis, or leg fracture in the last month', 5],
    ['Stroke in the last month', 5],
    ['Multiple trauma in the last month', 5],
    ['Acute spinal cord injury causing paralysis in the last month', 5],
    ['Varicose veins', 1],
    ['Current swollen legs', 1],
    ['Current central venous access', 2],
    ['Previously documented Deep Vein Thrombosis', 3],
    ['Previously Documented Pulmonary Embolism', 3],
    ['Family history of thrombosis', 3],
    ['Positive Factor V Leiden', 3],
    ['Positive prothrombin 20210A', 3],
    ['Elevated serum homocysteine', 3],
    ['Positive lupus anticoagulant', 3],
    ['Elevated anticardiolipin antibody', 3],
    ['Heparin-induced thrombocytopenia', 3],
    ['Other congenital or acquired thrombophilia', 3],
    ['History of inflammatory bowel disease', 1],
    ['Acute Myocardial infarction', 1],
    ['Chronic Obstructive Pulmonary Disease', 1],
    ['Present or previous malignancy', 2],
  ])('%s → %s', (key, points) => {
    expect(score({ [key]: true })).toBe(points);
    expect(score({ [key]: false })).toBe(0);
  });

  it('scores history of DVT/PE once (one 2005 item) when both are documented', () => {
    expect(
      score({ 'Previously documented Deep Vein Thrombosis': true, 'Previously Documented Pulmonary Embolism': true }),
    ).toBe(3);
  });

  it('BMI > 25 → 1 (25.0 scores 0); an absent BMI scores 0', () => {
    expect(score({ 'Body Mass Index (BMI)': [25, 'kg/m^2'] })).toBe(0);
    expect(score({ 'Body Mass Index (BMI)': [25.1, 'kg/m^2'] })).toBe(1);
    const { 'Body Mass Index (BMI)': _bmi, ...noBmi } = base;
    const r = caprini.compute(noBmi);
    expect(r).toMatchObject({ incomputable: false, value: 0 });
  });

  it(
    'worked example: 63 y (2) + major surgery (2) + bed >72 h (2) + leg fracture (5) + prior DVT (3) + BMI 27 (1) ' +
      '+ varicose veins (1) = 16',
    () => {
      const r = caprini.compute({ ...WORKED_EXAMPLE, sex: 'Female', 'Sepsis in the last month': false });
      expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 16 });
    },
  );

  it('names a missing age and an unknown surgery type', () => {
    expect(caprini.compute({ Mobility: 'normal' })).toMatchObject({ incomputable: true, missing: ['age'] });
    const r = caprini.compute({ ...base, 'Surgery Type': 'heroic' });
    expect(r.incomputable).toBe(true);
    if (r.incomputable) expect(r.missing[0]).toMatch(/^Surgery Type/);
  });
});

describe('Caprini 2005 (36), medcalc-v1.0 defects', () => {
  it('never adds the yes/no risk factors or BMI: only age, surgery and mobility count', () => {
    const e = WORKED_EXAMPLE;
    // 2 (age) + 2 (major surgery) + 2 (confined to bed); the reference gives 16.
    expect(score(e, 'medcalc-v1.0')).toBe(6);
  });

  it('fractional ages between its integer bands score 0', () => {
    expect(score({ age: [40.5, 'years'] }, 'medcalc-v1.0')).toBe(0);
    expect(score({ age: [60.5, 'years'] }, 'medcalc-v1.0')).toBe(0);
    expect(score({ age: [74.5, 'years'] }, 'medcalc-v1.0')).toBe(0);
    expect(score({ age: [41, 'years'] }, 'medcalc-v1.0')).toBe(1);
    expect(score({ age: [75, 'years'] }, 'medcalc-v1.0')).toBe(3);
  });

  it('looks choices up case-sensitively: an unknown one gives no label', () => {
    expect(caprini.compute({ ...base, 'Surgery Type': 'Major' }, { convention: 'medcalc-v1.0' }).incomputable).toBe(
      true,
    );
    expect(score({ 'Surgery Type': 'Major' })).toBe(2);
  });
});

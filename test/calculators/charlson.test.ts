import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { charlson } from '../../src/calculators/defs/charlson.js';
import type { Entities } from '../../src/label/types.js';

// Reference: Charlson et al., J Chronic Dis 1987, with MDCalc's age points (<50 0, 50–59 1, 60–69 2,
// 70–79 3, ≥80 4). A 40-year-old without comorbidity scores 0.
const base: Entities = { age: [40, 'years'] };

function score(over: Entities, convention: 'reference' | 'medcalc-v1.0' = 'reference'): number {
  const r = charlson.compute({ ...base, ...over }, { convention });
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

describe('Charlson Comorbidity Index (32), reference', () => {
  it('its entity schema compiles in ajv strict mode and accepts the data shapes', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(charlson.entitySchema);
    expect(validate({ ...base, 'Solid tumor': 'Metastatic', 'Moderate to severe Chronic Kidney Disease': true })).toBe(
      true,
    );
  });

  it.each([
    [49, 0],
    [49.9, 0],
    [50, 1],
    [59, 1],
    [60, 2],
    [69, 2],
    [70, 3],
    [79, 3],
    [80, 4],
    [95, 4],
  ])('age %s → %s points', (age, points) => {
    expect(score({ age: [age, 'years'] })).toBe(points);
  });

  it.each([
    'Myocardial infarction',
    'Congestive Heart Faliure',
    'Peripheral vascular disease',
    'Dementia',
    'Chronic Obstructive Pulmonary Disease',
    'Chronic Pulmonary Disease',
    'Connective tissue disease',
    'Peptic ulcer disease',
  ])('%s → 1 point', (key) => {
    expect(score({ [key]: true })).toBe(1);
    expect(score({ [key]: false })).toBe(0);
  });

  it('counts cerebrovascular accident and TIA as one item', () => {
    expect(score({ 'Cerebrovascular Accident': true })).toBe(1);
    expect(score({ 'Transient Ischemic Attacks History': true })).toBe(1);
    expect(score({ 'Cerebrovascular Accident': true, 'Transient Ischemic Attacks History': true })).toBe(1);
  });

  it.each([
    ['Hemiplegia', 2],
    ['Leukemia', 2],
    ['Lymphoma', 2],
    ['AIDS', 6],
  ])('%s → %s points', (key, points) => {
    expect(score({ [key]: true })).toBe(points);
  });

  it.each([
    ['Mild', 1],
    ['Moderate', 3],
    ['Severe', 3],
    ['Moderate to Severe', 3],
    ['None', 0],
  ])('liver disease %s → %s', (tier, points) => {
    expect(score({ 'Liver disease severity': tier })).toBe(points);
  });

  it.each([
    ['None or diet-controlled', 0],
    ['None or Diet-controlled', 0],
    ['Uncomplicated', 1],
    ['End-organ damage', 2],
  ])('diabetes %s → %s', (tier, points) => {
    expect(score({ 'Diabetes mellitus criteria for CCI rule': tier })).toBe(points);
  });

  it("reads the later key 'Diabetes mellitus' with lower-case tiers", () => {
    expect(score({ 'Diabetes mellitus': 'end-organ damage' })).toBe(2);
    expect(score({ 'Diabetes mellitus': 'none or diet-controlled' })).toBe(0);
  });

  it('solid tumour: localized 2, metastatic 6; a bare true counts as localized', () => {
    expect(score({ 'Solid tumor': 'Localized' })).toBe(2);
    expect(score({ 'Solid tumor': 'Metastatic' })).toBe(6);
    expect(score({ 'Solid tumor': true })).toBe(2);
    expect(score({ 'Solid tumor': false })).toBe(0);
  });

  it("moderate to severe CKD: true or 'Severe' → 2", () => {
    expect(score({ 'Moderate to severe Chronic Kidney Disease': true })).toBe(2);
    expect(score({ 'Moderate to severe Chronic Kidney Disease': 'Severe' })).toBe(2);
  });

  it(
    'worked example: 72 y (3) + MI (1) + CHF (1) + metastatic tumour (6) + moderate-severe liver (3) + end-organ ' +
      'DM (2) + lymphoma (2) = 18',
    () => {
      const r = charlson.compute({
        age: [72, 'years'],
        'Myocardial infarction': true,
        'Congestive Heart Faliure': true,
        'Solid tumor': 'Metastatic',
        'Liver disease severity': 'Moderate to Severe',
        'Diabetes mellitus criteria for CCI rule': 'End-organ damage',
        Lymphoma: true,
        AIDS: false,
      });
      expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 18 });
    },
  );

  it('names a missing age and an unknown tier', () => {
    expect(charlson.compute({ Dementia: true })).toMatchObject({ incomputable: true, missing: ['age'] });
    const r = charlson.compute({ ...base, 'Liver disease severity': 'somewhat' });
    expect(r.incomputable).toBe(true);
    if (r.incomputable) expect(r.missing[0]).toMatch(/^Liver disease severity/);
  });
});

describe('Charlson Comorbidity Index (32), medcalc-v1.0 defects', () => {
  it('capitalised tiers never match, so every tier string scores 1', () => {
    expect(score({ 'Solid tumor': 'Metastatic' }, 'medcalc-v1.0')).toBe(1);
    expect(score({ 'Liver disease severity': 'Moderate to Severe' }, 'medcalc-v1.0')).toBe(1);
    expect(score({ 'Diabetes mellitus criteria for CCI rule': 'End-organ damage' }, 'medcalc-v1.0')).toBe(1);
    expect(score({ 'Diabetes mellitus criteria for CCI rule': 'None or diet-controlled' }, 'medcalc-v1.0')).toBe(1);
  });

  it('lower-case tiers did match', () => {
    expect(score({ 'Solid tumor': 'metastatic' }, 'medcalc-v1.0')).toBe(6);
    expect(score({ 'Diabetes mellitus criteria for CCI rule': 'none or diet-controlled' }, 'medcalc-v1.0')).toBe(0);
  });

  it('a bare true tumour scores 1 (reference 2); other items as the reference', () => {
    expect(score({ 'Solid tumor': true }, 'medcalc-v1.0')).toBe(1);
    const e = {
      age: [65, 'years'],
      Hemiplegia: true,
      AIDS: true,
      'Cerebrovascular Accident': true,
      'Transient Ischemic Attacks History': true,
    } as Entities;
    expect(score(e, 'medcalc-v1.0')).toBe(score(e));
  });
});

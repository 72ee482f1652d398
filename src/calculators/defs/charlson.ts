import { defineCalculator, entities, shape } from '../define.js';
import type { Inputs } from '../shared/inputs.js';
import { scoreItem } from '../shared/tally.js';

/** Charlson Comorbidity Index: Charlson ME et al., J Chronic Dis 1987;40:373-83, with MDCalc's age points. */
export const charlson = defineCalculator({
  id: 32,
  slug: 'charlson',
  names: ['Charlson Comorbidity Index (CCI)'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/cci.py',
  reference:
    'Charlson ME, Pompei P, Ales KL, MacKenzie CR. A new method of classifying prognostic comorbidity in ' +
    'longitudinal studies. J Chronic Dis 1987;40:373-83; MDCalc "Charlson Comorbidity Index (CCI)" (age points)',
  entitySchema: entities(
    {
      age: shape.quantity,
      'Myocardial infarction': shape.flag,
      'Congestive Heart Faliure': shape.flag,
      'Peripheral vascular disease': shape.flag,
      'Cerebrovascular Accident': shape.flag,
      'Transient Ischemic Attacks History': shape.flag,
      'Connective tissue disease': shape.flag,
      Dementia: shape.flag,
      'Chronic Obstructive Pulmonary Disease': shape.flag,
      'Chronic Pulmonary Disease': shape.flag,
      Hemiplegia: shape.flag,
      'Peptic ulcer disease': shape.flag,
      'Liver disease severity': shape.text,
      'Diabetes mellitus criteria for CCI rule': shape.text,
      'Diabetes mellitus': shape.text,
      'Moderate to severe Chronic Kidney Disease': { anyOf: [shape.flag, shape.text] },
      'Solid tumor': { anyOf: [shape.flag, shape.text] },
      Leukemia: shape.flag,
      Lymphoma: shape.flag,
      AIDS: shape.flag,
    },
    ['age'],
  ),
  compute(inputs) {
    const age = inputs.ageYears();
    if (age === undefined) return inputs.incomputable();
    return inputs.isV1 ? computeV1(inputs, age) : computeReference(inputs, age);
  },
});

const COPD = ['Chronic Obstructive Pulmonary Disease', 'Chronic Pulmonary Disease'];
const DIABETES = ['Diabetes mellitus criteria for CCI rule', 'Diabetes mellitus'];

const LIVER_POINTS: Record<string, number> = { none: 0, mild: 1, moderate: 3, severe: 3, 'moderate to severe': 3 };
const DIABETES_POINTS: Record<string, number> = {
  none: 0,
  'none or diet-controlled': 0,
  'diet-controlled': 0,
  uncomplicated: 1,
  'end-organ damage': 2,
};
const TUMOR_POINTS: Record<string, number> = { none: 0, localized: 2, metastatic: 6 };

function computeReference(inputs: Inputs, age: number): ReturnType<Inputs['result']> {
  // Age bands count completed years (MDCalc): <50 → 0, 50–59 → 1, 60–69 → 2, 70–79 → 3, ≥80 → 4.
  const years = Math.floor(age);
  let total = inputs.step(
    'Age: <50 → 0, 50–59 → 1, 60–69 → 2, 70–79 → 3, ≥80 → 4',
    { years },
    years >= 80 ? 4 : years >= 70 ? 3 : years >= 60 ? 2 : years >= 50 ? 1 : 0,
  );
  total += scoreItem(inputs, 'Myocardial infarction', inputs.flag('Myocardial infarction'), 1);
  total += scoreItem(inputs, 'Congestive heart failure', inputs.flag('Congestive Heart Faliure'), 1);
  total += scoreItem(inputs, 'Peripheral vascular disease', inputs.flag('Peripheral vascular disease'), 1);
  total += scoreItem(
    inputs,
    'Cerebrovascular accident or TIA (one item)',
    inputs.flag('Cerebrovascular Accident') || inputs.flag('Transient Ischemic Attacks History'),
    1,
  );
  total += scoreItem(inputs, 'Dementia', inputs.flag('Dementia'), 1);
  total += scoreItem(inputs, 'Chronic pulmonary disease', inputs.anyFlag(COPD), 1);
  total += scoreItem(inputs, 'Connective tissue disease', inputs.flag('Connective tissue disease'), 1);
  total += scoreItem(inputs, 'Peptic ulcer disease', inputs.flag('Peptic ulcer disease'), 1);
  const liver = tier(inputs, ['Liver disease severity'], LIVER_POINTS, 1);
  const diabetes = tier(inputs, DIABETES, DIABETES_POINTS, 1);
  // A bare "true" for CKD or a tumour names the condition without a tier: CKD has one tier (2); a tumour
  // without a stage counts as localized (2), the lower tier, since metastasis is not stated.
  const ckd = tier(
    inputs,
    ['Moderate to severe Chronic Kidney Disease'],
    { 'moderate to severe': 2, moderate: 2, severe: 2, none: 0 },
    2,
  );
  const tumor = tier(inputs, ['Solid tumor'], TUMOR_POINTS, 2);
  if (liver === undefined || diabetes === undefined || ckd === undefined || tumor === undefined)
    return inputs.incomputable();
  total += inputs.step('Liver disease: mild → 1, moderate to severe → 3', { points: liver }, liver);
  total += inputs.step('Diabetes: uncomplicated → 1, end-organ damage → 2', { points: diabetes }, diabetes);
  total += scoreItem(inputs, 'Hemiplegia', inputs.flag('Hemiplegia'), 2);
  total += inputs.step('Moderate to severe CKD → 2', { points: ckd }, ckd);
  total += inputs.step('Solid tumor: localized → 2, metastatic → 6', { points: tumor }, tumor);
  total += scoreItem(inputs, 'Leukemia', inputs.flag('Leukemia'), 2);
  total += scoreItem(inputs, 'Lymphoma', inputs.flag('Lymphoma'), 2);
  total += scoreItem(inputs, 'AIDS', inputs.flag('AIDS'), 6);
  return inputs.result('integer', inputs.step('CCI = sum of points', undefined, total));
}

/**
 * Points of a tiered item given as a string (case-insensitive) or a boolean (true → `whenTrue`);
 * absent → 0. An unknown tier name is unusable and recorded as missing.
 */
function tier(
  inputs: Inputs,
  keys: readonly string[],
  table: Record<string, number>,
  whenTrue: number,
): number | undefined {
  const key = inputs.firstKey(keys);
  const raw = inputs.raw(key);
  if (raw === undefined) return 0;
  if (typeof raw === 'boolean') return raw ? whenTrue : 0;
  if (typeof raw === 'string') {
    const points = table[raw.trim().toLowerCase()];
    if (points !== undefined) return points;
  }
  inputs.missing.push(`${key} (value ${JSON.stringify(raw)} is not a known tier)`);
  return undefined;
}

/**
 * The v1.0 label code. It compared the tier strings in lower case ('mild', 'moderate to severe',
 * 'end-organ damage', 'metastatic', ...) while the entities are capitalised ('Mild', 'End-organ damage',
 * 'None or Diet-controlled'), so no tier ever matched and every non-empty string fell through to the
 * generic "present → 1 point" branch: metastatic tumour 1, severe liver disease 1, and even
 * "None or diet-controlled" diabetes 1. Its age bands (`49 < age < 60` ...) score like the reference.
 */
function computeV1(inputs: Inputs, age: number): ReturnType<Inputs['result']> {
  let total = inputs.step(
    'v1.0 age: <50 → 0, (49,60) → 1, (59,70) → 2, (69,80) → 3, ≥80 → 4',
    { age },
    age < 50 ? 0 : age > 49 && age < 60 ? 1 : age > 59 && age < 70 ? 2 : age > 69 && age < 80 ? 3 : age >= 80 ? 4 : 0,
  );
  const v1Item = (what: string, keys: readonly string[], points: number, exactTiers: Record<string, number> = {}) => {
    const raw = inputs.raw(inputs.firstKey(keys));
    if (typeof raw === 'string' && raw in exactTiers)
      return inputs.step(`v1.0 ${what}: tier '${raw}'`, { value: raw }, exactTiers[raw]);
    return inputs.step(
      `v1.0 ${what}: ${raw ? `present → +${points}` : 'absent → 0'}`,
      { value: raw ?? null },
      raw ? points : 0,
    );
  };
  total += v1Item('Myocardial infarction', ['Myocardial infarction'], 1);
  total += v1Item('Congestive heart failure', ['Congestive Heart Faliure'], 1);
  total += v1Item('Peripheral vascular disease', ['Peripheral vascular disease'], 1);
  total += inputs.step(
    'v1.0 CVA or TIA',
    undefined,
    inputs.flag('Cerebrovascular Accident') || inputs.flag('Transient Ischemic Attacks History') ? 1 : 0,
  );
  total += v1Item('Connective tissue disease', ['Connective tissue disease'], 1);
  total += v1Item('Dementia', ['Dementia'], 1);
  total += v1Item('COPD', COPD, 1);
  total += v1Item('Hemiplegia', ['Hemiplegia'], 2);
  total += v1Item('Peptic ulcer disease', ['Peptic ulcer disease'], 1);
  total += v1Item('Liver disease', ['Liver disease severity'], 1, { none: 0, mild: 1, 'moderate to severe': 3 });
  total += v1Item('Diabetes mellitus', DIABETES, 1, {
    'none or diet-controlled': 0,
    uncomplicated: 1,
    'end-organ damage': 2,
  });
  total += v1Item('Moderate to severe CKD', ['Moderate to severe Chronic Kidney Disease'], 2);
  total += v1Item('Solid tumor', ['Solid tumor'], 1, { none: 0, localized: 2, metastatic: 6 });
  total += v1Item('Leukemia', ['Leukemia'], 2);
  total += v1Item('Lymphoma', ['Lymphoma'], 2);
  total += v1Item('AIDS', ['AIDS'], 6);
  return inputs.result('integer', inputs.step('v1.0 CCI = sum of points', undefined, total));
}

import { defineCalculator, entities, shape } from '../define.js';
import type { Inputs } from '../shared/inputs.js';
import { readChoice } from '../shared/choices.js';
import { scoreItem } from '../shared/tally.js';

/** Yes/no risk factors and their 2005 points (Caprini 2005 table; MDCalc). DVT and PE are one item, below. */
const FLAG_ITEMS: ReadonlyArray<readonly [string, number]> = [
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
];

/** Type of surgery: laparoscopic and arthroscopic count with major (>45 min) surgery. */
const SURGERY_POINTS: Record<string, number> = {
  none: 0,
  minor: 1,
  major: 2,
  laparoscopic: 2,
  arthroscopic: 2,
  'elective major lower extremity arthroplasty': 5,
};
const MOBILITY_POINTS: Record<string, number> = { normal: 0, 'on bed rest': 1, 'confined to bed >72 hours': 2 };

/** Caprini Score for VTE (2005): Caprini JA, Dis Mon 2005;51:70-78 (as laid out by MDCalc). */
export const caprini = defineCalculator({
  id: 36,
  slug: 'caprini',
  names: ['Caprini Score for Venous Thromboembolism (2005)'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/caprini_score.py',
  reference:
    'Caprini JA. Thrombosis risk assessment as a guide to quality patient care. Dis Mon 2005;51:70-78; MDCalc ' +
    '"Caprini Score for Venous Thromboembolism (2005)"',
  entitySchema: entities(
    {
      age: shape.quantity,
      sex: shape.sex,
      'Surgery Type': shape.text,
      Mobility: shape.text,
      'Body Mass Index (BMI)': shape.quantity,
      ...Object.fromEntries(FLAG_ITEMS.map(([key]) => [key, shape.flag])),
      'Previously documented Deep Vein Thrombosis': shape.flag,
      'Previously Documented Pulmonary Embolism': shape.flag,
    },
    ['age'],
  ),
  compute(inputs) {
    const age = inputs.ageYears();
    if (age === undefined) return inputs.incomputable();
    return inputs.isV1 ? computeV1(inputs, age) : computeReference(inputs, age);
  },
});

function computeReference(inputs: Inputs, age: number): ReturnType<Inputs['result']> {
  // Absent means none / normal mobility (0 points); case and spacing are ignored.
  const surgery = readChoice(inputs, 'Surgery Type', SURGERY_POINTS, { absent: 0, exact: false })?.value;
  const mobility = readChoice(inputs, 'Mobility', MOBILITY_POINTS, { absent: 0, exact: false })?.value;
  if (surgery === undefined || mobility === undefined) return inputs.incomputable();
  // Age in completed years: ≤40 → 0, 41–60 → 1, 61–74 → 2, ≥75 → 3.
  const years = Math.floor(age);
  let total = inputs.step(
    'Age: ≤40 → 0, 41–60 → 1, 61–74 → 2, ≥75 → 3',
    { years },
    years >= 75 ? 3 : years >= 61 ? 2 : years >= 41 ? 1 : 0,
  );
  total += inputs.step(
    'Type of surgery: minor → 1, major/laparoscopic/arthroscopic → 2, elective major lower extremity arthroplasty → 5',
    { surgery: inputs.raw('Surgery Type') ?? 'none' },
    surgery,
  );
  total += inputs.step(
    'Mobility: bed rest → 1, confined to bed >72 h → 2',
    { mobility: inputs.raw('Mobility') ?? 'normal' },
    mobility,
  );
  for (const [key, points] of FLAG_ITEMS) total += scoreItem(inputs, key, inputs.flag(key), points);
  // Caprini 2005 and MDCalc have one item "History of DVT/PE" (3 points); the entities split it in two.
  const vte =
    inputs.flag('Previously documented Deep Vein Thrombosis') ||
    inputs.flag('Previously Documented Pulmonary Embolism');
  total += scoreItem(inputs, 'History of DVT/PE (one item, scored once)', vte, 3);
  const bmi = inputs.number('Body Mass Index (BMI)', false);
  total += scoreItem(inputs, `BMI ${bmi ?? 'not reported'} > 25`, bmi !== undefined && bmi > 25, 1);
  // Sex carries no points of its own in Caprini 2005; its women-only items are not among the entities.
  return inputs.result('integer', inputs.step('Caprini = sum of points', undefined, total));
}

/**
 * The v1.0 label code scored only age, type of surgery and mobility. For every yes/no risk factor it
 * wrote "we add N to the total" into the explanation but never added N to the score; it looked BMI up
 * under a key the entities do not have ('bmi'), so BMI never scored; sex never scored. Its age bands are
 * `≤40`, `41–60`, `61–74`, `≥75` on the raw value, so fractional ages between the bands score 0.
 */
function computeV1(inputs: Inputs, age: number): ReturnType<Inputs['result']> {
  let total = inputs.step(
    'v1.0 age: ≤40 → 0, [41,60] → 1, [61,74] → 2, ≥75 → 3',
    { age },
    age <= 40 ? 0 : age >= 41 && age <= 60 ? 1 : age >= 61 && age <= 74 ? 2 : age >= 75 ? 3 : 0,
  );
  const surgery = inputs.raw('Surgery Type');
  const mobility = inputs.raw('Mobility');
  // v1.0 looked choices up case-sensitively and stopped (KeyError) on an unknown one: no label.
  const surgeryPoints = surgery === undefined ? 0 : typeof surgery === 'string' ? SURGERY_POINTS[surgery] : undefined;
  const mobilityPoints =
    mobility === undefined ? 0 : typeof mobility === 'string' ? MOBILITY_POINTS[mobility] : undefined;
  if (surgeryPoints === undefined)
    inputs.missing.push(`Surgery Type (value ${JSON.stringify(surgery)} unknown to v1.0)`);
  if (mobilityPoints === undefined) inputs.missing.push(`Mobility (value ${JSON.stringify(mobility)} unknown to v1.0)`);
  if (surgeryPoints === undefined || mobilityPoints === undefined) return inputs.incomputable();
  total += inputs.step('v1.0 type of surgery', { surgery: surgery ?? null }, surgeryPoints);
  total += inputs.step('v1.0 mobility', { mobility: mobility ?? null }, mobilityPoints);
  inputs.step('v1.0 yes/no risk factors, BMI and sex: never added to the score', undefined, 0);
  return inputs.result('integer', inputs.step('v1.0 Caprini = age + surgery + mobility', undefined, total));
}

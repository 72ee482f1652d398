import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears } from '../shared/body.js';
import { PointsTally, type ScoreBand } from '../shared/tally.js';

const AGE_BANDS: ScoreBand[] = [
  { label: '≥ 75', when: (age) => age >= 75, points: 2 },
  { label: '65–74', when: (age) => age >= 65, points: 1 },
  { label: '< 65', when: () => true, points: 0 },
];

/** CHA₂DS₂-VASc stroke risk in atrial fibrillation (Lip et al., Chest 2010;137:263–72). */
export const cha2ds2Vasc = defineCalculator({
  id: 4,
  slug: 'cha2ds2-vasc',
  names: ['CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/cha2ds2_vasc_score.py',
  reference: 'Lip GYH et al. Chest 2010;137:263-72; MDCalc "CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk"',
  entitySchema: entities(
    {
      sex: shape.sex,
      age: shape.quantity,
      'Congestive Heart Faliure': shape.flag,
      'Hypertension history': shape.flag,
      Stroke: shape.flag,
      'Transient Ischemic Attacks History': shape.flag,
      'Thromboembolism history': shape.flag,
      'Vascular disease history': shape.flag,
      'Diabetes history': shape.flag,
    },
    ['sex', 'age'],
  ),
  compute(inputs) {
    const age = readAgeYears(inputs, { completedYears: true });
    const sex = inputs.text('sex');
    if (inputs.incomplete || age === undefined || sex === undefined) return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.band('Age', age, AGE_BANDS);
    tally.finding('Female sex', sex.trim().toLowerCase() === 'female', 1, { sex });
    tally.finding('Congestive heart failure', inputs.flag('Congestive Heart Faliure'), 1);
    tally.finding('Hypertension', inputs.flag('Hypertension history'), 1);
    // One criterion worth 2 however many of stroke, TIA and thromboembolism are present.
    const keys = ['Stroke', 'Transient Ischemic Attacks History', 'Thromboembolism history'];
    tally.finding(
      'Stroke, TIA or thromboembolism',
      inputs.anyFlag(keys),
      2,
      Object.fromEntries(keys.map((k) => [k, inputs.flag(k)])),
    );
    tally.finding(
      'Vascular disease (prior MI, peripheral artery disease, aortic plaque)',
      inputs.flag('Vascular disease history'),
      1,
    );
    tally.finding('Diabetes mellitus', inputs.flag('Diabetes history'), 1);
    return tally.finish('CHA₂DS₂-VASc', 'integer');
  },
});

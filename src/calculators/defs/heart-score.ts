import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears } from '../shared/body.js';
import { readChoice } from '../shared/choices.js';
import { PointsTally, type ScoreBand } from '../shared/tally.js';

const HISTORY = { 'Slightly suspicious': 0, 'Moderately suspicious': 1, 'Highly suspicious': 2 };
const ECG = { Normal: 0, 'Non-specific repolarization disturbance': 1, 'Significant ST deviation': 2 };
const TROPONIN = {
  'less than or equal to normal limit': 0,
  'between the normal limit or up to three times the normal limit': 1,
  'greater than three times normal limit': 2,
};

const AGE_BANDS: ScoreBand[] = [
  { label: '≥ 65', when: (age) => age >= 65, points: 2 },
  { label: '45–64', when: (age) => age >= 45, points: 1 },
  { label: '< 45', when: () => true, points: 0 },
];

/** The six counted risk factors, as (criterion, the data's spellings). */
const RISK_FACTORS: readonly (readonly [string, readonly string[]])[] = [
  ['hypertension', ['Hypertension history']],
  ['hypercholesterolemia', ['hypercholesterolemia']],
  ['diabetes mellitus', ['Diabetes mellitus criteria for CCI rule', 'Diabetes mellitus']],
  ['obesity (BMI > 30)', ['obesity']],
  ['smoking (current or quit ≤ 3 months)', ['smoking']],
  ['family history of CVD before 65', ['parent or sibling with Cardiovascular disease before age 65']],
];
const ATHEROSCLEROSIS = 'atherosclerotic disease';
/** MDCalc counts prior CVA/TIA as atherosclerotic disease. */
const TIA = 'Transient Ischemic Attacks History';

/** HEART score for major cardiac events (Six et al., Neth Heart J 2008;16:191–6; Backus et al., Int J Cardiol 2013). */
export const heartScore = defineCalculator({
  id: 18,
  slug: 'heart-score',
  names: ['HEART Score for Major Cardiac Events'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/heart_score.py',
  reference:
    'Six AJ et al. Neth Heart J 2008;16:191-6; Backus BE et al. Int J Cardiol 2013;168:2153-8; MDCalc "HEART ' +
    'Score for Major Cardiac Events"',
  entitySchema: entities(
    {
      age: shape.quantity,
      'Suspicion History': shape.text,
      'Electrocardiogram Test': shape.text,
      'Initial troponin': shape.text,
      ...Object.fromEntries(RISK_FACTORS.flatMap(([, keys]) => keys.map((key) => [key, shape.flag]))),
      [ATHEROSCLEROSIS]: shape.flag,
      [TIA]: shape.flag,
    },
    ['age', 'Suspicion History'],
  ),
  compute(inputs) {
    // v1.0 assumed the least suspicious option for an unreported history, ECG or troponin; the
    // reference cannot score a chest-pain patient without them.
    const required = !inputs.isV1;
    const history = readChoice(inputs, 'Suspicion History', HISTORY, { required });
    const ecg = readChoice(inputs, 'Electrocardiogram Test', ECG, { required });
    const troponin = readChoice(inputs, 'Initial troponin', TROPONIN, { required });
    const age = readAgeYears(inputs, { completedYears: true });
    if (inputs.incomplete || age === undefined) return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.add(`History: ${history?.phrase ?? 'not reported (v1.0: slightly suspicious)'}`, history?.value ?? 0);
    tally.add(`ECG: ${ecg?.phrase ?? 'not reported (v1.0: normal)'}`, ecg?.value ?? 0);
    tally.band('Age', age, AGE_BANDS);

    const present = RISK_FACTORS.filter(([, keys]) => inputs.anyFlag(keys)).map(([name]) => name);
    if (inputs.isV1) {
      // v1.0 counted atherosclerotic disease as a seventh risk factor, never as the override to 2 points,
      // and did not read TIA history.
      if (inputs.flag(ATHEROSCLEROSIS)) present.push(ATHEROSCLEROSIS);
      const points = present.length >= 3 ? 2 : present.length >= 1 ? 1 : 0;
      tally.add(`v1.0 risk factors: ${present.length} counted (atherosclerotic disease among them)`, points, {
        present,
      });
    } else {
      const atherosclerosis = inputs.anyFlag([ATHEROSCLEROSIS, TIA]);
      const points = atherosclerosis || present.length >= 3 ? 2 : present.length >= 1 ? 1 : 0;
      const why = atherosclerosis
        ? 'history of atherosclerotic disease (incl. CVA/TIA)'
        : `${present.length} risk factor(s)`;
      tally.add(`Risk factors: ${why}`, points, { present, atheroscleroticDisease: atherosclerosis });
    }
    tally.add(`Initial troponin: ${troponin?.phrase ?? 'not reported (v1.0: ≤ normal limit)'}`, troponin?.value ?? 0);
    return tally.finish('HEART score', 'integer');
  },
});

import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears } from '../shared/body.js';
import { PointsTally } from '../shared/tally.js';

const DRINKS = 'Number of Alcoholic Drinks Per Week';

/** The one-point findings, as (criterion, the data's spellings). */
const FINDINGS: readonly (readonly [string, readonly string[]])[] = [
  ['Hypertension (uncontrolled, systolic > 160 mmHg)', ['Hypertension history', 'Hypertension']],
  ['Renal disease (dialysis, transplant, Cr > 2.26 mg/dL)', ['Renal disease criteria for the HAS-BLED rule']],
  [
    'Liver disease (cirrhosis or bilirubin > 2× normal with AST/ALT/AP > 3× normal)',
    ['Liver disease criteria for the HAS-BLED rule'],
  ],
  ['Stroke history', ['Stroke']],
  ['Prior major bleeding or predisposition to bleeding', ['Prior major bleeding or predisposition to bleeding']],
  ['Labile INR', ['Labile international normalized ratio']],
  ['Medication predisposing to bleeding (antiplatelets, NSAIDs)', ['Medication usage predisposing to bleeding']],
];

/** HAS-BLED major bleeding risk on anticoagulation (Pisters et al., Chest 2010;138:1093–100). */
export const hasBled = defineCalculator({
  id: 25,
  slug: 'has-bled',
  names: ['HAS-BLED Score for Major Bleeding Risk'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/has_bled_score.py',
  reference: 'Pisters R et al. Chest 2010;138:1093-100; MDCalc "HAS-BLED Score for Major Bleeding Risk"',
  entitySchema: entities(
    {
      age: shape.quantity,
      [DRINKS]: shape.number,
      ...Object.fromEntries(FINDINGS.flatMap(([, keys]) => keys.map((key) => [key, shape.flag]))),
    },
    ['age'],
  ),
  compute(inputs) {
    const age = readAgeYears(inputs, { completedYears: true });
    // The drink count is history, like the findings: not reported means no alcohol criterion.
    // The v1.0 code could not run without it.
    const drinks = inputs.number(DRINKS, inputs.isV1);
    if (inputs.incomplete || age === undefined) return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.finding('Elderly (age > 65)', age > 65, 1, { age });
    tally.finding('Alcohol use (≥ 8 drinks/week)', (drinks ?? 0) >= 8, 1, { drinksPerWeek: drinks ?? 'not reported' });
    for (const [criterion, keys] of FINDINGS) tally.finding(criterion, inputs.anyFlag(keys), 1);
    return tally.finish('HAS-BLED', 'integer');
  },
});

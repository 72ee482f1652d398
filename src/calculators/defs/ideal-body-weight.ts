import { defineCalculator, entities, shape } from '../define.js';
import { devineIdealWeightKg, heightShape } from './_body-and-dates-helpers.js';

/** Ideal body weight, Devine formula (Devine BJ, Drug Intell Clin Pharm 1974;8:650): 50/45.5 kg + 2.3 kg per inch over 60 in. */
export const idealBodyWeight = defineCalculator({
  id: 10,
  reference: 'Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650-655; MDCalc "Ideal Body Weight and Adjusted Body Weight"',
  entitySchema: entities({ sex: shape.sex, height: heightShape }, ['sex', 'height']),
  compute(inputs) {
    // Applied as written also below 60 in (the formula then subtracts), as MDCalc does.
    const ibw = devineIdealWeightKg(inputs);
    if (ibw === undefined) return inputs.incomputable();
    return inputs.result('decimal', ibw);
  },
});

import { defineCalculator, entities, shape } from '../define.js';
import { devineIdealWeightKg, heightShape } from '../shared/body.js';

/**
 * Ideal body weight, Devine formula (Devine BJ, Drug Intell Clin Pharm 1974;8:650): 50/45.5 kg + 2.3 kg per inch over
 * 60 in.
 */
export const idealBodyWeight = defineCalculator({
  id: 10,
  slug: 'ideal-body-weight',
  names: ['Ideal Body Weight'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/ideal_body_weight.py',
  reference:
    'Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650-655; MDCalc "Ideal Body Weight and ' +
    'Adjusted Body Weight"',
  entitySchema: entities({ sex: shape.sex, height: heightShape }, ['sex', 'height']),
  compute(inputs) {
    // Applied as written also below 60 in (the formula then subtracts), as MDCalc does.
    const ibw = devineIdealWeightKg(inputs);
    if (ibw === undefined) return inputs.incomputable();
    return inputs.result('decimal', ibw);
  },
});

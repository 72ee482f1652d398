import { defineCalculator, entities, shape } from '../define.js';
import { devineIdealWeightKg, heightShape, readWeightKg } from '../shared/body.js';
import { decimalResult } from '../shared/v1-quirks.js';

/**
 * Adjusted body weight: ABW = IBW + 0.4 × (actual weight − IBW), IBW by Devine (MDCalc "Ideal Body Weight and Adjusted
 * Body Weight").
 */
export const adjustedBodyWeight = defineCalculator({
  id: 62,
  slug: 'adjusted-body-weight',
  names: ['Adjusted Body Weight'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/adjusted_body_weight.py',
  reference:
    'MDCalc "Ideal Body Weight and Adjusted Body Weight": ABW = IBW + 0.4 × (weight − IBW), IBW by Devine (1974)',
  entitySchema: entities({ sex: shape.sex, weight: shape.quantity, height: heightShape }, ['sex', 'weight', 'height']),
  compute(inputs) {
    const kg = readWeightKg(inputs);
    const ibw = devineIdealWeightKg(inputs);
    if (kg === undefined || ibw === undefined) return inputs.incomputable();
    // The question asks for "the adjusted body weight formula", so it is applied also when weight < IBW.
    const abw = inputs.step('ABW = IBW + 0.4 × (weight − IBW)', { ibwKg: ibw, weightKg: kg }, ibw + 0.4 * (kg - ibw));
    return decimalResult(inputs, abw);
  },
});

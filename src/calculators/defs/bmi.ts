import { defineCalculator, entities, shape } from '../define.js';
import { heightShape, readHeight, readWeightKg } from '../shared/body.js';
import { decimalResult } from '../shared/v1-quirks.js';

/**
 * Body Mass Index: weight (kg) / height (m)². Quetelet; WHO, "Obesity: preventing and managing the global epidemic"
 * (2000).
 */
export const bmi = defineCalculator({
  id: 6,
  slug: 'bmi',
  names: ['Body Mass Index (BMI)'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/bmi_calculator.py',
  reference: 'WHO Technical Report Series 894 (2000); MDCalc "Body Mass Index (BMI) and Body Surface Area (BSA)"',
  entitySchema: entities({ weight: shape.quantity, height: heightShape }, ['weight', 'height']),
  compute(inputs) {
    // Under medcalc-v1.0 both read with the original code's rounded conversions (cm → m rounded to 3 decimals).
    const kg = readWeightKg(inputs);
    const m = readHeight(inputs, 'm');
    if (kg === undefined || m === undefined) return inputs.incomputable();
    const value = inputs.step('BMI = weight / height²', { weightKg: kg, heightM: m }, kg / (m * m));
    return decimalResult(inputs, value);
  },
});

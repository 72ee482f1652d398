import { defineCalculator, entities, shape } from '../define.js';
import { decimalResult, heightShape, readHeight, readWeightKg } from './_body-and-dates-helpers.js';

/** Body Mass Index: weight (kg) / height (m)². Quetelet; WHO, "Obesity: preventing and managing the global epidemic" (2000). */
export const bmi = defineCalculator({
  id: 6,
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

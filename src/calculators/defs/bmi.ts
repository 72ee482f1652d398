import { defineCalculator, entities, shape } from '../define.js';
import { roundV1 } from '../inputs.js';

/** Body Mass Index: weight (kg) / height (m)². Quetelet; WHO, "Obesity: preventing and managing the global epidemic" (2000). */
export const bmi = defineCalculator({
  id: 6,
  reference: 'WHO Technical Report Series 894 (2000); MDCalc "Body Mass Index (BMI) and Body Surface Area (BSA)"',
  entitySchema: entities({ weight: shape.quantity, height: shape.quantity }, ['weight', 'height']),
  compute(inputs) {
    let kg = inputs.weightKg();
    let cm = inputs.heightCm();
    if (kg === undefined || cm === undefined) return inputs.incomputable();
    // The v1.0 code rounded every unit conversion to 3 decimals before using it.
    if (inputs.isV1) [kg, cm] = [roundV1(kg), roundV1(cm)];
    const m = cm / 100;
    const value = inputs.step('BMI = weight / height²', { weightKg: kg, heightM: m }, kg / (m * m));
    return inputs.result('decimal', value);
  },
});

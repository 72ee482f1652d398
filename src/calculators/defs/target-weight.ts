import { defineCalculator, entities, shape } from '../define.js';
import { heightShape, readHeight } from '../shared/body.js';
import { decimalResult } from '../shared/v1-quirks.js';

const BMI_KEY = 'Body Mass Index (BMI)';

/**
 * Target weight for a target BMI: weight (kg) = BMI × height (m)², the BMI definition solved for weight (WHO TRS 894,
 * 2000).
 */
export const targetWeight = defineCalculator({
  id: 61,
  slug: 'target-weight',
  names: ['Target weight'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/target_weight.py',
  reference:
    'BMI = kg/m² (WHO Technical Report Series 894, 2000) solved for weight: target weight = target BMI × height²',
  entitySchema: entities({ [BMI_KEY]: shape.quantity, height: heightShape }, [BMI_KEY, 'height']),
  compute(inputs) {
    const target = inputs.quantity(BMI_KEY);
    const m = readHeight(inputs, 'm');
    if (target && !/^kg\/m(\^2|²|2)$/.test(target[1].trim()))
      inputs.missing.push(`${BMI_KEY} (unit '${target[1]}' is not kg/m²)`);
    else if (target && !(target[0] > 0)) inputs.missing.push(`${BMI_KEY} (not positive)`);
    if (inputs.incomplete || !target || m === undefined) return inputs.incomputable();
    const kg = inputs.step('target weight = target BMI × height²', { bmi: target[0], heightM: m }, target[0] * (m * m));
    return decimalResult(inputs, kg);
  },
});

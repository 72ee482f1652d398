import { defineCalculator, entities, shape } from '../define.js';
import { heightShape, readHeight, readWeightKg } from '../shared/body.js';
import { decimalResult } from '../shared/v1-quirks.js';

/**
 * Body surface area, Mosteller: BSA (m²) = √(height (cm) × weight (kg) / 3600) (Mosteller RD, N Engl J Med
 * 1987;317:1098).
 */
export const bodySurfaceArea = defineCalculator({
  id: 60,
  slug: 'body-surface-area',
  names: ['Body Surface Area Calculator'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/bsa_calculator.py',
  reference: 'Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098',
  entitySchema: entities({ weight: shape.quantity, height: heightShape }, ['weight', 'height']),
  compute(inputs) {
    const kg = readWeightKg(inputs);
    const cm = readHeight(inputs, 'cm');
    if (kg === undefined || cm === undefined) return inputs.incomputable();
    const bsa = inputs.step(
      'BSA = √(height cm × weight kg / 3600)',
      { weightKg: kg, heightCm: cm },
      Math.sqrt((kg * cm) / 3600),
    );
    return decimalResult(inputs, bsa);
  },
});

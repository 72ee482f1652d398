import { defineCalculator, entities, shape } from '../define.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/**
 * Sodium corrected for hyperglycemia, Hillier et al., Am J Med 1999;106:399–403: Na + 0.024 × (glucose − 100),
 * i.e. 2.4 mEq/L per 100 mg/dL of glucose above 100.
 */
export const sodiumCorrection = defineCalculator({
  id: 26,
  slug: 'sodium-correction',
  names: ['Sodium Correction for Hyperglycemia'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/sodium_correction_hyperglycemia.py',
  reference:
    'Hillier TA, Abbott RD, Barrett EJ. Am J Med 1999;106:399-403 (2.4 mEq/L per 100 mg/dL glucose); MDCalc ' +
    '"Sodium Correction for Hyperglycemia"',
  entitySchema: entities({ Sodium: shape.quantity, Glucose: shape.quantity }, ['Sodium', 'Glucose']),
  compute(inputs) {
    const sodium = readConcentration(inputs, 'Sodium', 'mEq/L', { analyte: 'sodium', v1: V1_ANALYTE.sodium });
    const glucose = readConcentration(inputs, 'Glucose', 'mg/dL', { analyte: 'glucose', v1: V1_ANALYTE.glucose });
    if (sodium === undefined || glucose === undefined) return inputs.incomputable();
    // Two coefficients are in use: Katz 1973 (1.6) and Hillier 1999 (2.4). The question names none; we use
    // Hillier, the empirically measured one, which the v1.0 labels and the Verified question also use.
    const coefficient = inputs.step(
      'coefficient: Hillier 1999, 2.4 mEq/L per 100 mg/dL (not Katz 1.6)',
      undefined,
      0.024,
    );
    const corrected = sodium + coefficient * (glucose - 100);
    const value = inputs.step(
      'corrected Na = Na + 0.024 × (glucose − 100), mEq/L',
      { sodiumMEqL: sodium, glucoseMgDl: glucose },
      roundIfV1(inputs, corrected),
    );
    return inputs.result('decimal', value);
  },
});

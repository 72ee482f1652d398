import { defineCalculator, entities, shape } from '../define.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/** Calculated serum osmolality: 2 × Na + BUN / 2.8 + glucose / 18 (mOsm/kg; Na mmol/L, BUN and glucose mg/dL). */
export const serumOsmolality = defineCalculator({
  id: 30,
  slug: 'serum-osmolality',
  names: ['Serum Osmolality'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/sOsm.py',
  reference:
    'Calculated serum osmolality 2·Na + BUN/2.8 + glucose/18 (Dorwart & Chalmers, Clin Chem 1975;21:190-4); ' +
    'MDCalc "Serum Osmolality/Osmolarity"',
  entitySchema: entities(
    { Sodium: shape.quantity, 'Blood Urea Nitrogen (BUN)': shape.quantity, Glucose: shape.quantity },
    ['Sodium', 'Blood Urea Nitrogen (BUN)', 'Glucose'],
  ),
  compute(inputs) {
    const sodium = readConcentration(inputs, 'Sodium', 'mmol/L', { analyte: 'sodium', v1: V1_ANALYTE.sodium });
    const bun = readConcentration(inputs, 'Blood Urea Nitrogen (BUN)', 'mg/dL', { analyte: 'bun', v1: V1_ANALYTE.bun });
    const glucose = readConcentration(inputs, 'Glucose', 'mg/dL', { analyte: 'glucose', v1: V1_ANALYTE.glucose });
    if (sodium === undefined || bun === undefined || glucose === undefined) return inputs.incomputable();
    const osm = 2 * sodium + bun / 2.8 + glucose / 18;
    const value = inputs.step(
      'osmolality = 2 × Na + BUN / 2.8 + glucose / 18, mOsm/kg',
      { sodiumMmolL: sodium, bunMgDl: bun, glucoseMgDl: glucose },
      roundIfV1(inputs, osm),
    );
    return inputs.result('decimal', value);
  },
});

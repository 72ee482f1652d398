import { defineCalculator, entities, shape } from '../define.js';
import { NORMAL_ALBUMIN_G_DL } from '../shared/anion-gap.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/**
 * Calcium corrected for hypoalbuminemia, Payne et al., BMJ 1973;4:643–6: Ca + 0.8 × (4 − albumin), with
 * calcium in mg/dL, albumin in g/dL and the normal albumin of 4 g/dL the question sets.
 */
export const calciumCorrection = defineCalculator({
  id: 7,
  slug: 'calcium-correction',
  names: ['Calcium Correction for Hypoalbuminemia'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/calcium_correction.py',
  reference:
    'Payne RB et al. BMJ 1973;4:643-6; MDCalc "Calcium Correction for Hypoalbuminemia" (normal albumin 4 g/dL, ' +
    'as the question sets)',
  entitySchema: entities({ Calcium: shape.quantity, Albumin: shape.quantity }, ['Calcium', 'Albumin']),
  compute(inputs) {
    const calcium = readConcentration(inputs, 'Calcium', 'mg/dL', { analyte: 'calcium', v1: V1_ANALYTE.calcium });
    const albumin = readConcentration(inputs, 'Albumin', 'g/dL', { analyte: 'albumin', v1: V1_ANALYTE.albumin });
    if (calcium === undefined || albumin === undefined) return inputs.incomputable();
    const corrected = calcium + 0.8 * (NORMAL_ALBUMIN_G_DL - albumin);
    const value = inputs.step(
      'corrected Ca = Ca + 0.8 × (4 − albumin), mg/dL',
      { calciumMgDl: calcium, albuminGdL: albumin },
      roundIfV1(inputs, corrected),
    );
    return inputs.result('decimal', value);
  },
});

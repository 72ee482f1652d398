import { defineCalculator, entities, shape } from '../define.js';
import { albuminCorrectedAnionGap, anionGap, deltaGap, readAlbumin, readElectrolytes } from './_renal-and-lab-helpers.js';

/** Albumin-corrected delta gap = (AG + 2.5 × (4 − albumin)) − 12 (Figge 1998 correction; MDCalc). */
export const albuminCorrectedDeltaGap = defineCalculator({
  id: 66,
  reference: 'Figge J et al. Crit Care Med 1998;26:1807-10 (albumin correction); MDCalc "Albumin Corrected Delta Gap" (corrected AG − 12)',
  entitySchema: entities(
    { Sodium: shape.quantity, Chloride: shape.quantity, Bicarbonate: shape.quantity, Albumin: shape.quantity },
    ['Sodium', 'Chloride', 'Bicarbonate', 'Albumin'],
  ),
  compute(inputs) {
    const e = readElectrolytes(inputs);
    const albumin = readAlbumin(inputs);
    if (!e || albumin === undefined) return inputs.incomputable();
    const corrected = albuminCorrectedAnionGap(inputs, anionGap(inputs, e), albumin);
    return inputs.result('decimal', deltaGap(inputs, corrected, 'albumin-corrected anion gap'));
  },
});

import { defineCalculator, entities, shape } from '../define.js';
import { albuminCorrectedAnionGap as correctedGap, anionGap, readAlbumin, readElectrolytes } from './_renal-and-lab-helpers.js';

/** Albumin-corrected anion gap = AG + 2.5 × (4 − albumin g/dL) (Figge et al., Crit Care Med 1998;26:1807–10). */
export const albuminCorrectedAnionGap = defineCalculator({
  id: 65,
  reference: 'Figge J, Jabor A, Kazda A, Fencl V. Crit Care Med 1998;26:1807-10; MDCalc "Albumin Corrected Anion Gap" (AG + 2.5 × (4 − albumin))',
  entitySchema: entities(
    { Sodium: shape.quantity, Chloride: shape.quantity, Bicarbonate: shape.quantity, Albumin: shape.quantity },
    ['Sodium', 'Chloride', 'Bicarbonate', 'Albumin'],
  ),
  compute(inputs) {
    const e = readElectrolytes(inputs);
    const albumin = readAlbumin(inputs);
    if (!e || albumin === undefined) return inputs.incomputable();
    return inputs.result('decimal', correctedGap(inputs, anionGap(inputs, e), albumin));
  },
});

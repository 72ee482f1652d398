import { defineCalculator, entities, shape } from '../define.js';
import { albuminCorrectedAnionGap, anionGap, deltaGap, deltaRatio, readAlbumin, readElectrolytes } from './_renal-and-lab-helpers.js';

/** Albumin-corrected delta ratio = (corrected AG − 12) / (24 − HCO₃⁻) (Figge 1998 correction; MDCalc). */
export const albuminCorrectedDeltaRatio = defineCalculator({
  id: 67,
  reference: 'Figge J et al. Crit Care Med 1998;26:1807-10 (albumin correction); MDCalc "Albumin Corrected Delta Ratio" ((corrected AG − 12) / (24 − HCO3))',
  entitySchema: entities(
    { Sodium: shape.quantity, Chloride: shape.quantity, Bicarbonate: shape.quantity, Albumin: shape.quantity },
    ['Sodium', 'Chloride', 'Bicarbonate', 'Albumin'],
  ),
  compute(inputs) {
    const e = readElectrolytes(inputs);
    const albumin = readAlbumin(inputs);
    if (!e || albumin === undefined) return inputs.incomputable();
    const corrected = albuminCorrectedAnionGap(inputs, anionGap(inputs, e), albumin);
    const ratio = deltaRatio(inputs, deltaGap(inputs, corrected, 'albumin-corrected anion gap'), e.bicarbonate);
    return ratio === undefined ? inputs.incomputable() : inputs.result('decimal', ratio);
  },
});

import { defineCalculator } from '../define.js';
import { deltaGap, deltaRatio, electrolytesAndAlbuminSchema, readCorrectedAnionGap } from './_renal-and-lab-helpers.js';

/** Albumin-corrected delta ratio = (corrected AG − 12) / (24 − HCO₃⁻) (Figge 1998 correction; MDCalc). */
export const albuminCorrectedDeltaRatio = defineCalculator({
  id: 67,
  reference: 'Figge J et al. Crit Care Med 1998;26:1807-10 (albumin correction); MDCalc "Albumin Corrected Delta Ratio" ((corrected AG − 12) / (24 − HCO3))',
  entitySchema: electrolytesAndAlbuminSchema,
  compute(inputs) {
    const gap = readCorrectedAnionGap(inputs);
    if (!gap) return inputs.incomputable();
    const ratio = deltaRatio(inputs, deltaGap(inputs, gap.corrected, 'albumin-corrected anion gap'), gap.bicarbonate);
    return ratio === undefined ? inputs.incomputable() : inputs.result('decimal', ratio);
  },
});

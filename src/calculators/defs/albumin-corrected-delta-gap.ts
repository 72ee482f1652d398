import { defineCalculator } from '../define.js';
import { deltaGap, electrolytesAndAlbuminSchema, readCorrectedAnionGap } from './_renal-and-lab-helpers.js';

/** Albumin-corrected delta gap = (AG + 2.5 × (4 − albumin)) − 12 (Figge 1998 correction; MDCalc). */
export const albuminCorrectedDeltaGap = defineCalculator({
  id: 66,
  reference: 'Figge J et al. Crit Care Med 1998;26:1807-10 (albumin correction); MDCalc "Albumin Corrected Delta Gap" (corrected AG − 12)',
  entitySchema: electrolytesAndAlbuminSchema,
  compute(inputs) {
    const gap = readCorrectedAnionGap(inputs);
    if (!gap) return inputs.incomputable();
    return inputs.result('decimal', deltaGap(inputs, gap.corrected, 'albumin-corrected anion gap'));
  },
});

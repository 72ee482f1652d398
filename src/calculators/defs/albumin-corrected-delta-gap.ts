import { defineCalculator } from '../define.js';
import { deltaGapOf, electrolytesAndAlbuminSchema, readCorrectedAnionGap } from '../shared/anion-gap.js';

/** Albumin-corrected delta gap = (AG + 2.5 × (4 − albumin)) − 12 (Figge 1998 correction; MDCalc). */
export const albuminCorrectedDeltaGap = defineCalculator({
  id: 66,
  slug: 'albumin-corrected-delta-gap',
  names: ['Albumin Corrected Delta Gap'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/albumin_corrected_delta_gap.py',
  reference:
    'Figge J et al. Crit Care Med 1998;26:1807-10 (albumin correction); MDCalc "Albumin Corrected Delta Gap" ' +
    '(corrected AG − 12)',
  entitySchema: electrolytesAndAlbuminSchema,
  compute(inputs) {
    const gap = readCorrectedAnionGap(inputs);
    if (!gap) return inputs.incomputable();
    return inputs.result('decimal', deltaGapOf(inputs, gap.corrected, 'albumin-corrected anion gap'));
  },
});

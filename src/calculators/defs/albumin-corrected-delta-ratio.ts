import { defineCalculator } from '../define.js';
import { deltaGapOf, deltaRatioOf, electrolytesAndAlbuminSchema, readCorrectedAnionGap } from '../shared/anion-gap.js';

/** Albumin-corrected delta ratio = (corrected AG − 12) / (24 − HCO₃⁻) (Figge 1998 correction; MDCalc). */
export const albuminCorrectedDeltaRatio = defineCalculator({
  id: 67,
  slug: 'albumin-corrected-delta-ratio',
  names: ['Albumin Corrected Delta Ratio'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/albumin_delta_ratio.py',
  reference:
    'Figge J et al. Crit Care Med 1998;26:1807-10 (albumin correction); MDCalc "Albumin Corrected Delta Ratio" ' +
    '((corrected AG − 12) / (24 − HCO3))',
  entitySchema: electrolytesAndAlbuminSchema,
  compute(inputs) {
    const gap = readCorrectedAnionGap(inputs);
    if (!gap) return inputs.incomputable();
    const ratio = deltaRatioOf(
      inputs,
      deltaGapOf(inputs, gap.corrected, 'albumin-corrected anion gap'),
      gap.bicarbonate,
    );
    return ratio === undefined ? inputs.incomputable() : inputs.result('decimal', ratio);
  },
});

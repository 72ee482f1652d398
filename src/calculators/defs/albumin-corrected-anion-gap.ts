import { defineCalculator } from '../define.js';
import { electrolytesAndAlbuminSchema, readCorrectedAnionGap } from '../shared/anion-gap.js';

/** Albumin-corrected anion gap = AG + 2.5 × (4 − albumin g/dL) (Figge et al., Crit Care Med 1998;26:1807–10). */
export const albuminCorrectedAnionGap = defineCalculator({
  id: 65,
  slug: 'albumin-corrected-anion-gap',
  names: ['Albumin Corrected Anion Gap'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/albumin_corrected_anion.py',
  reference:
    'Figge J, Jabor A, Kazda A, Fencl V. Crit Care Med 1998;26:1807-10; MDCalc "Albumin Corrected Anion Gap" (AG ' +
    '+ 2.5 × (4 − albumin))',
  entitySchema: electrolytesAndAlbuminSchema,
  compute(inputs) {
    const gap = readCorrectedAnionGap(inputs);
    return gap ? inputs.result('decimal', gap.corrected) : inputs.incomputable();
  },
});

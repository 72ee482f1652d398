import { defineCalculator } from '../define.js';
import { anionGapOf, deltaGapOf, deltaRatioOf, electrolytesSchema, readElectrolytes } from '../shared/anion-gap.js';

/** Delta ratio = (anion gap − 12) / (24 − HCO₃⁻) (Rastegar, JASN 2007;18:2429–31; MDCalc "Delta Ratio"). */
export const deltaRatio = defineCalculator({
  id: 64,
  slug: 'delta-ratio',
  names: ['Delta Ratio'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/delta_ratio.py',
  reference:
    'Rastegar A. Use of the ΔAG/ΔHCO3- ratio in the diagnosis of mixed acid-base disorders. JASN ' +
    '2007;18:2429-31; MDCalc "Delta Ratio" ((AG − 12) / (24 − HCO3))',
  entitySchema: electrolytesSchema,
  compute(inputs) {
    const e = readElectrolytes(inputs);
    if (!e) return inputs.incomputable();
    const ratio = deltaRatioOf(inputs, deltaGapOf(inputs, anionGapOf(inputs, e)), e.bicarbonate);
    return ratio === undefined ? inputs.incomputable() : inputs.result('decimal', ratio);
  },
});

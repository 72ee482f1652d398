import { defineCalculator } from '../define.js';
import { anionGapOf, electrolytesSchema, readElectrolytes } from '../shared/anion-gap.js';

/** Serum anion gap = Na − (Cl + HCO₃⁻), mEq/L (Emmett & Narins, Medicine 1977;56:38–54). */
export const anionGap = defineCalculator({
  id: 39,
  slug: 'anion-gap',
  names: ['Anion Gap'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/anion_gap.py',
  reference: 'Emmett M, Narins RG. Medicine 1977;56:38-54; MDCalc "Anion Gap" (Na − (Cl + HCO3))',
  entitySchema: electrolytesSchema,
  compute(inputs) {
    const e = readElectrolytes(inputs);
    if (!e) return inputs.incomputable();
    return inputs.result('decimal', anionGapOf(inputs, e));
  },
});

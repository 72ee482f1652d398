import { defineCalculator } from '../define.js';
import { anionGap as computeAnionGap, electrolytesSchema, readElectrolytes } from './_renal-and-lab-helpers.js';

/** Serum anion gap = Na − (Cl + HCO₃⁻), mEq/L (Emmett & Narins, Medicine 1977;56:38–54). */
export const anionGap = defineCalculator({
  id: 39,
  reference: 'Emmett M, Narins RG. Medicine 1977;56:38-54; MDCalc "Anion Gap" (Na − (Cl + HCO3))',
  entitySchema: electrolytesSchema,
  compute(inputs) {
    const e = readElectrolytes(inputs);
    if (!e) return inputs.incomputable();
    return inputs.result('decimal', computeAnionGap(inputs, e));
  },
});

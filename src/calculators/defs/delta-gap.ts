import { defineCalculator } from '../define.js';
import { anionGapOf, deltaGapOf, electrolytesSchema, readElectrolytes } from '../shared/anion-gap.js';

/** Delta gap = anion gap − 12 mEq/L (normal anion gap 12; MDCalc "Delta Gap"; Wrenn, Ann Emerg Med 1990;19:1310–3). */
export const deltaGap = defineCalculator({
  id: 63,
  slug: 'delta-gap',
  names: ['Delta Gap'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/delta_gap.py',
  reference: 'Wrenn K. The delta (delta) gap. Ann Emerg Med 1990;19:1310-3; MDCalc "Delta Gap" (AG − 12)',
  entitySchema: electrolytesSchema,
  compute(inputs) {
    const e = readElectrolytes(inputs);
    if (!e) return inputs.incomputable();
    return inputs.result('decimal', deltaGapOf(inputs, anionGapOf(inputs, e)));
  },
});

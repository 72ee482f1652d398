import { defineCalculator, entities, shape } from '../define.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/** Fractional excretion of sodium (Espinel, JAMA 1976;236:579–81): 100 × (UNa × SCr) / (SNa × UCr), %. */
export const fena = defineCalculator({
  id: 40,
  slug: 'fena',
  names: ['Fractional Excretion of Sodium (FENa)'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/compute_fena.py',
  reference:
    'Espinel CH. JAMA 1976;236:579-81; MDCalc "Fractional Excretion of Sodium (FENa)" (100 × UNa × SCr / (SNa × UCr))',
  entitySchema: entities(
    {
      Sodium: shape.quantity,
      'Urine sodium': shape.quantity,
      creatinine: shape.quantity,
      'Urine creatinine': shape.quantity,
    },
    ['Sodium', 'Urine sodium', 'creatinine', 'Urine creatinine'],
  ),
  compute(inputs) {
    const sodium = readConcentration(inputs, 'Sodium', 'mEq/L', { analyte: 'sodium', v1: V1_ANALYTE.sodium });
    const creatinine = readConcentration(inputs, 'creatinine', 'mg/dL', {
      analyte: 'creatinine',
      v1: V1_ANALYTE.creatinine,
    });
    const urineSodium = readConcentration(inputs, 'Urine sodium', 'mEq/L', {
      analyte: 'sodium',
      v1: V1_ANALYTE.sodium,
    });
    const urineCreatinine = readConcentration(inputs, 'Urine creatinine', 'mg/dL', {
      analyte: 'creatinine',
      v1: V1_ANALYTE.creatinine,
    });
    if (sodium === undefined || creatinine === undefined || urineSodium === undefined || urineCreatinine === undefined)
      return inputs.incomputable();
    const fraction = ((creatinine * urineSodium) / (sodium * urineCreatinine)) * 100;
    const value = inputs.step(
      'FENa = 100 × (SCr × UNa) / (SNa × UCr), %',
      { sodium, urineSodium, creatinine, urineCreatinine },
      roundIfV1(inputs, fraction),
    );
    return inputs.result('decimal', value);
  },
});

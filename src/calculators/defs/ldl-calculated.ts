import { defineCalculator, entities, shape } from '../define.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/** LDL cholesterol by Friedewald, Clin Chem 1972;18:499–502: total − HDL − triglycerides / 5 (all mg/dL). */
export const ldlCalculated = defineCalculator({
  id: 44,
  slug: 'ldl-calculated',
  names: ['LDL Calculated'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/ldl_calculated.py',
  reference:
    'Friedewald WT, Levy RI, Fredrickson DS. Clin Chem 1972;18:499-502 (TC − HDL − TG/5, mg/dL); MDCalc "LDL ' +
    'Calculated"',
  entitySchema: entities(
    {
      'Total cholesterol': shape.quantity,
      'high-density lipoprotein cholesterol': shape.quantity,
      Triglycerides: shape.quantity,
    },
    ['Total cholesterol', 'high-density lipoprotein cholesterol', 'Triglycerides'],
  ),
  compute(inputs) {
    const total = readConcentration(inputs, 'Total cholesterol', 'mg/dL', {
      analyte: 'cholesterol',
      v1: V1_ANALYTE.cholesterol,
    });
    const hdl = readConcentration(inputs, 'high-density lipoprotein cholesterol', 'mg/dL', {
      analyte: 'cholesterol',
      v1: V1_ANALYTE.cholesterol,
    });
    const triglycerides = readConcentration(inputs, 'Triglycerides', 'mg/dL', {
      analyte: 'triglycerides',
      v1: V1_ANALYTE.triglycerides,
    });
    if (total === undefined || hdl === undefined || triglycerides === undefined) return inputs.incomputable();
    if (!inputs.isV1 && triglycerides >= 400) {
      // Friedewald is not valid at TG ≥ 400 mg/dL; MDCalc still computes it, so do we, with a visible warning.
      inputs.step(
        'warning: triglycerides ≥ 400 mg/dL, Friedewald is unreliable',
        { triglyceridesMgDl: triglycerides },
        true,
      );
    }
    const ldl = total - hdl - triglycerides / 5;
    const value = inputs.step(
      'LDL = TC − HDL − TG / 5, mg/dL',
      { totalMgDl: total, hdlMgDl: hdl, triglyceridesMgDl: triglycerides },
      roundIfV1(inputs, ldl),
    );
    return inputs.result('decimal', value);
  },
});

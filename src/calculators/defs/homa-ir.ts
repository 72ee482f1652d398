import { defineCalculator, entities, shape } from '../define.js';
import type { Inputs } from '../shared/inputs.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/** HOMA-IR, Matthews et al., Diabetologia 1985;28:412–9: fasting insulin (µIU/mL) × fasting glucose (mg/dL) / 405. */
export const homaIr = defineCalculator({
  id: 31,
  slug: 'homa-ir',
  names: ['HOMA-IR (Homeostatic Model Assessment for Insulin Resistance)'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/homa_ir.py',
  reference: 'Matthews DR et al. Diabetologia 1985;28:412-9 (insulin µIU/mL × glucose mg/dL / 405); MDCalc "HOMA-IR"',
  entitySchema: entities({ Insulin: shape.quantity, Glucose: shape.quantity }, ['Insulin', 'Glucose']),
  compute(inputs) {
    const insulin = readInsulin(inputs);
    const glucose = readConcentration(inputs, 'Glucose', 'mg/dL', { analyte: 'glucose', v1: V1_ANALYTE.glucose });
    if (insulin === undefined || glucose === undefined) return inputs.incomputable();
    const value = inputs.step(
      'HOMA-IR = insulin × glucose / 405',
      { insulinUIUmL: insulin, glucoseMgDl: glucose },
      roundIfV1(inputs, (insulin * glucose) / 405),
    );
    return inputs.result('decimal', value);
  },
});

/**
 * Insulin in µIU/mL. 1 µIU/mL = 6 pmol/L (the conventional factor; 6.945 by the WHO standard), and
 * 1 ng/mL = 24.8 µIU/mL. v1.0 multiplied pmol/L by 6 instead of dividing (no data row uses pmol/L).
 */
function readInsulin(inputs: Inputs): number | undefined {
  const q = inputs.quantity('Insulin');
  if (!q) return undefined;
  const unit = q[1].trim().replace('μ', 'µ').replace(/^u/i, 'µ').toLowerCase();
  if (unit === 'µiu/ml' || unit === 'mu/l' || unit === 'miu/l' || unit === 'µu/ml') return q[0];
  if (unit === 'pmol/l')
    return inputs.step(
      inputs.isV1 ? 'insulin: pmol/L × 6 (v1.0 defect)' : 'insulin: pmol/L ÷ 6 → µIU/mL',
      { pmolL: q[0] },
      inputs.isV1 ? q[0] * 6 : q[0] / 6,
    );
  if (unit === 'ng/ml') return inputs.step('insulin: ng/mL × 24.8 → µIU/mL', { ngMl: q[0] }, q[0] * 24.8);
  inputs.missing.push(`Insulin (unit '${q[1]}' not convertible to µIU/mL)`);
  return undefined;
}

import { defineCalculator, entities, shape } from '../define.js';
import { decimalResult } from '../shared/v1-quirks.js';

/** Mean arterial pressure: MAP = DBP + (SBP − DBP) / 3 = (2·DBP + SBP) / 3 (MDCalc "Mean Arterial Pressure (MAP)"). */
export const meanArterialPressure = defineCalculator({
  id: 5,
  slug: 'mean-arterial-pressure',
  names: ['Mean Arterial Pressure (MAP)'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/mean_arterial_pressure.py',
  reference: 'MDCalc "Mean Arterial Pressure (MAP)": MAP = 2/3 · DBP + 1/3 · SBP',
  entitySchema: entities({ 'Systolic Blood Pressure': shape.quantity, 'Diastolic Blood Pressure': shape.quantity }, [
    'Systolic Blood Pressure',
    'Diastolic Blood Pressure',
  ]),
  compute(inputs) {
    // v1.0 used the bare numbers; the reference converts kPa where a note gives it.
    const read = (key: string) => (inputs.isV1 ? inputs.number(key) : inputs.pressureMmHg(key));
    const sbp = read('Systolic Blood Pressure');
    const dbp = read('Diastolic Blood Pressure');
    if (sbp === undefined || dbp === undefined) return inputs.incomputable();
    const map = inputs.step('MAP = 2/3 · DBP + 1/3 · SBP (mm Hg)', { sbp, dbp }, (2 * dbp) / 3 + sbp / 3);
    return decimalResult(inputs, map);
  },
});

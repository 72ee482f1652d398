import { defineCalculator, entities, shape } from '../define.js';
import { readWeightKg } from '../shared/body.js';
import { decimalResult } from '../shared/v1-quirks.js';

/**
 * Maintenance fluids by the Holliday-Segar "4-2-1" rule: 4 mL/kg/h for the first 10 kg, 2 mL/kg/h for the
 * next 10 kg, 1 mL/kg/h above 20 kg (Holliday MA, Segar WE. Pediatrics 1957;19:823-832).
 */
export const maintenanceFluids = defineCalculator({
  id: 22,
  slug: 'maintenance-fluids',
  names: ['Maintenance Fluids Calculations'],
  category: 'physical',
  kind: 'decimal',
  v1Source: 'calculator_implementations/maintenance_fluid_calc.py',
  reference:
    'Holliday MA, Segar WE. The maintenance need for water in parenteral fluid therapy. Pediatrics ' +
    '1957;19:823-832 (4-2-1 rule, mL/hr)',
  entitySchema: entities({ weight: shape.quantity }, ['weight']),
  compute(inputs) {
    const kg = readWeightKg(inputs);
    if (kg === undefined) return inputs.incomputable();
    // The three bands meet at 10 kg (40 mL/h) and 20 kg (60 mL/h), so either side of a boundary agrees.
    let rate: number;
    if (kg < 10) rate = inputs.step('weight < 10 kg: 4 mL/kg/h × weight', { weightKg: kg }, kg * 4);
    else if (kg <= 20)
      rate = inputs.step('10–20 kg: 40 mL/h + 2 mL/kg/h × (weight − 10)', { weightKg: kg }, 40 + 2 * (kg - 10));
    else rate = inputs.step('weight > 20 kg: 60 mL/h + 1 mL/kg/h × (weight − 20)', { weightKg: kg }, 60 + (kg - 20));
    return decimalResult(inputs, rate);
  },
});

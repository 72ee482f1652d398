import { defineCalculator, entities } from '../define.js';
import { datesSchema, formatUsDate, readDate } from '../shared/dates.js';

/**
 * Estimated gestational age from the LMP: completed weeks and days from the LMP to the current date (ACOG Committee
 * Opinion 700, 2017).
 */
export const gestationalAge = defineCalculator({
  id: 69,
  slug: 'gestational-age',
  names: ['Estimated Gestational Age'],
  category: 'date',
  kind: 'gestational-age',
  v1Source: 'calculator_implementations/estimated_gestational_age.py',
  reference:
    'Gestational age = current date − LMP, in completed weeks + days; ACOG Committee Opinion No. 700, Methods ' +
    'for Estimating the Due Date (2017)',
  // The current date is an entity of its own ('Current Date'), the day the note was written.
  entitySchema: entities({ 'Current Date': datesSchema.date, 'Last menstrual date': datesSchema.date }, [
    'Current Date',
    'Last menstrual date',
  ]),
  compute(inputs) {
    const today = readDate(inputs, 'Current Date');
    const lmp = readDate(inputs, 'Last menstrual date');
    if (inputs.incomplete || today === undefined || lmp === undefined) return inputs.incomputable();
    let days = inputs.step(
      'days from LMP to current date',
      { lmp: formatUsDate(lmp), today: formatUsDate(today) },
      today - lmp,
    );
    if (days < 0) {
      // v1.0 took the absolute gap; an LMP after the current date has no gestational age.
      if (!inputs.isV1) {
        inputs.missing.push('Last menstrual date (after the Current Date)');
        return inputs.incomputable();
      }
      days = inputs.step('v1.0: absolute gap', { days }, -days);
    }
    const weeks = Math.floor(days / 7);
    return inputs.result(
      'gestational-age',
      inputs.step('weeks = ⌊days / 7⌋, days = days mod 7', { days }, [weeks, days - weeks * 7]),
    );
  },
});

import { defineCalculator, entities } from '../define.js';
import { datesSchema, formatUsDate, readCycleLength, readDate } from '../shared/dates.js';

/**
 * Estimated date of conception: ovulation about 14 days before the next menses, LMP + (cycle − 14) days,
 * i.e. LMP + 14 days for a 28-day cycle; consistent with a due date of conception + 266 days
 * (ACOG Committee Opinion 700, 2017).
 */
export const estimatedConception = defineCalculator({
  id: 68,
  slug: 'estimated-conception',
  names: ['Estimated of Conception', 'Estimated Date of Conception'],
  category: 'date',
  kind: 'date',
  v1Source: 'calculator_implementations/estimated_conception_date.py',
  reference:
    'Conception ≈ ovulation = LMP + (cycle length − 14) d (due date = conception + 266 d); ACOG Committee ' +
    'Opinion No. 700 (2017)',
  entitySchema: entities({ 'Last menstrual date': datesSchema.date, 'cycle length': datesSchema.cycle }, [
    'Last menstrual date',
  ]),
  compute(inputs) {
    const lmp = readDate(inputs, 'Last menstrual date');
    if (inputs.isV1) {
      // The v1.0 code added two weeks whatever the cycle length, though its question names the cycle length.
      if (lmp === undefined) return inputs.incomputable();
      return inputs.result(
        'date',
        inputs.step('v1.0: LMP + 14 days (cycle length ignored)', { lmp: formatUsDate(lmp) }, formatUsDate(lmp + 14)),
      );
    }
    const cycle = readCycleLength(inputs);
    if (inputs.incomplete || lmp === undefined || cycle === undefined) return inputs.incomputable();
    const conception = inputs.step(
      'conception = LMP + (cycle length − 14) days',
      { lmp: formatUsDate(lmp), cycle },
      formatUsDate(lmp + cycle - 14),
    );
    return inputs.result('date', conception);
  },
});

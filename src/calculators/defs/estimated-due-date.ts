import { defineCalculator, entities } from '../define.js';
import { datesSchema, formatUsDate, readCycleLength, readDate } from '../shared/dates.js';

/**
 * Estimated due date by Naegele's rule with the cycle-length adjustment: LMP + 280 days + (cycle − 28)
 * days, since ovulation falls about 14 days before the next menses (ACOG Committee Opinion 700, 2017).
 */
export const estimatedDueDate = defineCalculator({
  id: 13,
  slug: 'estimated-due-date',
  names: ['Estimated Due Date'],
  category: 'date',
  kind: 'date',
  v1Source: 'calculator_implementations/estimated_due_date.py',
  reference:
    "Naegele's rule, LMP + 280 d, adjusted by (cycle length − 28) d; ACOG Committee Opinion No. 700, Methods for " +
    'Estimating the Due Date (2017)',
  entitySchema: entities({ 'Last menstrual date': datesSchema.date, 'cycle length': datesSchema.cycle }, [
    'Last menstrual date',
  ]),
  compute(inputs) {
    const lmp = readDate(inputs, 'Last menstrual date');
    const cycle = readCycleLength(inputs);
    if (inputs.incomplete || lmp === undefined || cycle === undefined) return inputs.incomputable();
    const naegele = inputs.step('LMP + 40 weeks (280 days)', { lmp: formatUsDate(lmp) }, formatUsDate(lmp + 280));
    // A short cycle means earlier ovulation and an earlier due date: the adjustment is signed. The v1.0
    // code added |cycle − 28|, so cycles under 28 days moved the date later instead.
    const shift = inputs.isV1
      ? inputs.step('v1.0 adjustment: + |cycle − 28| days', { cycle }, Math.abs(cycle - 28))
      : inputs.step('cycle adjustment: + (cycle − 28) days', { cycle }, cycle - 28);
    const due = inputs.step(
      `due date = ${naegele} ${shift < 0 ? '−' : '+'} ${Math.abs(shift)} days`,
      undefined,
      formatUsDate(lmp + 280 + shift),
    );
    return inputs.result('date', due);
  },
});

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { estimatedDueDate } from '../../src/calculators/defs/estimated-due-date.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const due = (lmp: string, cycle?: number, options?: typeof V1) => {
  const r = estimatedDueDate.compute(
    cycle === undefined ? { 'Last menstrual date': lmp } : { 'Last menstrual date': lmp, 'cycle length': cycle },
    options,
  );
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value;
};

// Reference: Naegele's rule LMP + 280 days, + (cycle − 28) days (ACOG CO 700).
describe('Estimated due date (13)', () => {
  it('28-day cycle: 01/01/2021 + 280 days = 10/08/2021 (day 281 of the year)', () => {
    expect(due('01/01/2021', 28)).toBe('10/08/2021');
  });
  it('adjusts by the signed cycle difference', () => {
    expect(due('01/01/2021', 24)).toBe('10/04/2021');
    expect(due('01/01/2021', 32)).toBe('10/12/2021');
  });
  it('crosses a leap day: 06/01/2023 + 280 days = 03/07/2024', () => {
    expect(due('06/01/2023', 28)).toBe('03/07/2024');
  });
  it('assumes 28 days when the cycle length is not given', () => {
    expect(due('01/01/2021')).toBe('10/08/2021');
  });
  it('medcalc-v1.0 adds |cycle − 28|, so a short cycle moves the date later (label defect)', () => {
    expect(due('01/01/2021', 24, V1)).toBe('10/12/2021');
    expect(due('01/01/2021', 32, V1)).toBe('10/12/2021');
  });
  it('names a missing or impossible date', () => {
    expect(estimatedDueDate.compute({ 'cycle length': 28 })).toMatchObject({
      incomputable: true,
      missing: ['Last menstrual date'],
    });
    expect(estimatedDueDate.compute({ 'Last menstrual date': '02/30/2021', 'cycle length': 28 })).toMatchObject({
      incomputable: true,
      missing: ["Last menstrual date ('02/30/2021' is not a date MM/DD/YYYY)"],
    });
  });
});

describe('estimatedDueDate entity schema', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(estimatedDueDate.entitySchema);
  it("accepts the data's shapes and rejects others", () => {
    expect(validate({ 'Last menstrual date': '07/04/2019', 'cycle length': 31 })).toBe(true);
    expect(validate({ 'Last menstrual date': '07/04/2019' })).toBe(true);
    expect(validate({ 'Last menstrual date': '2019-07-04', 'cycle length': 31 })).toBe(false);
  });
});

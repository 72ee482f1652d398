import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { gestationalAge } from '../../src/calculators/defs/gestational-age.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const ga = (today: string, lmp: string, options?: typeof V1) =>
  gestationalAge.compute({ 'Current Date': today, 'Last menstrual date': lmp }, options);

// Reference: gestational age = current date − LMP in completed weeks and days (ACOG CO 700).
describe('Estimated gestational age (69)', () => {
  it('counts the leap day: 01/01/2024 → 03/01/2024 is 60 days = 8 weeks 4 days', () => {
    expect(ga('03/01/2024', '01/01/2024')).toMatchObject({ kind: 'gestational-age', value: [8, 4] });
  });
  it('without a leap day the same dates are 59 days = 8 weeks 3 days', () => {
    expect(ga('03/01/2023', '01/01/2023')).toMatchObject({ value: [8, 3] });
  });
  it('same day is 0 weeks 0 days; 7 days is 1 week 0 days', () => {
    expect(ga('05/10/2022', '05/10/2022')).toMatchObject({ value: [0, 0] });
    expect(ga('05/17/2022', '05/10/2022')).toMatchObject({ value: [1, 0] });
  });
  it('an LMP after the current date is incomputable; medcalc-v1.0 took the absolute gap', () => {
    expect(ga('05/10/2022', '05/20/2022')).toMatchObject({
      incomputable: true,
      missing: ['Last menstrual date (after the Current Date)'],
    });
    expect(ga('05/10/2022', '05/20/2022', V1)).toMatchObject({ value: [1, 3] });
  });
  it('names a missing current date', () => {
    expect(gestationalAge.compute({ 'Last menstrual date': '05/10/2022' })).toMatchObject({
      incomputable: true,
      missing: ['Current Date'],
    });
  });
});

describe('gestationalAge entity schema', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(gestationalAge.entitySchema);
  it("accepts the data's shapes and rejects others", () => {
    expect(validate({ 'Current Date': '09/01/2019', 'Last menstrual date': '07/04/2019' })).toBe(true);
    expect(validate({ 'Last menstrual date': '07/04/2019' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { hasBled } from '../../src/calculators/defs/has-bled.js';

// Reference: Pisters et al., Chest 2010 (MDCalc). One point each: hypertension, renal disease, liver
// disease, stroke, prior bleeding, labile INR, age > 65, bleeding-prone medication, ≥ 8 drinks/week.
const person = (years: number, drinks = 0) => ({
  age: [years, 'years'],
  'Number of Alcoholic Drinks Per Week': drinks,
});

describe('HAS-BLED (25)', () => {
  it('sums the criteria', () => {
    // age 70 + 10 drinks + hypertension + stroke = 4
    const r = hasBled.compute({ ...person(70, 10), 'Hypertension history': true, Stroke: true });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 4 });
  });

  it('reaches 9 with every criterion', () => {
    const r = hasBled.compute({
      ...person(80, 14),
      Hypertension: true,
      'Renal disease criteria for the HAS-BLED rule': true,
      'Liver disease criteria for the HAS-BLED rule': true,
      Stroke: true,
      'Prior major bleeding or predisposition to bleeding': true,
      'Labile international normalized ratio': true,
      'Medication usage predisposing to bleeding': true,
    });
    expect(r).toMatchObject({ value: 9 });
  });

  it.each([
    [65, 0, 0],
    [66, 0, 1],
    [40, 7, 0],
    [40, 8, 1],
  ])('age %i with %i drinks/week scores %i', (years, drinks, points) => {
    expect(hasBled.compute(person(years, drinks))).toMatchObject({ value: points });
  });

  it('takes an unreported drink count as no alcohol criterion; v1.0 could not run without it', () => {
    expect(hasBled.compute({ age: [70, 'years'] })).toMatchObject({ value: 1 });
    expect(hasBled.compute({ age: [70, 'years'] }, { convention: 'medcalc-v1.0' })).toMatchObject({
      incomputable: true,
      missing: ['Number of Alcoholic Drinks Per Week'],
    });
  });

  it('names a missing age', () => {
    expect(hasBled.compute({ 'Number of Alcoholic Drinks Per Week': 2 })).toMatchObject({
      incomputable: true,
      missing: ['age'],
    });
  });
});

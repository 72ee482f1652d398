import { describe, expect, it } from 'vitest';
import { centorMcisaac } from '../../src/calculators/defs/centor-mcisaac.js';

// Reference: McIsaac et al. 1998/2004 (MDCalc). Age 3–14 +1, 15–44 0, ≥ 45 −1; exudate/swelling +1;
// tender/swollen anterior nodes +1; temperature > 38 °C +1; cough absent +1.
const afebrile = (years: number, unit = 'years') => ({ age: [years, unit], Temperature: [37, 'degrees celsius'] });

describe('Centor (McIsaac) score (20)', () => {
  it('scores the maximum of 5 for a febrile child with every sign', () => {
    const r = centorMcisaac.compute({
      age: [10, 'years'],
      Temperature: [38.5, 'degrees celsius'],
      'Exudate or swelling on tonsils': true,
      'Tender/swollen anterior cervical lymph nodes': true,
      'Cough Absent': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 5 });
  });

  it.each([
    [3, 1],
    [14, 1],
    [15, 0],
    [44, 0],
    [45, -1],
    // under 3 no band applies
    [2, 0],
  ])('age %i scores %i', (years, points) => {
    expect(centorMcisaac.compute(afebrile(years))).toMatchObject({ value: points });
  });

  it('takes an age in months as completed years', () => {
    // 14 months = 1 year: no age band; 40 months = 3 years: +1
    expect(centorMcisaac.compute(afebrile(14, 'months'))).toMatchObject({ value: 0 });
    expect(centorMcisaac.compute(afebrile(40, 'months'))).toMatchObject({ value: 1 });
  });

  it.each([
    [38.0, 'degrees celsius', 0],
    [38.1, 'degrees celsius', 1],
    // (100.4 − 32) × 5/9 = 38.0 °C: not above 38
    [100.4, 'degrees fahreinheit', 0],
    // (101 − 32) × 5/9 = 38.33 °C
    [101, 'degrees fahreinheit', 1],
  ])('temperature %d %s scores %i', (value, unit, points) => {
    expect(centorMcisaac.compute({ age: [30, 'years'], Temperature: [value, unit] })).toMatchObject({ value: points });
  });

  it('names a missing temperature', () => {
    expect(centorMcisaac.compute({ age: [30, 'years'] })).toMatchObject({
      incomputable: true,
      missing: ['Temperature'],
    });
  });

  it('agrees under medcalc-v1.0', () => {
    const entities = { age: [20, 'years'], Temperature: [101, 'degrees fahreinheit'], 'Cough Absent': true };
    expect(centorMcisaac.compute(entities, { convention: 'medcalc-v1.0' })).toMatchObject({ value: 2 });
  });
});

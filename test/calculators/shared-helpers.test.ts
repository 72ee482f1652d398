import { describe, expect, it } from 'vitest';
import { readAgeYears, readWeightKg } from '../../src/calculators/shared/body.js';
import { readChoice } from '../../src/calculators/shared/choices.js';
import { Inputs } from '../../src/calculators/shared/inputs.js';
import { PointsTally, scoreItem } from '../../src/calculators/shared/tally.js';
import { roundIfV1, roundV1, v1AgeYears, v1WeightKg } from '../../src/calculators/shared/v1-quirks.js';

const ref = (entities: Record<string, unknown>) => new Inputs(entities as never, 'reference');
const v1 = (entities: Record<string, unknown>) => new Inputs(entities as never, 'medcalc-v1.0');

// Upstream: calculator_implementations/age_conversion.py:1-20 and weight_conversion.py:3-15 at
// ncbi-nlp/MedCalc-Bench f557a04 (the code that made the v1.0 labels).
describe('v1.0 age: age_conversion', () => {
  it('keeps years, floors months / 12 and weeks / 52, and makes days 0', () => {
    expect(v1AgeYears(87, 'years')).toBe(87);
    expect(v1AgeYears(17, 'months')).toBe(1);
    expect(v1AgeYears(11, 'months')).toBe(0);
    expect(v1AgeYears(104, 'weeks')).toBe(2);
    expect(v1AgeYears(51, 'weeks')).toBe(0);
    expect(v1AgeYears(400, 'days')).toBe(0);
    expect(v1AgeYears(3, 'fortnights')).toBeUndefined();
  });

  it('is what readAgeYears returns under medcalc-v1.0, with or without completed years', () => {
    for (const completedYears of [false, true]) {
      expect(readAgeYears(v1({ age: [17, 'months'] }), { completedYears })).toBe(1);
      expect(readAgeYears(v1({ age: [104, 'weeks'] }), { completedYears })).toBe(2);
      expect(readAgeYears(v1({ age: [70.5, 'years'] }), { completedYears })).toBe(70.5);
    }
    const inputs = v1({ age: [3, 'fortnights'] });
    expect(readAgeYears(inputs)).toBeUndefined();
    expect(inputs.missing).toEqual(["age (unit 'fortnights' not convertible to years)"]);
  });

  it('under reference: fractional years for formulas, completed years for score bands', () => {
    expect(readAgeYears(ref({ age: [18, 'months'] }))).toBe(1.5);
    expect(readAgeYears(ref({ age: [74.9, 'years'] }), { completedYears: true })).toBe(74);
    expect(readAgeYears(ref({ age: [74.9, 'years'] }))).toBe(74.9);
  });
});

describe('v1.0 weight: weight_conversion_explanation', () => {
  it("converts 'lbs' with 0.453592 rounded, 'g' by 1000 unrounded, and takes any other unit as kg", () => {
    expect(v1WeightKg(142, 'lbs').kg).toBe(64.41);
    expect(v1WeightKg(2180, 'g').kg).toBe(2.18);
    expect(v1WeightKg(1234, 'g').kg).toBe(1.234);
    expect(v1WeightKg(70, 'kg')).toEqual({ kg: 70 });
    expect(v1WeightKg(70, 'stone')).toEqual({ kg: 70 });
  });

  it('readWeightKg refuses a weight that is not positive under both conventions', () => {
    for (const inputs of [ref({ weight: [0, 'kg'] }), v1({ weight: [-3, 'lbs'] })]) {
      expect(readWeightKg(inputs)).toBeUndefined();
      expect(inputs.missing).toEqual(['weight (not a positive weight)']);
    }
    expect(readWeightKg(ref({ weight: [10, 'lbs'] }))).toBeCloseTo(4.5359237, 9);
    expect(readWeightKg(v1({ weight: [10, 'lbs'] }))).toBe(4.536);
  });
});

describe('choices, tallies and rounding share one rule each', () => {
  it('readChoice: exact under v1.0, case- and space-insensitive under reference, absent as a given value', () => {
    const options = { 'on bed rest': 1, normal: 0 };
    expect(readChoice(ref({ Mobility: ' On  Bed rest ' }), 'Mobility', options)?.value).toBe(1);
    const exact = v1({ Mobility: 'On bed rest' });
    expect(readChoice(exact, 'Mobility', options)).toBeUndefined();
    expect(exact.missing).toEqual(["Mobility (unrecognized value 'On bed rest')"]);
    expect(readChoice(ref({}), 'Mobility', options, { absent: 0 })).toEqual({ phrase: 'not reported', value: 0 });
    const required = ref({});
    expect(readChoice(required, 'Mobility', options)).toBeUndefined();
    expect(required.missing).toEqual(['Mobility']);
  });

  it('PointsTally.item records the same step as scoreItem and adds its points', () => {
    const a = ref({});
    const b = ref({});
    const tally = new PointsTally(a);
    expect(tally.item('Leukemia', true, 2)).toBe(scoreItem(b, 'Leukemia', true, 2));
    tally.item('AIDS', false, 6);
    scoreItem(b, 'AIDS', false, 6);
    expect(a.steps).toEqual(b.steps);
    expect(tally.total).toBe(2);
  });

  it('roundIfV1 is roundV1 under medcalc-v1.0 and the identity under reference', () => {
    expect(roundIfV1(v1({}), 2.34567)).toBe(roundV1(2.34567));
    expect(roundIfV1(v1({}), 2.34567)).toBe(2.346);
    expect(roundIfV1(ref({}), 2.34567)).toBe(2.34567);
  });
});

describe('every calculator names the upstream v1.0 file its medcalc-v1.0 convention reproduces', () => {
  it('as a calculator_implementations/*.py path', async () => {
    const { allCalculators } = await import('../../src/calculators/registry.js');
    for (const c of allCalculators())
      expect(c.v1Source, `calculator ${c.id}`).toMatch(/^calculator_implementations\/[\w-]+\.py$/);
  });
});

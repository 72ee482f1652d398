import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { mme } from '../../src/calculators/defs/mme.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const value = (r: ReturnType<typeof mme.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};
const dose = (drug: string, amount: number, unit: string, perDay: number) => ({
  [`${drug} Dose`]: [amount, unit],
  [`${drug} Dose Per Day`]: [perDay, 'per day'],
});

// Reference: CDC 2022 opioid guideline factors: oxycodone 1.5, methadone 4.7, tramadol 0.2, codeine 0.15,
// fentanyl buccal 0.13 per µg, fentanyl patch 2.4 per µg/h. MME/day = Σ dose × doses/day × factor.
describe('Morphine milligram equivalents (49)', () => {
  it('oxycodone 10 mg × 4/day = 60; + fentanyl patch 25 µg/h × 1 × 2.4 = 60 → 120', () => {
    expect(
      value(mme.compute({ ...dose('OxyCODONE', 10, 'mg', 4), ...dose('FentANYL patch', 25, 'µg/hr', 1) })),
    ).toBeCloseTo(120, 9);
  });
  it('methadone 10 mg × 3 × 4.7 = 141; tramadol 50 mg × 4 × 0.2 = 40', () => {
    expect(value(mme.compute({ ...dose('Methadone', 10, 'mg', 3), ...dose('TraMADol', 50, 'mg', 4) }))).toBeCloseTo(
      181,
      9,
    );
  });
  it('fentanyl buccal is per µg: 200 µg × 2 × 0.13 = 52, also when given as 0.2 mg', () => {
    expect(value(mme.compute(dose('FentaNYL buccal', 200, 'µg', 2)))).toBeCloseTo(52, 9);
    expect(value(mme.compute(dose('FentaNYL buccal', 0.2, 'mg', 2)))).toBeCloseTo(52, 9);
  });
  it("reads a patch dose written with 'mg' as µg/h (patches exist only in µg/h)", () => {
    const r = mme.compute(dose('FentANYL patch', 25, 'mg', 1));
    expect(value(r)).toBeCloseTo(60, 9);
    expect(r.steps.some((s) => s.what.includes('read as µg/h'))).toBe(true);
  });
  it('medcalc-v1.0 rounds the running total; same factors', () => {
    // codeine 30 mg × 3 × 0.15 = 13.5; + morphine 20 × 1 = 33.5
    expect(mme.compute({ ...dose('Codeine', 30, 'mg', 3), ...dose('Morphine', 20, 'mg', 1) }, V1)).toMatchObject({
      value: 33.5,
    });
  });
  it('buprenorphine has no CDC 2022 factor (v1.0 used 10)', () => {
    expect(mme.compute(dose('Buprenorphine', 1, 'mg', 1))).toMatchObject({
      incomputable: true,
      missing: ['Buprenorphine Dose (no CDC 2022 MME conversion factor)'],
    });
    expect(mme.compute(dose('Buprenorphine', 1, 'mg', 1), V1)).toMatchObject({ value: 10 });
  });
  it('names a missing doses-per-day and an empty list', () => {
    expect(mme.compute({ 'Morphine Dose': [10, 'mg'] })).toMatchObject({
      incomputable: true,
      missing: ['Morphine Dose Per Day'],
    });
    expect(mme.compute({})).toMatchObject({ incomputable: true });
  });
});

describe('mme entity schema', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(mme.entitySchema);
  it("accepts the data's shapes and rejects others", () => {
    expect(
      validate({
        'Morphine Dose': [15, 'mg'],
        'Morphine Dose Per Day': [2, 'per day'],
        'FentaNYL buccal Dose': [100, 'µg'],
        'FentaNYL buccal Dose Per Day': [1, 'per day'],
      }),
    ).toBe(true);
    expect(validate({ 'Morphine Dose': 15 })).toBe(false);
  });
});

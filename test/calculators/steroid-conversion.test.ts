import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { steroidConversion } from '../../src/calculators/defs/steroid-conversion.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const convert = (input: [string, number, string], target: string, options?: typeof V1) =>
  steroidConversion.compute({ 'input steroid': input, 'target steroid': target }, options);
const value = (r: ReturnType<typeof steroidConversion.compute>) => {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
};

// Reference: MDCalc equivalents (mg): betamethasone 0.75, cortisone 25, dexamethasone 0.75, hydrocortisone 20,
// methylprednisolone 4, prednisolone 5, prednisone 5, triamcinolone 4. target = dose × target eq / input eq.
describe('Steroid conversion (24)', () => {
  it('prednisone 10 mg = hydrocortisone 10 × 20 / 5 = 40 mg', () => {
    expect(value(convert(['PredniSONE PO', 10, 'mg'], 'Hydrocortisone IV'))).toBeCloseTo(40, 9);
  });
  it('dexamethasone 4 mg = prednisone 4 × 5 / 0.75 = 26.667 mg', () => {
    expect(value(convert(['Dexamethasone IV', 4, 'mg'], 'PredniSONE PO'))).toBeCloseTo(26.666667, 5);
  });
  it('methylprednisolone 8 mg = prednisolone 10 mg; same drug other route is unchanged', () => {
    expect(value(convert(['MethylPrednisoLONE IV', 8, 'mg'], 'PrednisoLONE PO'))).toBeCloseTo(10, 9);
    expect(value(convert(['Dexamethasone IV', 6, 'mg'], 'Dexamethasone PO'))).toBeCloseTo(6, 9);
  });
  it('matches names case-insensitively and converts g to mg', () => {
    // 0.1 g cortisone = 100 mg → triamcinolone 100 × 4 / 25 = 16 mg
    expect(value(convert(['cortisone po', 0.1, 'g'], 'TRIAMCINOLONE IV'))).toBeCloseTo(16, 9);
  });
  it('medcalc-v1.0 rounds the ratio of its dexamethasone-relative table', () => {
    // hydrocortisone 100 mg → dexamethasone: reference 100 × 0.75 / 20 = 3.75;
    // v1.0: factor 1 / 26.67 = 0.037495 → 0.037; 100 × 0.037 = 3.7
    expect(value(convert(['Hydrocortisone PO', 100, 'mg'], 'Dexamethasone PO'))).toBeCloseTo(3.75, 9);
    expect(convert(['Hydrocortisone PO', 100, 'mg'], 'Dexamethasone PO', V1)).toMatchObject({ value: 3.7 });
  });
  it('names a steroid missing from the table and missing inputs', () => {
    expect(convert(['PredniSONE PO', 10, 'mg'], 'PredniSONE IV')).toMatchObject({
      incomputable: true,
      missing: ["target steroid ('PredniSONE IV' is not in the equivalence table)"],
    });
    expect(steroidConversion.compute({ 'target steroid': 'PredniSONE PO' })).toMatchObject({
      incomputable: true,
      missing: ['input steroid'],
    });
  });
});

describe('steroidConversion entity schema', () => {
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(steroidConversion.entitySchema);
  it("accepts the data's shapes and rejects others", () => {
    expect(validate({ 'input steroid': ['PredniSONE PO', 12.5, 'mg'], 'target steroid': 'Dexamethasone IV' })).toBe(
      true,
    );
    expect(validate({ 'input steroid': [12.5, 'mg'], 'target steroid': 'Dexamethasone IV' })).toBe(false);
  });
});

describe('v1.0 rounding follows Python', () => {
  it('rounds the binary value, not the decimal that looks like a tie', () => {
    // methylprednisolone 1.2345 mg → triamcinolone: v1.0 factor 5.33 / 5.33 = 1, product 1.2345 →
    // Python round(1.2345, 3) = 1.234 because 1.2345 is stored as 1.23449999…
    expect(convert(['MethylPrednisoLONE IV', 1.2345, 'mg'], 'Triamcinolone IV', V1)).toMatchObject({ value: 1.234 });
  });
});

import { describe, expect, it } from 'vitest';
import { Inputs } from '../../src/calculators/shared/inputs.js';
import { readConcentration } from '../../src/calculators/shared/lab-units.js';
import { pythonRound } from '../../src/numeric/python-round.js';
import {
  V1_ANALYTE,
  roundIfV1 as v1Round,
  roundV1,
  v1ConvertConcentration,
  v1ConvertCount,
  v1TemperatureC,
} from '../../src/calculators/shared/v1-quirks.js';

// The v1.0 label code (MedCalc-Bench calculator_implementations/: rounding, unit_converter_new,
// convert_temperature), reproduced for the medcalc-v1.0 convention. Cases worked by hand.

describe('roundV1', () => {
  it('rounds values above 0.001 to 3 decimals with Python round() (exact binary value, ties to even)', () => {
    expect(roundV1(22.857142)).toBe(22.857);
    // 1.2345 is stored as 1.23449999…: Python gives 1.234 where Math.round(x·1000)/1000 gives 1.235
    expect(roundV1(1.2345)).toBe(1.234);
    // 10.0625 is an exact binary tie: to even
    expect(roundV1(10.0625)).toBe(10.062);
  });
  it('agrees with pythonRound(x, 3) above 0.001, near ties included (its fast path is exact)', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 20_000; k++) {
      const values = [
        random() * 10 ** (random() * 8 - 2) + 0.0011,
        Math.round(random() * 1e7) / 1e4 + 0.0005,
        Math.round(random() * 1e5) / 1024,
      ];
      for (const x of values) if (x > 0.001) expect(roundV1(x)).toBe(pythonRound(x, 3));
    }
  });
  it('gives 3 significant figures at or below 0.001, and to every negative value (the test was signed)', () => {
    expect(roundV1(0.000123456)).toBe(0.000123);
    expect(roundV1(0.001)).toBe(0.001);
    expect(roundV1(-8.5714)).toBe(-8.57);
    expect(roundV1(-0.012345)).toBe(-0.0123);
    expect(roundV1(0)).toBe(0);
  });
});

describe('v1ConvertConcentration', () => {
  it('converts molar to mass through whole moles and grams, rounding each step', () => {
    // 2.26 mmol/L calcium: 0.00226 mol → 0.002 mol (3 decimals) → × 40.08 = 0.08 g → 80 mg → 8 mg/dL
    expect(v1ConvertConcentration(2.26, 'mmol/L', 'mg/dL', V1_ANALYTE.calcium)).toBe(8);
    // 80.4 µmol/L creatinine: 8.04e-5 mol → × 113.12 = 0.009094… g → 0.009 g → 9 mg → 0.9 mg/dL
    expect(v1ConvertConcentration(80.4, 'µmol/L', 'mg/dL', V1_ANALYTE.creatinine)).toBe(0.9);
    // 22 mmol/L BUN: 0.022 mol → × 28.02 = 0.616 g → 616 mg → 61.6 mg/dL
    expect(v1ConvertConcentration(22, 'mmol/L', 'mg/dL', V1_ANALYTE.bun)).toBe(61.6);
  });
  it('converts mass to molar (213 mg/dL cholesterol → 0.213 g → 0.000551 mol → 5.51 mmol/L)', () => {
    expect(v1ConvertConcentration(213, 'mg/dL', 'mmol/L', V1_ANALYTE.cholesterolFramingham)).toBe(5.51);
  });
  it('converts mEq ↔ mmol by the valence it was given', () => {
    expect(v1ConvertConcentration(140, 'mEq/L', 'mmol/L', V1_ANALYTE.sodium)).toBe(140);
    expect(v1ConvertConcentration(140, 'mmol/L', 'mEq/L', V1_ANALYTE.sodium)).toBe(140);
    expect(v1ConvertConcentration(2.5, 'mmol/L', 'mEq/L', V1_ANALYTE.calcium)).toBe(5);
  });
  it('changes the volume unit with a rounded factor (g/L → g/dL: ÷ 10)', () => {
    expect(v1ConvertConcentration(28, 'g/L', 'g/dL', V1_ANALYTE.none)).toBe(2.8);
    expect(v1ConvertConcentration(3.1, 'g/dL', 'g/dL', V1_ANALYTE.none)).toBe(3.1);
  });
  it('is undefined where the v1.0 code could not convert (no molar mass or valence given, unknown unit)', () => {
    expect(v1ConvertConcentration(40, 'µmol/L', 'mg/dL', V1_ANALYTE.none)).toBeUndefined();
    expect(v1ConvertConcentration(1, 'mEq/L', 'mg/dL', V1_ANALYTE.creatinine)).toBeUndefined();
    expect(v1ConvertConcentration(1, 'ng/mL', 'mg/dL', V1_ANALYTE.creatinine)).toBeUndefined();
    expect(v1ConvertConcentration(1, 'mg', 'mg/dL', V1_ANALYTE.creatinine)).toBeUndefined();
  });
});

describe('v1 counts, temperature and rounding by convention', () => {
  it('scales counts with the litre table ("m^3" is a cubic metre there)', () => {
    expect(v1ConvertCount(250, 'µL', 'L')).toBe(250e6);
    expect(v1ConvertCount(7000, 'µL', 'm^3')).toBe(7e12);
    expect(v1ConvertCount(7000, 'm^3', 'm^3')).toBe(7000);
    expect(v1ConvertCount(1, 'per hpf', 'L')).toBeUndefined();
  });
  it("takes only the exact unit 'degrees celsius' as Celsius", () => {
    expect(v1TemperatureC(37.2, 'degrees celsius')).toBe(37.2);
    // 'degrees celsisus' (a data typo) is converted as °F: (37.2 − 32) × 5/9 = 2.888… → 2.889
    expect(v1TemperatureC(37.2, 'degrees celsisus')).toBe(2.889);
  });
  it('v1Round rounds only under medcalc-v1.0; readConcentration converts by convention', () => {
    expect(v1Round(new Inputs({}, 'reference'), 1.23456)).toBe(1.23456);
    expect(v1Round(new Inputs({}, 'medcalc-v1.0'), 1.23456)).toBe(1.235);
    const entities = { Calcium: [2.26, 'mmol/L'] };
    expect(
      readConcentration(new Inputs(entities), 'Calcium', 'mg/dL', { analyte: 'calcium', v1: V1_ANALYTE.calcium }),
    ).toBeCloseTo(9.0576, 3);
    const v1 = new Inputs(entities, 'medcalc-v1.0');
    expect(readConcentration(v1, 'Calcium', 'mg/dL', { analyte: 'calcium', v1: V1_ANALYTE.calcium })).toBe(8);
    expect(v1.steps[0].what).toMatch(/rounded at each step \(molar mass 40.08, valence 2\)/);
    const none = new Inputs({ Albumin: [40, 'µmol/L'] }, 'medcalc-v1.0');
    expect(readConcentration(none, 'Albumin', 'g/dL', { v1: V1_ANALYTE.none })).toBeUndefined();
    expect(none.missing).toEqual(["Albumin (unit 'µmol/L' not convertible to g/dL by the v1.0 code)"]);
  });
});

import { describe, expect, it } from 'vitest';
import { UnitError, convertConcentration } from '../../src/calculators/shared/lab-units.js';
import { convertCount, convertTemperature, convertWeight } from '../../src/calculators/shared/measure-units.js';

describe('convertConcentration', () => {
  it('converts mmol/L ↔ mEq/L by valence exactly, with no mass round trip', () => {
    expect(convertConcentration(110, 'mEq/L', 'mmol/L', 'sodium')).toBe(110);
    expect(convertConcentration(105, 'mmol/L', 'mEq/L', 'chloride')).toBe(105);
    expect(convertConcentration(6.43, 'mEq/L', 'mmol/L', 'potassium')).toBe(6.43);
    // calcium is divalent: 5 mEq/L = 2.5 mmol/L
    expect(convertConcentration(5, 'mEq/L', 'mmol/L', 'calcium')).toBe(2.5);
    expect(convertConcentration(2.5, 'mmol/L', 'mEq/L', 'calcium')).toBe(5);
  });

  it('changes molar prefixes by exact powers of ten', () => {
    expect(convertConcentration(88, 'µmol/L', 'mmol/L')).toBe(0.088);
    expect(convertConcentration(0.088, 'mmol/L', 'µmol/L', 'creatinine')).toBe(88);
    expect(convertConcentration(88, 'umol/L', 'mmol/L')).toBe(0.088);
  });

  it('needs the analyte for mEq (its valence) and for mass ↔ molar (its molar mass)', () => {
    expect(() => convertConcentration(140, 'mEq/L', 'mmol/L')).toThrow(UnitError);
    expect(() => convertConcentration(1, 'mg/dL', 'mmol/L')).toThrow(UnitError);
  });

  it('converts mass ↔ molar with the molar mass (creatinine 113.12, BUN as urea nitrogen 28.014, glucose 180.16)', () => {
    // 88.4 µmol/L × 113.12 g/mol = 10 000 µg/L = 1.0000 mg/dL
    expect(convertConcentration(88.4, 'µmol/L', 'mg/dL', 'creatinine')).toBeCloseTo(1.0, 2);
    // 10 mmol/L urea nitrogen × 28.014 / 10 = 28.014 mg/dL
    expect(convertConcentration(10, 'mmol/L', 'mg/dL', 'bun')).toBeCloseTo(28.014, 10);
    expect(convertConcentration(180.16, 'mg/dL', 'mmol/L', 'glucose')).toBeCloseTo(10, 10);
    // mass ↔ mEq goes through the molar mass and the valence: 10 mg/dL calcium = 2.4951 mmol/L = 4.9903 mEq/L
    expect(convertConcentration(10, 'mg/dL', 'mEq/L', 'calcium')).toBeCloseTo((100 / 40.078) * 2, 10);
  });

  it('converts mass units without an analyte and rejects unknown units', () => {
    expect(convertConcentration(35, 'g/L', 'g/dL')).toBe(3.5);
    expect(() => convertConcentration(1, 'furlongs', 'mg/dL', 'glucose')).toThrow(UnitError);
  });
});

describe('other conversions', () => {
  it('reads the data spellings of temperature', () => {
    expect(convertTemperature(98.6, 'degrees fahreinheit', 'celsius')).toBeCloseTo(37, 10);
    expect(convertTemperature(37, 'degrees celsisus', 'celsius')).toBe(37);
  });
  it('converts weights and counts', () => {
    expect(convertWeight(2.2046226218, 'lbs', 'kg')).toBeCloseTo(1, 9);
    expect(convertWeight(3500, 'g', 'kg')).toBe(3.5);
    expect(convertCount(9.4e9, 'L')).toBe(9400);
    expect(convertCount(14700, 'm^3')).toBe(14700);
  });
});

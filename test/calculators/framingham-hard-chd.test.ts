import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { framinghamHardChd } from '../../src/calculators/defs/framingham-hard-chd.js';
import type { Entities } from '../../src/label/types.js';

// Reference: ATP III hard-CHD Cox model as on MDCalc. Risk % = 100 × (1 − S₀^exp(Σβx − mean)),
// S₀ = 0.9402 (men) / 0.98767 (women); cholesterol in mg/dL; the smoking term uses age capped at 70 / 78.

function value(e: Entities, convention: 'reference' | 'medcalc-v1.0' = 'reference'): number {
  const r = framinghamHardChd.compute(e, { convention });
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}

const man55: Entities = {
  sex: 'Male',
  age: [55, 'years'],
  'Total cholesterol': [213, 'mg/dL'],
  'high-density lipoprotein cholesterol': [50, 'mg/dL'],
  'Systolic Blood Pressure': [120, 'mm hg'],
  Smoker: false,
  'Blood pressure being treated with medicines': false,
};

describe('Framingham hard CHD (46), reference', () => {
  it('its entity schema compiles in ajv strict mode and accepts the data shapes', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(framinghamHardChd.entitySchema);
    expect(validate(man55)).toBe(true);
  });

  it('man, 55, TC 213, HDL 50, SBP 120, non-smoker, untreated → 6.5085 %', () => {
    // ln55 = 4.007333, ln213 = 5.361292, ln50 = 3.912023, ln120 = 4.787492
    // 52.00961·4.007333 = 208.4198; 20.014077·5.361292 = 107.3013; −0.905964·3.912023 = −3.5442;
    // 1.305784·4.787492 = 6.2514; −4.605038·4.007333·5.361292 = −98.9369; −2.93323·4.007333² = −47.1039
    // Σ − 172.300168 = 0.087478; exp = 1.091418; 100·(1 − 0.9402^1.091418) = 6.5085
    expect(value(man55)).toBeCloseTo(6.508508841, 6);
  });

  it('woman, 60, TC 240, HDL 45, SBP 150, smoker, treated → 14.1816 %', () => {
    // 31.764001·ln60 = 130.0528; 22.465206·ln240 = 123.1237; −1.187731·ln45 = −4.5213; 2.552905·ln150 = 12.7917;
    // +0.420251 (treated) + 13.07543 (smoker); −5.060998·ln60·ln240 = −113.5669; −2.996945·ln60 = −12.2705
    // Σ − 146.5933061 = 2.511788; exp = 12.326956; 100·(1 − 0.98767^12.326956) = 14.1816
    const e: Entities = {
      sex: 'Female',
      age: [60, 'years'],
      'Total cholesterol': [240, 'mg/dL'],
      'high-density lipoprotein cholesterol': [45, 'mg/dL'],
      'Systolic Blood Pressure': [150, 'mm Hg'],
      Smoker: true,
      'Blood pressure being treated with medicines': true,
    };
    expect(value(e)).toBeCloseTo(14.181550185, 6);
  });

  it('caps age at 70 in the smoking term for men (75-year-old smoker: 22.0794 %, not extrapolated)', () => {
    // At 75 the smoking term is −2.84367·ln70 = −12.0813 (not −2.84367·ln75); Σ − mean = 1.3977.
    const smoker75 = {
      ...man55,
      age: [75, 'years'],
      'Total cholesterol': [200, 'mg/dL'],
      'high-density lipoprotein cholesterol': [40, 'mg/dL'],
      'Systolic Blood Pressure': [140, 'mm Hg'],
      Smoker: true,
    } as Entities;
    expect(value(smoker75)).toBeCloseTo(22.079411509, 6);
    expect(value({ ...smoker75, age: [70, 'years'] })).toBeCloseTo(18.956005565, 6);
  });

  it('caps age at 78 in the smoking term for women (80: 8.1195 %; 78: 7.1986 %)', () => {
    const woman: Entities = {
      sex: 'Female',
      age: [80, 'years'],
      'Total cholesterol': [200, 'mg/dL'],
      'high-density lipoprotein cholesterol': [50, 'mg/dL'],
      'Systolic Blood Pressure': [130, 'mm Hg'],
      Smoker: true,
    };
    expect(value(woman)).toBeCloseTo(8.119525296, 6);
    expect(value({ ...woman, age: [78, 'years'] })).toBeCloseTo(7.198613194, 6);
  });

  it('converts mmol/L cholesterol to mg/dL (× 38.665): TC 5.5, HDL 1.3 mmol/L → 6.4628 %', () => {
    const e = {
      ...man55,
      'Total cholesterol': [5.5, 'mmol/L'],
      'high-density lipoprotein cholesterol': [1.3, 'mmol/L'],
    } as Entities;
    expect(value(e)).toBeCloseTo(6.46279212, 6);
  });

  it('an absent smoking or treatment flag is false', () => {
    const { Smoker: _s, 'Blood pressure being treated with medicines': _t, ...bare } = man55;
    expect(value(bare)).toBeCloseTo(value(man55), 12);
  });

  it('names missing inputs', () => {
    const { 'high-density lipoprotein cholesterol': _hdl, sex: _sex, ...rest } = man55;
    const r = framinghamHardChd.compute(rest);
    expect(r.incomputable).toBe(true);
    if (r.incomputable) expect(r.missing.sort()).toEqual(['high-density lipoprotein cholesterol', 'sex']);
  });
});

describe('Framingham hard CHD (46), medcalc-v1.0 defect', () => {
  it('feeds mmol/L into the mg/dL model and reports a fraction rounded to 1 decimal', () => {
    // 213 mg/dL → 0.213 g → 0.000551 mol → 0.551 mmol → 5.51 mmol/L; HDL 50 → 0.000129 mol → 1.29.
    // Σ with ln(5.51), ln(1.29) = −2.301 → −2.3; 1 − 0.9402^exp(−2.3) = 0.006 → 0.0
    expect(value(man55, 'medcalc-v1.0')).toBe(0);
    const r = framinghamHardChd.compute(man55, { convention: 'medcalc-v1.0' });
    expect(r.steps.filter((s) => s.what.includes('mmol/L (used as if mg/dL)')).map((s) => s.result)).toEqual([
      5.51, 1.29,
    ]);
  });

  it('a non-zero example: man 72, TC 180 (→ 4.66), HDL 30 (→ 0.78), SBP 140 → Σ 3.6 → 0.895 → 0.9', () => {
    const e = {
      ...man55,
      age: [72, 'years'],
      'Total cholesterol': [180, 'mg/dL'],
      'high-density lipoprotein cholesterol': [30, 'mg/dL'],
      'Systolic Blood Pressure': [140, 'mm Hg'],
    } as Entities;
    expect(value(e, 'medcalc-v1.0')).toBe(0.9);
  });
});

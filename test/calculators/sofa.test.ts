import { describe, expect, it } from 'vitest';
import type { Entities } from '../../src/label/types.js';
import { sofa } from '../../src/calculators/defs/sofa.js';
import type { CalcResult } from '../../src/calculators/types.js';

// Reference: Vincent JL et al., Intensive Care Med 1996;22:707–710, table 1, with MDCalc's reading that
// 3–4 respiratory points need mechanical ventilation (CPAP included). All cases are synthetic.

/** Every organ scores 0: PaO₂ 95 / FiO₂ 0.21 = 452, platelets 200 ×10³, GCS 15, bilirubin 0.8, creatinine 0.9. */
function normal(overrides: Entities = {}): Entities {
  return {
    'Partial pressure of oxygen (PaO₂) for Apache II': [95, 'mm Hg'],
    'FiO₂': [21, '%'],
    'On mechanical ventilation': false,
    'Continous positive airway pressure': false,
    'Platelet count': [200000, 'µL'],
    'Glasgow Coma Score': 15,
    Bilirubin: [0.8, 'mg/dL'],
    creatinine: [0.9, 'mg/dL'],
    'Systolic Blood Pressure': [120, 'mm Hg'],
    'Diastolic Blood Pressure': [80, 'mm Hg'],
    ...overrides,
  };
}

function value(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}
const ref = (e: Entities) => value(sofa.compute(e));
const v1 = (e: Entities) => value(sofa.compute(e, { convention: 'medcalc-v1.0' }));
const q = (n: number, unit: string) => [n, unit] as [number, string];
/** PaO₂/FiO₂ = `ratio` with FiO₂ 50 %. */
const pf = (ratio: number) => ({
  'Partial pressure of oxygen (PaO₂) for Apache II': q(ratio / 2, 'mm Hg'),
  'FiO₂': q(50, '%'),
});

describe('SOFA (43), reference', () => {
  it('scores 0 for the all-normal patient', () => {
    expect(ref(normal())).toBe(0);
  });

  it('adds the six organ scores in a hand-computed case', () => {
    // P/F 80 / 0.5 = 160 on the ventilator → 3; platelets 45 ×10³ → 3; GCS 9 → 3; bilirubin 6.5 → 3;
    // norepinephrine 0.2 > 0.1 → 4; creatinine 2.2 → 2 but urine 150 mL/day → 4, worse is 4.
    // 3 + 3 + 3 + 3 + 4 + 4 = 20
    const e = normal({
      'Partial pressure of oxygen (PaO₂) for Apache II': [80, 'mm Hg'],
      'FiO₂': [50, '%'],
      'On mechanical ventilation': true,
      'Platelet count': [45000, 'µL'],
      'Glasgow Coma Score': 9,
      Bilirubin: [6.5, 'mg/dL'],
      norEPINEPHrine: [0.2, 'mcg/kg/min'],
      creatinine: [2.2, 'mg/dL'],
      'Urine Output': [150, 'mL/day'],
    });
    expect(ref(e)).toBe(20);
  });

  const ventilated = { 'On mechanical ventilation': true };
  const cpap = { 'Continous positive airway pressure': true };
  it.each([
    [400, {}, 0],
    [399, {}, 1],
    [300, {}, 1],
    [299, {}, 2],
    [200, {}, 2],
    [199, {}, 2],
    [99, {}, 2], // without respiratory support the score stops at 2
    [199, ventilated, 3],
    [100, ventilated, 3],
    [99, ventilated, 4],
    [99, cpap, 4],
  ] as [number, Entities, number][])('respiration: P/F %d %o → %d', (ratio, support, expected) => {
    expect(ref(normal({ ...pf(ratio), ...support }))).toBe(expected);
  });

  const bands: [string, [number, number][], (x: number) => Entities][] = [
    [
      'platelets per µL',
      [
        [150000, 0],
        [149000, 1],
        [100000, 1],
        [99000, 2],
        [50000, 2],
        [49000, 3],
        [20000, 3],
        [19000, 4],
      ],
      (x) => ({ 'Platelet count': q(x, 'µL') }),
    ],
    [
      'GCS',
      [
        [15, 0],
        [14, 1],
        [13, 1],
        [12, 2],
        [10, 2],
        [9, 3],
        [6, 3],
        [5, 4],
        [3, 4],
      ],
      (x) => ({ 'Glasgow Coma Score': x }),
    ],
    [
      'bilirubin mg/dL',
      [
        [1.1, 0],
        [1.2, 1],
        [1.9, 1],
        [2, 2],
        [5.9, 2],
        [6, 3],
        [11.9, 3],
        [12, 4],
      ],
      (x) => ({ Bilirubin: q(x, 'mg/dL') }),
    ],
    [
      'creatinine mg/dL',
      [
        [1.1, 0],
        [1.2, 1],
        [1.9, 1],
        [2, 2],
        [3.4, 2],
        [3.5, 3],
        [4.9, 3],
        [5, 4],
      ],
      (x) => ({ creatinine: q(x, 'mg/dL') }),
    ],
    [
      'urine output mL/day (creatinine normal)',
      [
        [500, 0],
        [499, 3],
        [200, 3],
        [199, 4],
      ],
      (x) => ({ 'Urine Output': q(x, 'mL/day') }),
    ],
    [
      'MAP (SBP = DBP)',
      [
        [70, 0],
        [69, 1],
      ],
      (x) => ({ 'Systolic Blood Pressure': q(x, 'mm Hg'), 'Diastolic Blood Pressure': q(x, 'mm Hg') }),
    ],
    [
      'dopamine',
      [
        [5, 2],
        [5.1, 3],
        [15, 3],
        [15.1, 4],
      ],
      (x) => ({ DOPamine: q(x, 'mcg/kg/min') }),
    ],
    [
      'dobutamine (any dose)',
      [
        [1, 2],
        [20, 2],
      ],
      (x) => ({ DOBUTamine: q(x, 'mcg/kg/min') }),
    ],
    [
      'epinephrine',
      [
        [0.05, 3],
        [0.1, 3],
        [0.11, 4],
      ],
      (x) => ({ EPINEPHrine: q(x, 'mcg/kg/min') }),
    ],
    [
      'norepinephrine',
      [
        [0.1, 3],
        [0.11, 4],
      ],
      (x) => ({ norEPINEPHrine: q(x, 'mcg/kg/min') }),
    ],
  ];
  for (const [name, points, make] of bands) {
    it.each(points)(`${name}: %d → %d`, (x, expected) => {
      expect(ref(normal(make(x)))).toBe(expected);
    });
  }

  it('takes the highest cardiovascular tier and reads hypotension without blood pressures', () => {
    expect(ref(normal({ DOPamine: [3, 'mcg/kg/min'], norEPINEPHrine: [0.3, 'mcg/kg/min'] }))).toBe(4);
    const { 'Systolic Blood Pressure': _, 'Diastolic Blood Pressure': __, ...noBp } = normal();
    expect(ref({ ...noBp, Hypotension: true })).toBe(1);
    expect(ref(noBp)).toBe(0);
  });

  it("reads the data's 'mc/kg/min' as mcg/kg/min and rejects an unknown dose unit", () => {
    expect(ref(normal({ norEPINEPHrine: [0.27, 'mc/kg/min'] }))).toBe(4);
    expect(sofa.compute(normal({ DOPamine: [400, 'mg/h'] }))).toMatchObject({
      incomputable: true,
      missing: ["DOPamine (unit 'mg/h' not convertible to mcg/kg/min)"],
    });
  });

  it('takes the worse of creatinine and urine output, and either alone', () => {
    expect(ref(normal({ creatinine: [1.2, 'mg/dL'], 'Urine Output': [150, 'mL/day'] }))).toBe(4);
    const { creatinine: _, ...noCreatinine } = normal();
    expect(ref({ ...noCreatinine, 'Urine Output': [450, 'mL/day'] })).toBe(3);
    expect(sofa.compute(noCreatinine)).toMatchObject({ incomputable: true, missing: ['creatinine or Urine Output'] });
  });

  it('converts units', () => {
    // bilirubin 120 µmol/L × 584.66 / 10⁴ = 7.02 mg/dL → 3; creatinine 180 µmol/L × 113.12 / 10⁴ = 2.04 → 2
    expect(ref(normal({ Bilirubin: [120, 'µmol/L'] }))).toBe(3);
    expect(ref(normal({ creatinine: [180, 'µmol/L'] }))).toBe(2);
    // P/F with FiO₂ 30 %: 90 / 0.3 = 300 (exactly at the limit despite float noise) → 1
    expect(ref(normal({ 'Partial pressure of oxygen (PaO₂) for Apache II': [90, 'mm Hg'], 'FiO₂': [30, '%'] }))).toBe(
      1,
    );
  });

  it('names missing inputs', () => {
    const { Bilirubin: _, 'Platelet count': __, ...rest } = normal();
    expect(sofa.compute(rest)).toMatchObject({ incomputable: true, missing: ['Platelet count', 'Bilirubin'] });
  });
});

describe('SOFA (43), medcalc-v1.0', () => {
  it('divides PaO₂ by FiO₂ in percent, so ventilation scores 4 and CPAP alone 0', () => {
    // 95 / 21 = 4.5: unsupported → 2; absent dopamine counts as "≤ 5" → cardiovascular 2
    expect(v1(normal())).toBe(4);
    expect(v1(normal({ 'On mechanical ventilation': true }))).toBe(6);
    expect(v1(normal({ 'Continous positive airway pressure': true }))).toBe(2);
  });

  it('scores MAP < 70 only without other pressors and never reaches cardiovascular 4', () => {
    expect(v1(normal({ 'Systolic Blood Pressure': [60, 'mm Hg'], 'Diastolic Blood Pressure': [60, 'mm Hg'] }))).toBe(3);
    expect(v1(normal({ DOPamine: [20, 'mcg/kg/min'] }))).toBe(5);
    expect(v1(normal({ norEPINEPHrine: [0.5, 'mcg/kg/min'] }))).toBe(4);
  });

  it('uses urine output only without creatinine, and scores renal 0 when both are given', () => {
    const { creatinine: _, ...noCreatinine } = normal();
    expect(v1({ ...noCreatinine, 'Urine Output': [150, 'mL/day'] })).toBe(7); // < 200 reaches only the < 500 tier
    expect(v1(normal({ creatinine: [5.5, 'mg/dL'], 'Urine Output': [150, 'mL/day'] }))).toBe(4);
  });

  it('converts µmol/L with rounding at each step and takes GCS as 15 when absent', () => {
    // 121.32 µmol/L → 0.000121 mol → 0.014 g → 14 mg → 1.4 mg/dL → 1; bilirubin 88.41 → 5.2 mg/dL → 2
    expect(v1(normal({ creatinine: [121.32, 'µmol/L'], Bilirubin: [88.41, 'µmol/L'] }))).toBe(7);
    const { 'Glasgow Coma Score': _, ...noGcs } = normal();
    expect(v1(noGcs)).toBe(4);
  });
});

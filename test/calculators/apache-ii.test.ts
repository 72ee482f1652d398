import { describe, expect, it } from 'vitest';
import type { Entities } from '../../src/label/types.js';
import { apacheII } from '../../src/calculators/defs/apache-ii.js';
import type { CalcResult } from '../../src/calculators/types.js';

// Reference: Knaus WA et al., Crit Care Med 1985;13:818–829, table 1 (acute physiology), age and chronic
// health points. All cases are synthetic.

/** A patient whose every item scores 0: age 40, 37 °C, MAP 93.3, HR 80, RR 16, FiO₂ 21 % with PaO₂ 90… */
function normal(overrides: Entities = {}): Entities {
  return {
    age: [40, 'years'],
    Temperature: [37, 'degrees celsius'],
    'Systolic Blood Pressure': [120, 'mm Hg'],
    'Diastolic Blood Pressure': [80, 'mm Hg'],
    'Heart Rate or Pulse': [80, 'beats per minute'],
    'respiratory rate': [16, 'breaths per minute'],
    'FiO₂': [21, '%'],
    'Partial pressure of oxygen (PaO₂) for Apache II': [90, 'mm Hg'],
    pH: 7.4,
    Sodium: [140, 'mEq/L'],
    Potassium: [4, 'mEq/L'],
    creatinine: [1, 'mg/dL'],
    Hematocrit: [40, '%'],
    'White blood cell count': [8000, 'µL'],
    'Glasgow Coma Score': 15,
    ...overrides,
  };
}

function value(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}
const ref = (e: Entities) => value(apacheII.compute(e));
const v1 = (e: Entities) => value(apacheII.compute(e, { convention: 'medcalc-v1.0' }));

describe('APACHE II (28), reference', () => {
  it('scores 0 for the all-normal patient', () => {
    expect(ref(normal())).toBe(0);
  });

  it('adds every component in a hand-computed case', () => {
    // age 67 → 5; 39.2 °C → 3; MAP (90 + 2·50)/3 = 63.3 → 2; HR 125 → 2; RR 30 → 1; FiO₂ 60 % so
    // A-a 380 → 3; pH 7.28 → 2; Na 128 → 2; K 3.2 → 1; creatinine 2.4 with acute renal failure → 3 × 2 = 6;
    // Hct 28 → 2; WBC 22.0 ×10³ → 2; GCS 11 → 15 − 11 = 4; chronic health, emergency surgery → 5.
    // 5 + 3 + 2 + 2 + 1 + 3 + 2 + 2 + 1 + 6 + 2 + 2 + 4 + 5 = 40
    const e = normal({
      age: [67, 'years'],
      Temperature: [39.2, 'degrees celsius'],
      'Systolic Blood Pressure': [90, 'mm Hg'],
      'Diastolic Blood Pressure': [50, 'mm Hg'],
      'Heart Rate or Pulse': [125, 'beats per minute'],
      'respiratory rate': [30, 'breaths per minute'],
      'FiO₂': [60, '%'],
      'A-a gradient': 380,
      pH: 7.28,
      Sodium: [128, 'mmol/L'],
      Potassium: [3.2, 'mmol/L'],
      creatinine: [2.4, 'mg/dL'],
      'Acute renal failure': true,
      Hematocrit: [28, '%'],
      'White blood cell count': [22000, 'µL'],
      'Glasgow Coma Score': 11,
      'History of severe organ failure or immunocompromise': true,
      'Surgery Type': 'Emergency',
    });
    expect(ref(e)).toBe(40);
  });

  const q = (n: number, unit: string) => [n, unit] as [number, string];
  const cases: [string, [number, number][], (x: number) => Entities][] = [
    [
      'temperature °C',
      [
        [41, 4],
        [40.9, 3],
        [39, 3],
        [38.9, 1],
        [38.5, 1],
        [38.4, 0],
        [36, 0],
        [35.9, 1],
        [34, 1],
        [33.9, 2],
        [32, 2],
        [31.9, 3],
        [30, 3],
        [29.9, 4],
      ],
      (x) => ({ Temperature: q(x, 'degrees celsius') }),
    ],
    [
      'MAP',
      [
        [160, 4],
        [159, 3],
        [130, 3],
        [129, 2],
        [110, 2],
        [109, 0],
        [70, 0],
        [69, 2],
        [50, 2],
        [49, 4],
      ],
      (x) => ({ 'Systolic Blood Pressure': q(x, 'mm Hg'), 'Diastolic Blood Pressure': q(x, 'mm Hg') }),
    ],
    [
      'heart rate',
      [
        [180, 4],
        [179, 3],
        [140, 3],
        [139, 2],
        [110, 2],
        [109, 0],
        [70, 0],
        [69, 2],
        [55, 2],
        [54, 3],
        [40, 3],
        [39, 4],
      ],
      (x) => ({ 'Heart Rate or Pulse': q(x, 'beats per minute') }),
    ],
    [
      'respiratory rate',
      [
        [50, 4],
        [49, 3],
        [35, 3],
        [34, 1],
        [25, 1],
        [24, 0],
        [12, 0],
        [11, 1],
        [10, 1],
        [9, 2],
        [6, 2],
        [5, 4],
      ],
      (x) => ({ 'respiratory rate': q(x, 'breaths per minute') }),
    ],
    [
      'A-a gradient at FiO₂ 50 %',
      [
        [500, 4],
        [499, 3],
        [350, 3],
        [349, 2],
        [200, 2],
        [199, 0],
      ],
      (x) => ({ 'FiO₂': q(50, '%'), 'A-a gradient': x }),
    ],
    [
      'PaO₂ at FiO₂ 49 %',
      [
        [71, 0],
        [70, 1],
        [61, 1],
        [60, 3],
        [55, 3],
        [54, 4],
      ],
      (x) => ({ 'FiO₂': q(49, '%'), 'Partial pressure of oxygen (PaO₂) for Apache II': q(x, 'mm Hg') }),
    ],
    [
      'pH',
      [
        [7.7, 4],
        [7.69, 3],
        [7.6, 3],
        [7.59, 1],
        [7.5, 1],
        [7.49, 0],
        [7.33, 0],
        [7.32, 2],
        [7.25, 2],
        [7.24, 3],
        [7.15, 3],
        [7.14, 4],
      ],
      (x) => ({ pH: x }),
    ],
    [
      'sodium mEq/L',
      [
        [180, 4],
        [179, 3],
        [160, 3],
        [159, 2],
        [155, 2],
        [154, 1],
        [150, 1],
        [149, 0],
        [130, 0],
        [129, 2],
        [120, 2],
        [119, 3],
        [111, 3],
        [110, 4],
      ],
      (x) => ({ Sodium: q(x, 'mEq/L') }),
    ],
    [
      'potassium mEq/L',
      [
        [7, 4],
        [6.9, 3],
        [6, 3],
        [5.9, 1],
        [5.5, 1],
        [5.4, 0],
        [3.5, 0],
        [3.4, 1],
        [3, 1],
        [2.9, 2],
        [2.5, 2],
        [2.4, 4],
      ],
      (x) => ({ Potassium: q(x, 'mEq/L') }),
    ],
    [
      'creatinine mg/dL',
      [
        [3.5, 4],
        [3.4, 3],
        [2, 3],
        [1.9, 2],
        [1.5, 2],
        [1.4, 0],
        [0.6, 0],
        [0.5, 2],
      ],
      (x) => ({ creatinine: q(x, 'mg/dL') }),
    ],
    [
      'creatinine with acute renal failure (doubled)',
      [
        [3.5, 8],
        [3.4, 6],
        [2, 6],
        [1.9, 4],
        [1.5, 4],
        [1.4, 0],
        [0.5, 4],
      ],
      (x) => ({ creatinine: q(x, 'mg/dL'), 'Acute renal failure': true }),
    ],
    [
      'hematocrit',
      [
        [60, 4],
        [59.9, 2],
        [50, 2],
        [49.9, 1],
        [46, 1],
        [45.9, 0],
        [30, 0],
        [29.9, 2],
        [20, 2],
        [19.9, 4],
      ],
      (x) => ({ Hematocrit: q(x, '%') }),
    ],
    [
      'WBC per µL',
      [
        [40000, 4],
        [39900, 2],
        [20000, 2],
        [19900, 1],
        [15000, 1],
        [14900, 0],
        [3000, 0],
        [2900, 2],
        [1000, 2],
        [900, 4],
      ],
      (x) => ({ 'White blood cell count': q(x, 'µL') }),
    ],
    [
      'GCS (15 − GCS)',
      [
        [15, 0],
        [14, 1],
        [8, 7],
        [3, 12],
      ],
      (x) => ({ 'Glasgow Coma Score': x }),
    ],
    [
      'age',
      [
        [44, 0],
        [45, 2],
        [54, 2],
        [55, 3],
        [64, 3],
        [65, 5],
        [74, 5],
        [75, 6],
        [90, 6],
      ],
      (x) => ({ age: q(x, 'years') }),
    ],
  ];
  for (const [name, points, make] of cases) {
    it.each(points)(`${name}: %d → %d points`, (x, expected) => {
      expect(ref(normal(make(x)))).toBe(expected);
    });
  }

  it('reads chronic health points by surgery type', () => {
    const history = { 'History of severe organ failure or immunocompromise': true };
    expect(ref(normal({ 'Surgery Type': 'Elective' }))).toBe(0); // no history, no points
    expect(ref(normal({ ...history, 'Surgery Type': 'Elective' }))).toBe(2);
    expect(ref(normal({ ...history, 'Surgery Type': 'Emergency' }))).toBe(5);
    expect(ref(normal({ ...history, 'Surgery Type': 'Nonoperative ' }))).toBe(5);
    const r = apacheII.compute(normal(history));
    expect(value(r)).toBe(5); // no surgery type: taken as nonoperative, and the trace says so
    expect(r.steps.some((s) => /taken as nonoperative/.test(s.what))).toBe(true);
  });

  it('does not score chronic renal failure by itself', () => {
    expect(ref(normal({ creatinine: [2.5, 'mg/dL'], 'Chronic Renal Failure': true }))).toBe(3);
    expect(ref(normal({ 'Chronic Renal Failure': 'Not mentinoed' }))).toBe(0);
  });

  it('converts units', () => {
    // 101.3 °F = (101.3 − 32) × 5/9 = 38.5 °C → 1 (exactly at the limit despite float noise)
    expect(ref(normal({ Temperature: [101.3, 'degrees fahrenheit'] }))).toBe(1);
    expect(ref(normal({ Temperature: [38.5, 'degrees celsisus'] }))).toBe(1);
    // 318 µmol/L ÷ 88.42 = 3.60 mg/dL → 4
    expect(ref(normal({ creatinine: [318, 'µmol/L'] }))).toBe(4);
    // 15 × 10⁹/L = 15,000/µL → 1
    expect(ref(normal({ 'White blood cell count': [15e9, 'L'] }))).toBe(1);
    // FiO₂ as a fraction: 0.6 → A-a gradient used
    expect(ref(normal({ 'FiO₂': [0.6, ''], 'A-a gradient': 250 }))).toBe(2);
  });

  it('names missing inputs', () => {
    const { pH: _, ...noPh } = normal();
    expect(apacheII.compute(noPh)).toMatchObject({ incomputable: true, missing: ['pH'] });
    expect(apacheII.compute(normal({ 'FiO₂': [60, '%'] }))).toMatchObject({
      incomputable: true,
      missing: ['A-a gradient'],
    });
    const { 'Partial pressure of oxygen (PaO₂) for Apache II': __, ...noPaO2 } = normal();
    expect(apacheII.compute(noPaO2)).toMatchObject({
      incomputable: true,
      missing: ['Partial pressure of oxygen (PaO₂) for Apache II'],
    });
    expect(apacheII.compute(normal({ 'Glasgow Coma Score': 16 }))).toMatchObject({
      incomputable: true,
      missing: ['Glasgow Coma Score (outside 3–15)'],
    });
  });
});

describe('APACHE II (28), medcalc-v1.0', () => {
  it('adds GCS itself instead of 15 − GCS and compares WBC per µL with ×10³ limits', () => {
    // normal patient: WBC 8000 ≥ 40 → 4, GCS 15 added → 15; 0 in the reference
    expect(v1(normal())).toBe(19);
  });

  it("converts 'degrees celsisus' as Fahrenheit", () => {
    // 37.0 'degrees celsisus' → (37 − 32) × 5/9 = 2.778 °C → < 30 → 4
    expect(v1(normal({ Temperature: [37, 'degrees celsisus'] }))).toBe(23);
  });

  it('scores nothing on the low side of MAP, heart rate, RR, pH, sodium, potassium, hematocrit', () => {
    const low = normal({
      'Systolic Blood Pressure': [45, 'mm Hg'],
      'Diastolic Blood Pressure': [45, 'mm Hg'],
      'Heart Rate or Pulse': [35, 'beats per minute'],
      'respiratory rate': [4, 'breaths per minute'],
      pH: 7.1,
      Sodium: [105, 'mEq/L'],
      Potassium: [2.2, 'mEq/L'],
      Hematocrit: [18, '%'],
    });
    expect(v1(low)).toBe(19);
    expect(ref(low)).toBe(7 * 4); // MAP 45, HR 35, RR 4, pH 7.1, Na 105, K 2.2, Hct 18: 4 points each
  });

  it('scores creatinine only with acute or chronic renal failure (a non-empty string counts)', () => {
    expect(v1(normal({ creatinine: [2.5, 'mg/dL'] }))).toBe(19);
    expect(v1(normal({ creatinine: [2.5, 'mg/dL'], 'Chronic Renal Failure': 'Not mentinoed' }))).toBe(22);
    expect(v1(normal({ creatinine: [2.5, 'mg/dL'], 'Acute renal failure': true, 'Chronic Renal Failure': true }))).toBe(
      25,
    );
  });

  it('leaves ages 45 and 75 between bands and scores only Elective/Emergency chronic health', () => {
    expect(v1(normal({ age: [45, 'years'] }))).toBe(19);
    expect(v1(normal({ age: [75, 'years'] }))).toBe(19);
    const history = { 'History of severe organ failure or immunocompromise': true };
    expect(v1(normal({ ...history, 'Surgery Type': 'Nonoperative ' }))).toBe(19);
    expect(v1(normal({ ...history, 'Surgery Type': 'Emergency' }))).toBe(24);
  });
});

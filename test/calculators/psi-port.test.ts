import { describe, expect, it } from 'vitest';
import type { Entities } from '../../src/label/types.js';
import { psiPort } from '../../src/calculators/defs/psi-port.js';
import type { CalcResult } from '../../src/calculators/types.js';

// Reference: Fine MJ et al., N Engl J Med 1997;336:243–250, table 2 (point scoring system). All cases are
// synthetic.

/** A 40-year-old man with no comorbidity and every finding normal: PSI = 40. */
function normal(overrides: Entities = {}): Entities {
  return {
    age: [40, 'years'],
    sex: 'Male',
    'respiratory rate': [18, 'breaths per minute'],
    'Systolic Blood Pressure': [120, 'mm Hg'],
    Temperature: [37, 'degrees celsius'],
    'Heart Rate or Pulse': [80, 'beats per minute'],
    pH: 7.4,
    'Blood Urea Nitrogen (BUN)': [15, 'mg/dL'],
    Sodium: [140, 'mEq/L'],
    Glucose: [100, 'mg/dL'],
    Hematocrit: [40, '%'],
    'Partial pressure of oxygen (PaO₂) for Apache II': [90, 'mm Hg'],
    ...overrides,
  };
}

function value(r: CalcResult): number {
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value as number;
}
const ref = (e: Entities) => value(psiPort.compute(e));
const v1 = (e: Entities) => value(psiPort.compute(e, { convention: 'medcalc-v1.0' }));
const q = (n: number, unit: string) => [n, unit] as [number, string];

describe('PSI/PORT (29), reference', () => {
  it('scores age in years, minus 10 for women', () => {
    expect(ref(normal())).toBe(40);
    expect(ref(normal({ sex: 'Female' }))).toBe(30);
  });

  it('adds every item in a hand-computed case', () => {
    // woman 78 → 78 − 10 = 68; nursing home +10; CHF +10; altered mental status +20; RR 32 +20;
    // 34.5 °C +15; pH 7.30 +30; BUN 35 +20; glucose 260 +10; PaO₂ 55 +10.
    // 68 + 10 + 10 + 20 + 20 + 15 + 30 + 20 + 10 + 10 = 213
    const e = normal({
      age: [78, 'years'],
      sex: 'Female',
      'Nursing home resident': true,
      'Congestive Heart Faliure': true,
      'Altered mental status': true,
      'respiratory rate': [32, 'breaths per minute'],
      Temperature: [34.5, 'degrees celsius'],
      pH: 7.3,
      'Blood Urea Nitrogen (BUN)': [35, 'mg/dL'],
      Glucose: [260, 'mg/dL'],
      'Partial pressure of oxygen (PaO₂) for Apache II': [55, 'mm Hg'],
    });
    expect(ref(e)).toBe(213);
  });

  it.each([
    ['Nursing home resident', 10],
    ['Neoplastic disease', 30],
    ['Liver disease severity', 20],
    ['Liver disease history', 20],
    ['Congestive Heart Faliure', 10],
    ['Cerebrovascular disease history', 10],
    ['Renal disease', 10],
    ['Renal disease history', 10],
    ['Altered mental status', 20],
    ['Pleural effusion on x-ray', 10],
  ])('%s adds %d', (key, points) => {
    expect(ref(normal({ [key]: true }))).toBe(40 + points);
    expect(ref(normal({ [key]: false }))).toBe(40);
  });

  const findings: [string, [number, number][], (x: number) => Entities][] = [
    [
      'respiratory rate ≥ 30',
      [
        [29, 0],
        [30, 20],
      ],
      (x) => ({ 'respiratory rate': q(x, 'breaths per minute') }),
    ],
    [
      'systolic < 90',
      [
        [90, 0],
        [89, 20],
      ],
      (x) => ({ 'Systolic Blood Pressure': q(x, 'mm Hg') }),
    ],
    [
      'temperature °C < 35 or ≥ 40',
      [
        [34.9, 15],
        [35, 0],
        [39.9, 0],
        [40, 15],
      ],
      (x) => ({ Temperature: q(x, 'degrees celsius') }),
    ],
    [
      'temperature °F (95 °F = 35 °C, 104 °F = 40 °C)',
      [
        [94.9, 15],
        [95, 0],
        [103.9, 0],
        [104, 15],
      ],
      (x) => ({ Temperature: q(x, 'degrees fahrenheit') }),
    ],
    [
      'pulse ≥ 125',
      [
        [124, 0],
        [125, 10],
      ],
      (x) => ({ 'Heart Rate or Pulse': q(x, 'beats per minute') }),
    ],
    [
      'pH < 7.35',
      [
        [7.35, 0],
        [7.34, 30],
      ],
      (x) => ({ pH: x }),
    ],
    [
      'BUN ≥ 30 mg/dL',
      [
        [29, 0],
        [30, 20],
      ],
      (x) => ({ 'Blood Urea Nitrogen (BUN)': q(x, 'mg/dL') }),
    ],
    [
      'sodium < 130',
      [
        [130, 0],
        [129, 20],
      ],
      (x) => ({ Sodium: q(x, 'mmol/L') }),
    ],
    [
      'glucose ≥ 250 mg/dL',
      [
        [249, 0],
        [250, 10],
      ],
      (x) => ({ Glucose: q(x, 'mg/dL') }),
    ],
    [
      'glucose mmol/L (× 18.016)',
      [
        [13.8, 0],
        [13.9, 10],
      ],
      (x) => ({ Glucose: q(x, 'mmol/L') }),
    ],
    [
      'hematocrit < 30 %',
      [
        [30, 0],
        [29, 10],
      ],
      (x) => ({ Hematocrit: q(x, '%') }),
    ],
    [
      'PaO₂ < 60 mm Hg',
      [
        [60, 0],
        [59, 10],
      ],
      (x) => ({ 'Partial pressure of oxygen (PaO₂) for Apache II': q(x, 'mm Hg') }),
    ],
  ];
  for (const [name, points, make] of findings) {
    it.each(points)(`${name}: %d → +%d`, (x, extra) => {
      expect(ref(normal(make(x)))).toBe(40 + extra);
    });
  }

  it('converts BUN in mmol/L (× 2.8014) and reads the temperature typos', () => {
    expect(ref(normal({ 'Blood Urea Nitrogen (BUN)': [11, 'mmol/L'] }))).toBe(60); // 30.8 mg/dL
    expect(ref(normal({ Temperature: [34, 'degrees celsisus'] }))).toBe(55);
    expect(ref(normal({ Temperature: [98.6, 'degrees fahreinheit'] }))).toBe(40);
  });

  it('scores unreported findings as normal and says so in the trace', () => {
    const r = psiPort.compute({ age: [70, 'years'], sex: 'Male', 'Altered mental status': true });
    expect(value(r)).toBe(90);
    const step = r.steps.find((s) => /scored as normal/.test(s.what));
    expect(step?.inputs?.findings).toHaveLength(10);
  });

  it('names missing age or sex, and a finding in an unusable unit', () => {
    const { age: _, ...noAge } = normal();
    expect(psiPort.compute(noAge)).toMatchObject({ incomputable: true, missing: ['age'] });
    const { sex: __, ...noSex } = normal();
    expect(psiPort.compute(noSex)).toMatchObject({ incomputable: true, missing: ['sex'] });
    expect(psiPort.compute(normal({ 'Systolic Blood Pressure': [12, 'psi'] }))).toMatchObject({ incomputable: true });
  });
});

describe('PSI/PORT (29), medcalc-v1.0', () => {
  it("converts 'degrees celsisus' as Fahrenheit, so a normal temperature scores 15", () => {
    expect(v1(normal({ Temperature: [38, 'degrees celsisus'] }))).toBe(55);
    expect(ref(normal({ Temperature: [38, 'degrees celsisus'] }))).toBe(40);
  });

  it('uses > 39.9 °C as the high limit', () => {
    expect(v1(normal({ Temperature: [39.95, 'degrees celsius'] }))).toBe(55);
    expect(ref(normal({ Temperature: [39.95, 'degrees celsius'] }))).toBe(40);
  });

  it('rounds glucose mmol/L at each conversion step', () => {
    // 13.86 mmol/L = 249.7 mg/dL (no points), but v1.0: 0.01386 mol → 0.014 → 2.522 g → 252.2 mg/dL → +10
    expect(ref(normal({ Glucose: [13.86, 'mmol/L'] }))).toBe(40);
    expect(v1(normal({ Glucose: [13.86, 'mmol/L'] }))).toBe(50);
  });

  it("scores PaO₂ only when its unit is exactly 'mm Hg' or 'kPa'", () => {
    expect(v1(normal({ 'Partial pressure of oxygen (PaO₂) for Apache II': [55, 'mmHg'] }))).toBe(40);
    expect(v1(normal({ 'Partial pressure of oxygen (PaO₂) for Apache II': [7.5, 'kPa'] }))).toBe(50);
    expect(ref(normal({ 'Partial pressure of oxygen (PaO₂) for Apache II': [55, 'mmHg'] }))).toBe(50);
  });
});

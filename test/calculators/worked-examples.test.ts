import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../src/calculators/run-calculator.js';

/**
 * An independent check of the calculators, beside the regression lock in test/real-data/audit.test.ts
 * (whose expected table is the code's own output). Each case is a patient written here, not taken from
 * the real data, with the answer worked by hand from the published rule cited beside it; the arithmetic
 * is in the comment so a reader can redo it. Run through `runCalculator`, the path `steward calc` takes
 * (entity schema first), under the `reference` convention.
 */
interface WorkedExample {
  calculator: number;
  source: string;
  entities: Record<string, unknown>;
  /** A number (compared to `digits` decimals) or a date / text answer (compared exactly). */
  expected: number | string;
  digits?: number;
  work: string;
}

const EXAMPLES: WorkedExample[] = [
  {
    calculator: 4,
    source: 'CHA2DS2-VASc: Lip GYH et al., Chest 2010;137:263-272, Table 2; MDCalc "CHA2DS2-VASc Score"',
    entities: {
      sex: 'Female',
      age: [72, 'years'],
      'Congestive Heart Faliure': true,
      'Hypertension history': true,
      'Diabetes history': true,
    },
    expected: 5,
    work: 'age 65–74 +1, female +1, CHF +1, hypertension +1, diabetes +1 = 5',
  },
  {
    calculator: 23,
    source: 'MELD Na: OPTN/UNOS policy 9.1 (2016) and Kim WR et al., NEJM 2008;359:1018-1026; MDCalc "MELD Na"',
    entities: {
      creatinine: [1.5, 'mg/dL'],
      Bilirubin: [2.0, 'mg/dL'],
      'international normalized ratio': 1.4,
      Sodium: [132, 'mEq/L'],
    },
    expected: 20.795,
    digits: 6,
    work:
      'MELD(i) = 0.957 ln 1.5 + 0.378 ln 2.0 + 1.120 ln 1.4 + 0.643 = 0.38803 + 0.26201 + 0.37685 + 0.643 = 1.66989 ' +
      '→ 1.7 → × 10 = 17; > 11 so + 1.32 × (137 − 132) − 0.033 × 17 × 5 = 17 + 6.6 − 2.805 = 20.795',
  },
  {
    calculator: 11,
    source: 'QTc Bazett: Bazett HC, Heart 1920;7:353-370, QTc = QT / √RR; MDCalc "Corrected QT Interval"',
    entities: { 'Heart Rate or Pulse': [75, 'beats per minute'], 'QT interval': [400, 'msec'] },
    expected: 447.213595,
    digits: 5,
    work: 'RR = 60 / 75 = 0.8 s; √0.8 = 0.894427; 400 / 0.894427 = 447.2136',
  },
  {
    calculator: 56,
    source: 'QTc Fridericia: Fridericia LS, Acta Med Scand 1920;53:469-486, QTc = QT / ∛RR; MDCalc "Corrected QT"',
    entities: { 'Heart Rate or Pulse': [75, 'beats per minute'], 'QT interval': [400, 'msec'] },
    expected: 430.886938,
    digits: 5,
    work: 'RR = 0.8 s; ∛0.8 = 0.928318; 400 / 0.928318 = 430.8869',
  },
  {
    calculator: 8,
    source: "Wells' criteria for PE: Wells PS et al., Thromb Haemost 2000;83:416-420, Table 3; MDCalc",
    entities: {
      'Heart Rate or Pulse': [110, 'beats per minute'],
      Hemoptysis: true,
      'Malignancy with treatment within 6 months or palliative': true,
    },
    expected: 3.5,
    digits: 9,
    work: 'heart rate > 100 +1.5, hemoptysis +1, malignancy +1 = 3.5',
  },
  {
    calculator: 45,
    source: 'CURB-65: Lim WS et al., Thorax 2003;58:377-382; MDCalc "CURB-65 Score for Pneumonia Severity"',
    entities: {
      age: [78, 'years'],
      'Blood Urea Nitrogen (BUN)': [25, 'mg/dL'],
      'respiratory rate': [22, 'breaths per minute'],
      'Systolic Blood Pressure': [110, 'mm hg'],
      'Diastolic Blood Pressure': [70, 'mm hg'],
    },
    expected: 2,
    work: 'no confusion 0; BUN 25 > 19 mg/dL +1; RR 22 < 30 0; BP 110/70 0; age ≥ 65 +1 = 2',
  },
  {
    calculator: 15,
    source: 'Child-Pugh: Pugh RNH et al., Br J Surg 1973;60:646-649, Table 1; MDCalc "Child-Pugh Score"',
    entities: {
      Bilirubin: [2.5, 'mg/dL'],
      Albumin: [3.0, 'g/dL'],
      'international normalized ratio': 1.5,
      Ascites: 'slight',
      Encephalopathy: 'No Encephalopathy',
    },
    expected: 8,
    work: 'bilirubin 2–3 mg/dL 2; albumin 2.8–3.5 g/dL 2; INR < 1.7 1; slight ascites 2; no encephalopathy 1 = 8 (B)',
  },
  {
    calculator: 25,
    source: 'HAS-BLED: Pisters R et al., Chest 2010;138:1093-1100, Table 2; MDCalc "HAS-BLED Score"',
    entities: {
      age: [70, 'years'],
      'Number of Alcoholic Drinks Per Week': 2,
      Hypertension: true,
      'Medication usage predisposing to bleeding': true,
    },
    expected: 3,
    work: 'hypertension 1, elderly > 65 1, drugs 1, alcohol 2/week (< 8) 0 = 3',
  },
  {
    calculator: 39,
    source: 'Anion gap: Kraut JA, Madias NE, Clin J Am Soc Nephrol 2007;2:162-174, AG = Na − (Cl + HCO3)',
    entities: { Sodium: [137, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [22, 'mEq/L'] },
    expected: 15,
    digits: 9,
    work: '137 − (100 + 22) = 15 mEq/L',
  },
  {
    calculator: 2,
    source:
      'Creatinine clearance: Cockcroft DW, Gault MH, Nephron 1976;16:31-41; weight by BMI as the MedCalc-Bench ' +
      'question prescribes (normal BMI: the lesser of ideal (Devine 1974) and actual weight)',
    entities: { sex: 'Male', age: [70, 'years'], weight: [70, 'kg'], height: [175, 'cm'], creatinine: [1.2, 'mg/dL'] },
    expected: 56.712963,
    digits: 5,
    work:
      'BMI 70 / 1.75² = 22.9 (normal); IBW = 50 + 2.3 × (175 / 2.54 − 60) = 70.46 kg > 70, so 70 kg; ' +
      '(140 − 70) × 70 / (72 × 1.2) = 4900 / 86.4 = 56.7130 mL/min',
  },
  {
    calculator: 13,
    source: "Estimated due date: Naegele's rule, LMP + 280 days (+ cycle − 28); ACOG Committee Opinion 700 (2017)",
    entities: { 'Last menstrual date': '03/15/2022', 'cycle length': 28 },
    expected: '12/20/2022',
    work: 'Mar 15 + 280 d: 16 (rest of March) + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 = 260 → Nov 30; + 20 → Dec 20',
  },
];

describe("worked examples from the calculators' published references (independent of the real data)", () => {
  for (const example of EXAMPLES) {
    it(`calculator ${example.calculator}: ${example.source.split(':')[0]} = ${example.expected}`, () => {
      const { result } = runCalculator({ calculator: example.calculator, entities: example.entities });
      if (result.incomputable) throw new Error(`incomputable: ${result.missing.join(', ')} (${example.work})`);
      if (typeof example.expected === 'number' && example.digits !== undefined) {
        expect(result.value as number, example.work).toBeCloseTo(example.expected, example.digits);
      } else {
        expect(result.value, example.work).toEqual(example.expected);
      }
    });
  }

  it('covers the calculators named in issue 12, once each', () => {
    const ids = EXAMPLES.map((e) => e.calculator);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual([2, 4, 8, 11, 13, 15, 23, 25, 39, 45, 56]);
  });
});

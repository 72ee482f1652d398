import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears, readSex, readWeightKg } from '../shared/body.js';
import type { Inputs } from '../shared/inputs.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/**
 * Creatinine clearance, Cockcroft & Gault, Nephron 1976;16:31–41: CrCl = (140 − age) × weight × (0.85 if
 * female) / (72 × SCr). The weight is the one the MedCalc-Bench question prescribes by BMI.
 */
export const creatinineClearance = defineCalculator({
  id: 2,
  slug: 'creatinine-clearance',
  names: ['Creatinine Clearance (Cockcroft-Gault Equation)'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/creatinine_clearance.py',
  reference:
    'Cockcroft DW, Gault MH. Nephron 1976;16:31-41; weight by BMI as the question states (IBW: Devine 1974; ' +
    'adjusted weight IBW + 0.4 × (actual − IBW)); MDCalc "Creatinine Clearance (Cockcroft-Gault Equation)"',
  entitySchema: entities(
    { sex: shape.sex, age: shape.quantity, weight: shape.quantity, height: shape.quantity, creatinine: shape.quantity },
    ['sex', 'age', 'weight', 'height', 'creatinine'],
  ),
  compute(inputs) {
    const sex = readSex(inputs);
    const age = readAgeYears(inputs);
    const weight = readWeightKg(inputs);
    const heightCm = inputs.isV1 ? v1HeightCm(inputs) : inputs.heightCm();
    const creatinine = readConcentration(inputs, 'creatinine', 'mg/dL', {
      analyte: 'creatinine',
      v1: V1_ANALYTE.creatinine,
    });
    if (
      sex === undefined ||
      age === undefined ||
      weight === undefined ||
      heightCm === undefined ||
      creatinine === undefined
    ) {
      return inputs.incomputable();
    }
    const dosingWeight = weightByBmi(inputs, sex, weight, heightCm);
    const sexFactor = sex === 'Female' ? 0.85 : 1;
    const crcl = ((140 - age) * dosingWeight * sexFactor) / (72 * creatinine);
    const value = inputs.step(
      'CrCl = (140 − age) × weight × sex factor / (72 × SCr), mL/min',
      { age, weightKg: dosingWeight, sexFactor, creatinineMgDl: creatinine },
      roundIfV1(inputs, crcl),
    );
    return inputs.result('decimal', value);
  },
});

/**
 * Height as v1.0 read it. Every data row gives cm; other units go through units.ts (v1.0 in/m rounding not reproduced).
 */
function v1HeightCm(inputs: Inputs): number | undefined {
  const q = inputs.quantity('height', false);
  if (q && q[1] === 'cm') return q[0];
  return inputs.heightCm();
}

/**
 * The question's rule: underweight (BMI < 18.5) → actual weight; normal (18.5 ≤ BMI < 25) → the lesser of
 * ideal and actual weight; overweight or obese (BMI ≥ 25) → adjusted weight IBW + 0.4 × (actual − IBW).
 * v1.0 rounded BMI, height in inches, IBW and ABW to 3 decimals and called 24.9 < BMI < 25 overweight.
 */
function weightByBmi(inputs: Inputs, sex: 'Male' | 'Female', weight: number, heightCm: number): number {
  const v1 = inputs.isV1;
  const r = (x: number) => roundIfV1(inputs, x);
  const heightM = r(heightCm / 100);
  const bmi = inputs.step('BMI = weight / height²', { weightKg: weight, heightM }, r(weight / (heightM * heightM)));
  if (bmi < 18.5) return inputs.step('underweight (BMI < 18.5): actual weight', { bmi }, weight);

  // Devine: 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch over 5 feet. v1.0 used 0.393701 in/cm.
  const heightIn = r(v1 ? heightCm * 0.393701 : heightCm / 2.54);
  const base = sex === 'Male' ? 50 : 45.5;
  const ibw = inputs.step(
    'IBW (Devine) = base + 2.3 × (height in − 60)',
    { base, heightIn },
    r(base + 2.3 * (heightIn - 60)),
  );

  const normal = v1 ? bmi <= 24.9 : bmi < 25;
  if (normal) return inputs.step('normal BMI: weight = min(IBW, actual)', { bmi, ibw, weight }, Math.min(ibw, weight));
  return inputs.step(
    'overweight/obese BMI: adjusted weight = IBW + 0.4 × (actual − IBW)',
    { bmi, ibw, weight },
    r(ibw + 0.4 * (weight - ibw)),
  );
}

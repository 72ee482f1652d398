import { defineCalculator, entities, shape } from '../define.js';
import type { CalcResult } from '../types.js';
import { fio2Fraction } from '../shared/critical-care.js';
import type { Inputs } from '../shared/inputs.js';
import { banded, tidy } from '../shared/tally.js';
import { computeApacheIIV1 } from './apache-ii-v1.js';
import {
  A_A_GRADIENT,
  AGE,
  CREATININE,
  FIO2_KEYS,
  HEART_RATE,
  HEMATOCRIT,
  MAP,
  PAO2_KEYS,
  PH,
  POTASSIUM,
  RESPIRATORY_RATE,
  SODIUM,
  TEMPERATURE,
  WBC_THOUSANDS,
} from './apache-ii-points.js';

/**
 * APACHE II: Knaus WA et al., "APACHE II: a severity of disease classification system", Crit Care Med 1985;13:818–829.
 */
export const apacheII = defineCalculator({
  id: 28,
  slug: 'apache-ii',
  names: ['APACHE II Score'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/apache_ii.py',
  reference:
    'Knaus WA, Draper EA, Wagner DP, Zimmerman JE. Crit Care Med 1985;13(10):818–829; MDCalc "APACHE II Score"',
  entitySchema: entities({
    age: shape.quantity,
    Temperature: shape.quantity,
    'Systolic Blood Pressure': shape.quantity,
    'Diastolic Blood Pressure': shape.quantity,
    'Heart Rate or Pulse': shape.quantity,
    'respiratory rate': shape.quantity,
    'FiO₂': shape.quantity,
    FiO2: shape.quantity,
    'A-a gradient': { anyOf: [shape.number, shape.quantity] },
    'Partial pressure of oxygen (PaO₂) for Apache II': shape.quantity,
    PaO2: shape.quantity,
    pH: shape.number,
    Sodium: shape.quantity,
    Potassium: shape.quantity,
    creatinine: shape.quantity,
    'Acute renal failure': shape.flag,
    'Chronic Renal Failure': { anyOf: [shape.flag, shape.text] },
    'Chronic renal failure': { anyOf: [shape.flag, shape.text] },
    Hematocrit: shape.quantity,
    'White blood cell count': shape.quantity,
    'Glasgow Coma Score': shape.number,
    'History of severe organ failure or immunocompromise': shape.flag,
    'Surgery Type': shape.text,
  }),
  compute: (inputs) => (inputs.isV1 ? computeApacheIIV1(inputs) : computeReference(inputs)),
});

/**
 * Every physiologic value, age and GCS are required: MDCalc asks for each and none is assumed normal, so a
 * missing one makes the score incomputable. Absent flags (acute renal failure, chronic history) are false.
 */
function computeReference(inputs: Inputs): CalcResult {
  const age = inputs.ageYears();
  const tempC = inputs.temperatureC();
  const sbp = inputs.pressureMmHg('Systolic Blood Pressure');
  const dbp = inputs.pressureMmHg('Diastolic Blood Pressure');
  const hr = inputs.ratePerMin('Heart Rate or Pulse');
  const rr = inputs.ratePerMin('respiratory rate');
  const fio2 = fio2Fraction(inputs, inputs.firstKey(FIO2_KEYS));
  const pH = inputs.number('pH');
  const sodium = inputs.concentration('Sodium', 'mmol/L', 'sodium');
  const potassium = inputs.concentration('Potassium', 'mmol/L', 'potassium');
  const creatinine = inputs.concentration('creatinine', 'mg/dL', 'creatinine');
  const hct = inputs.number('Hematocrit');
  const wbcPerUl = inputs.countPerUl('White blood cell count');
  const gcs = inputs.number('Glasgow Coma Score');
  if (gcs !== undefined && (gcs < 3 || gcs > 15)) inputs.missing.push('Glasgow Coma Score (outside 3–15)');

  // Oxygenation: A-a gradient when FiO₂ ≥ 0.5, else PaO₂ (the gradient cannot be derived: no PaCO₂).
  let oxygenation: { aa?: number; pao2?: number } = {};
  if (fio2 !== undefined) {
    if (fio2 >= 0.5) oxygenation = { aa: inputs.number('A-a gradient') };
    else oxygenation = { pao2: inputs.pressureMmHg(inputs.firstKey(PAO2_KEYS)) };
  }
  if (inputs.incomplete) return inputs.incomputable();

  const s = (what: string, input: Record<string, unknown>, points: number) => inputs.step(what, input, points);
  let total = 0;
  total += s('Temperature (°C; taken as core, no route adjustment)', { tempC }, banded(tempC!, TEMPERATURE, 4));
  const map = (sbp! + 2 * dbp!) / 3;
  total += s('Mean arterial pressure = (SBP + 2·DBP) / 3', { sbp, dbp, map }, banded(map, MAP, 4));
  total += s('Heart rate', { hr }, banded(hr!, HEART_RATE, 4));
  total += s('Respiratory rate', { rr }, banded(rr!, RESPIRATORY_RATE, 4));
  if (oxygenation.aa !== undefined) {
    total += s(
      'Oxygenation: FiO₂ ≥ 0.5, so A-a gradient',
      { fio2, aaGradient: oxygenation.aa },
      banded(oxygenation.aa, A_A_GRADIENT, 0),
    );
  } else {
    const pao2 = tidy(oxygenation.pao2!);
    const points = pao2 > 70 ? 0 : pao2 >= 61 ? 1 : pao2 >= 55 ? 3 : 4;
    total += s('Oxygenation: FiO₂ < 0.5, so PaO₂ (>70: 0, 61–70: 1, 55–60: 3, <55: 4)', { fio2, pao2 }, points);
  }
  total += s('Arterial pH', { pH }, banded(pH!, PH, 4));
  total += s('Serum sodium (mmol/L)', { sodium }, banded(sodium!, SODIUM, 4));
  total += s('Serum potassium (mmol/L)', { potassium }, banded(potassium!, POTASSIUM, 4));

  const arf = inputs.flag('Acute renal failure');
  const creatininePoints = banded(creatinine!, CREATININE, 2);
  total += s(
    'Serum creatinine (mg/dL); points doubled for acute renal failure (Knaus 1985). Chronic renal failure alone ' +
      'does not change them.',
    { creatinine, acuteRenalFailure: arf },
    arf ? 2 * creatininePoints : creatininePoints,
  );
  total += s('Hematocrit (%)', { hct }, banded(hct!, HEMATOCRIT, 4));
  const wbc = wbcPerUl! / 1000;
  total += s('White blood cells (×10³/µL)', { wbc }, banded(wbc, WBC_THOUSANDS, 4));
  total += s('Glasgow Coma Scale: 15 − GCS', { gcs }, 15 - gcs!);

  const years = Math.floor(age!);
  total += s(
    'Age points (completed years: ≤44: 0, 45–54: 2, 55–64: 3, 65–74: 5, ≥75: 6)',
    { age: years },
    banded(years, AGE, 0),
  );
  total += chronicHealthPoints(inputs);
  return inputs.result(
    'integer',
    inputs.step('APACHE II = acute physiology + age + chronic health points', undefined, total),
  );
}

/**
 * Chronic health points: severe organ insufficiency or immunocompromise scores 5 for nonoperative or
 * emergency postoperative patients, 2 for elective postoperative ones. With no surgery type reported the
 * patient is taken as nonoperative (an ICU admission with no operation mentioned).
 */
function chronicHealthPoints(inputs: Inputs): number {
  const history = inputs.flag('History of severe organ failure or immunocompromise');
  const surgery = inputs.text('Surgery Type', false)?.trim();
  if (!history) return inputs.step('Chronic health: no severe organ insufficiency or immunocompromise', { history }, 0);
  const elective = surgery !== undefined && /^elective/i.test(surgery);
  const what = elective
    ? 'Chronic health: history present, elective postoperative'
    : `Chronic health: history present, ` +
      `${surgery ? `'${surgery}'` : 'no surgery type reported, taken as nonoperative'} → nonoperative/emergency`;
  return inputs.step(what, { history, surgery: surgery ?? null }, elective ? 2 : 5);
}

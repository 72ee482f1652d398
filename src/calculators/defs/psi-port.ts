import { defineCalculator, entities, shape } from '../define.js';
import type { CalcResult } from '../types.js';
import type { Inputs } from '../shared/inputs.js';
import { tidy } from '../shared/tally.js';
import { pyTruthy, roundV1, V1_ANALYTE, v1ConvertConcentration, v1TemperatureC } from '../shared/v1-quirks.js';

/**
 * PSI/PORT: Fine MJ et al., "A prediction rule to identify low-risk patients with community-acquired pneumonia", N Engl
 * J Med 1997;336:243–250.
 */
export const psiPort = defineCalculator({
  id: 29,
  slug: 'psi-port',
  names: ['PSI Score: Pneumonia Severity Index for CAP'],
  category: 'severity',
  kind: 'integer',
  v1Source: 'calculator_implementations/psi_score.py',
  reference:
    'Fine MJ et al. N Engl J Med 1997;336(4):243–250; MDCalc "PSI/PORT Score: Pneumonia Severity Index for CAP"',
  entitySchema: entities(
    {
      age: shape.quantity,
      sex: shape.sex,
      'Nursing home resident': shape.flag,
      'Neoplastic disease': shape.flag,
      'Liver disease severity': shape.flag,
      'Liver disease history': shape.flag,
      'Congestive Heart Faliure': shape.flag,
      'Cerebrovascular disease history': shape.flag,
      'Renal disease': shape.flag,
      'Renal disease history': shape.flag,
      'Altered mental status': shape.flag,
      'respiratory rate': shape.quantity,
      'Systolic Blood Pressure': shape.quantity,
      Temperature: shape.quantity,
      'Heart Rate or Pulse': shape.quantity,
      pH: shape.number,
      'Blood Urea Nitrogen (BUN)': shape.quantity,
      Sodium: shape.quantity,
      Glucose: shape.quantity,
      Hematocrit: shape.quantity,
      'Partial pressure of oxygen (PaO₂) for Apache II': shape.quantity,
      'Partial pressure of oxygen': shape.quantity,
      PaO2: shape.quantity,
      'Pleural effusion on x-ray': shape.flag,
    },
    ['age', 'sex'],
  ),
  compute: (inputs) => (inputs.isV1 ? computeV1(inputs) : computeReference(inputs)),
});

const PAO2_KEYS = ['Partial pressure of oxygen (PaO₂) for Apache II', 'Partial pressure of oxygen', 'PaO2'];
const LIVER_KEYS = ['Liver disease severity', 'Liver disease history'];
const RENAL_KEYS = ['Renal disease', 'Renal disease history'];

/** Yes/no findings and their points (Fine 1997, table 2); an absent finding is "no". */
const HISTORY: readonly [string | readonly string[], number, string][] = [
  ['Nursing home resident', 10, 'Nursing home resident'],
  ['Neoplastic disease', 30, 'Neoplastic disease'],
  [LIVER_KEYS, 20, 'Liver disease'],
  ['Congestive Heart Faliure', 10, 'Congestive heart failure'],
  ['Cerebrovascular disease history', 10, 'Cerebrovascular disease'],
  [RENAL_KEYS, 10, 'Renal disease'],
  ['Altered mental status', 20, 'Altered mental status'],
  ['Pleural effusion on x-ray', 10, 'Pleural effusion on x-ray'],
];

/**
 * Measured findings are scored as normal when not reported, as in the derivation (Fine 1997 assumed
 * missing values normal) and as MDCalc's yes/no items read; age and sex are required. A value given in a
 * unit that cannot be converted makes the score incomputable rather than normal.
 */
function computeReference(inputs: Inputs): CalcResult {
  const age = inputs.ageYears();
  const sex = inputs.text('sex');
  const rr = inputs.ratePerMin('respiratory rate', false);
  const sbp = inputs.pressureMmHg('Systolic Blood Pressure', false);
  const tempC = inputs.temperatureC('Temperature', false);
  const pulse = inputs.ratePerMin('Heart Rate or Pulse', false);
  const pH = inputs.number('pH', false);
  const bun = inputs.concentration('Blood Urea Nitrogen (BUN)', 'mg/dL', 'bun', false);
  const sodium = inputs.concentration('Sodium', 'mmol/L', 'sodium', false);
  const glucose = inputs.concentration('Glucose', 'mg/dL', 'glucose', false);
  const hct = inputs.number('Hematocrit', false);
  const pao2 = inputs.pressureMmHg(inputs.firstKey(PAO2_KEYS), false);
  if (sex !== undefined && sex !== 'Male' && sex !== 'Female')
    inputs.missing.push(`sex ('${sex}' is neither Male nor Female)`);
  if (inputs.incomplete) return inputs.incomputable();

  const years = Math.floor(age!);
  let total = inputs.step(
    sex === 'Female' ? 'Age in completed years − 10 (female)' : 'Age in completed years (male)',
    { age: years, sex },
    sex === 'Female' ? years - 10 : years,
  );
  for (const [keys, points, name] of HISTORY) {
    const present = inputs.flag(typeof keys === 'string' ? keys : inputs.firstKey(keys));
    total += inputs.step(name, { present }, present ? points : 0);
  }
  const unreported: string[] = [];
  const finding = (name: string, value: number | undefined, abnormal: (v: number) => boolean, points: number) => {
    if (value === undefined) unreported.push(name);
    total += inputs.step(name, { value: value ?? null }, value !== undefined && abnormal(tidy(value)) ? points : 0);
  };
  finding('Respiratory rate ≥ 30/min', rr, (v) => v >= 30, 20);
  finding('Systolic blood pressure < 90 mm Hg', sbp, (v) => v < 90, 20);
  finding('Temperature < 35 °C or ≥ 40 °C', tempC, (v) => v < 35 || v >= 40, 15);
  finding('Pulse ≥ 125/min', pulse, (v) => v >= 125, 10);
  finding('Arterial pH < 7.35', pH, (v) => v < 7.35, 30);
  finding('BUN ≥ 30 mg/dL', bun, (v) => v >= 30, 20);
  finding('Sodium < 130 mmol/L', sodium, (v) => v < 130, 20);
  finding('Glucose ≥ 250 mg/dL', glucose, (v) => v >= 250, 10);
  finding('Hematocrit < 30%', hct, (v) => v < 30, 10);
  finding('PaO₂ < 60 mm Hg', pao2, (v) => v < 60, 10);
  if (unreported.length > 0) inputs.step('Not reported, scored as normal (Fine 1997)', { findings: unreported }, 0);
  return inputs.result('integer', inputs.step('PSI = sum of points', undefined, total));
}

/**
 * What the v1.0 label code did: temperature in any unit but exactly 'degrees celsius' converted as
 * Fahrenheit (so 'degrees celsisus' readings become ~1–3 °C and score 15), the high limit "> 39.9 °C",
 * glucose in mmol/L converted with rounding at every step (7.2 mmol/L → 0.007 mol → 126.1 mg/dL), and
 * PaO₂ scored only when its unit is exactly 'mm Hg' (< 60) or 'kPa' (< 8).
 */
function computeV1(inputs: Inputs): CalcResult {
  const age = inputs.ageYears();
  const sex = inputs.raw('sex');
  const pulse = inputs.number('Heart Rate or Pulse');
  const temp = inputs.quantity('Temperature');
  const pH = inputs.number('pH');
  const rr = inputs.number('respiratory rate');
  const sbp = inputs.number('Systolic Blood Pressure');
  const bun = inputs.quantity('Blood Urea Nitrogen (BUN)');
  const sodium = inputs.concentration('Sodium', 'mmol/L', 'sodium');
  const glucose = inputs.quantity('Glucose');
  const hct = inputs.number('Hematocrit');
  const pao2 = inputs.quantity(inputs.firstKey(PAO2_KEYS));
  if (inputs.incomplete) return inputs.incomputable();
  const bunMg = v1ConvertConcentration(bun![0], bun![1], 'mg/dL', V1_ANALYTE.bun);
  const glucoseMg = v1ConvertConcentration(glucose![0], glucose![1], 'mg/dL', V1_ANALYTE.glucose);
  if (bunMg === undefined) inputs.missing.push(`Blood Urea Nitrogen (BUN) (unit '${bun![1]}' not handled by v1.0)`);
  if (glucoseMg === undefined) inputs.missing.push(`Glucose (unit '${glucose![1]}' not handled by v1.0)`);
  if (inputs.incomplete) return inputs.incomputable();

  const s = (what: string, input: Record<string, unknown>, points: number) =>
    inputs.step(`v1.0: ${what}`, input, points);
  let total = s('age', { age }, age!);
  total += s("sex ('Female' −10)", { sex }, sex === 'Female' ? -10 : 0);
  for (const [keys, points, name] of HISTORY) {
    const present = pyTruthy(inputs.raw(typeof keys === 'string' ? keys : inputs.firstKey(keys)));
    total += s(name, { present }, present ? points : 0);
  }
  total += s('pulse ≥ 125', { pulse }, pulse! >= 125 ? 10 : 0);
  const t = v1TemperatureC(temp![0], temp![1]);
  total += s(
    "temperature < 35 or > 39.9 (unit other than exactly 'degrees celsius' converted as °F)",
    { value: temp![0], unit: temp![1], celsius: t },
    t < 35 || t > 39.9 ? 15 : 0,
  );
  total += s('pH < 7.35', { pH }, pH! < 7.35 ? 30 : 0);
  total += s('respiratory rate ≥ 30', { rr }, rr! >= 30 ? 20 : 0);
  total += s('systolic < 90', { sbp }, sbp! < 90 ? 20 : 0);
  total += s('BUN ≥ 30 mg/dL', { bun: bunMg }, bunMg! >= 30 ? 20 : 0);
  const na = roundV1(sodium!);
  total += s('sodium < 130', { sodium: na }, na < 130 ? 20 : 0);
  total += s(
    'glucose ≥ 250 mg/dL (converted with rounding at each step)',
    { glucose: glucoseMg },
    glucoseMg! >= 250 ? 10 : 0,
  );
  total += s('hematocrit < 30', { hct }, hct! < 30 ? 10 : 0);
  const [p, unit] = pao2!;
  total += s(
    "PaO₂ (scored only in 'mm Hg' < 60 or 'kPa' < 8)",
    { pao2: p, unit },
    (unit === 'mm Hg' && p < 60) || (unit === 'kPa' && p < 8) ? 10 : 0,
  );
  return inputs.result('integer', inputs.step('v1.0: PSI total', undefined, total));
}

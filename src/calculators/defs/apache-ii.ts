import { defineCalculator, entities, shape } from '../define.js';
import type { CalcResult } from '../types.js';
import { fio2Fraction } from '../shared/critical-care.js';
import type { Inputs } from '../shared/inputs.js';
import { banded, type Threshold, tidy } from '../shared/tally.js';
import { pyTruthy, roundV1, V1_ANALYTE, v1ConvertConcentration, v1TemperatureC } from '../shared/v1-quirks.js';

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
  compute: (inputs) => (inputs.isV1 ? computeV1(inputs) : computeReference(inputs)),
});

const FIO2_KEYS = ['FiO₂', 'FiO2'];
const PAO2_KEYS = ['Partial pressure of oxygen (PaO₂) for Apache II', 'PaO2'];
const CRF_KEYS = ['Chronic Renal Failure', 'Chronic renal failure'];

// Knaus 1985, table 1: each printed range starts at its lower limit (see `banded`).
const TEMPERATURE: Threshold[] = [
  [41, 4],
  [39, 3],
  [38.5, 1],
  [36, 0],
  [34, 1],
  [32, 2],
  [30, 3],
];
const MAP: Threshold[] = [
  [160, 4],
  [130, 3],
  [110, 2],
  [70, 0],
  [50, 2],
];
const HEART_RATE: Threshold[] = [
  [180, 4],
  [140, 3],
  [110, 2],
  [70, 0],
  [55, 2],
  [40, 3],
];
const RESPIRATORY_RATE: Threshold[] = [
  [50, 4],
  [35, 3],
  [25, 1],
  [12, 0],
  [10, 1],
  [6, 2],
];
const A_A_GRADIENT: Threshold[] = [
  [500, 4],
  [350, 3],
  [200, 2],
];
const PH: Threshold[] = [
  [7.7, 4],
  [7.6, 3],
  [7.5, 1],
  [7.33, 0],
  [7.25, 2],
  [7.15, 3],
];
const SODIUM: Threshold[] = [
  [180, 4],
  [160, 3],
  [155, 2],
  [150, 1],
  [130, 0],
  [120, 2],
  [111, 3],
];
const POTASSIUM: Threshold[] = [
  [7, 4],
  [6, 3],
  [5.5, 1],
  [3.5, 0],
  [3, 1],
  [2.5, 2],
];
const CREATININE: Threshold[] = [
  [3.5, 4],
  [2, 3],
  [1.5, 2],
  [0.6, 0],
];
const HEMATOCRIT: Threshold[] = [
  [60, 4],
  [50, 2],
  [46, 1],
  [30, 0],
  [20, 2],
];
const WBC_THOUSANDS: Threshold[] = [
  [40, 4],
  [20, 2],
  [15, 1],
  [3, 0],
  [1, 2],
];
const AGE: Threshold[] = [
  [75, 6],
  [65, 5],
  [55, 3],
  [45, 2],
];

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

/**
 * What the v1.0 label code did: only 'degrees celsius' is Celsius (so 'degrees celsisus' is converted as
 * Fahrenheit), the low-side bands of MAP, heart and respiratory rate, pH, sodium, potassium, hematocrit and
 * WBC score nothing, WBC per µL is compared with limits meant for ×10³/µL, GCS is added instead of 15 − GCS,
 * creatinine scores only with acute or chronic renal failure, age 45 and 75 fall between its bands, and
 * chronic health scores only with surgery type 'Elective' (2) or 'Emergency' (5).
 */
function computeV1(inputs: Inputs): CalcResult {
  const age = inputs.ageYears();
  const temp = inputs.quantity('Temperature');
  const sbp = inputs.number('Systolic Blood Pressure');
  const dbp = inputs.number('Diastolic Blood Pressure');
  const hr = inputs.number('Heart Rate or Pulse');
  const rr = inputs.number('respiratory rate');
  const fio2 = inputs.number(inputs.firstKey(FIO2_KEYS));
  const pH = inputs.number('pH');
  const sodium = inputs.concentration('Sodium', 'mmol/L', 'sodium');
  const potassium = inputs.concentration('Potassium', 'mmol/L', 'potassium');
  const creatinineQ = inputs.quantity('creatinine');
  const hct = inputs.number('Hematocrit');
  const wbc = inputs.countPerUl('White blood cell count');
  const gcs = inputs.number('Glasgow Coma Score');
  const oxygen =
    fio2 === undefined
      ? undefined
      : fio2 >= 50
        ? inputs.number('A-a gradient')
        : inputs.number(inputs.firstKey(PAO2_KEYS));
  const creatinine =
    creatinineQ && v1ConvertConcentration(creatinineQ[0], creatinineQ[1], 'mg/dL', V1_ANALYTE.creatinine);
  if (creatinineQ && creatinine === undefined)
    inputs.missing.push(`creatinine (unit '${creatinineQ[1]}' not handled by v1.0)`);
  if (inputs.incomplete) return inputs.incomputable();

  const s = (what: string, input: Record<string, unknown>, points: number) =>
    inputs.step(`v1.0: ${what}`, input, points);
  let total = 0;
  if (inputs.flag('History of severe organ failure or immunocompromise')) {
    const surgery = inputs.raw('Surgery Type');
    total += s(
      "chronic health: only 'Elective' (2) or 'Emergency' (5) score",
      { surgery },
      surgery === 'Elective' ? 2 : surgery === 'Emergency' ? 5 : 0,
    );
  }
  const a = age!;
  total += s(
    'age (45 and 75 fall between bands)',
    { age: a },
    a < 45 ? 0 : a > 45 && a <= 54 ? 2 : a >= 55 && a <= 64 ? 3 : a >= 65 && a <= 74 ? 5 : a > 75 ? 6 : 0,
  );
  if (fio2! >= 50) {
    const aa = oxygen!;
    total += s(
      'A-a gradient',
      { fio2, aa },
      aa > 499 ? 4 : aa >= 350 && aa <= 499 ? 3 : aa >= 200 && aa <= 349 ? 2 : 0,
    );
  } else {
    const p = oxygen!;
    total += s(
      'PaO₂',
      { fio2, pao2: p },
      p > 70 ? 0 : p >= 61 && p <= 70 ? 1 : p >= 55 && p <= 60 ? 3 : p < 55 ? 4 : 0,
    );
  }
  const t = v1TemperatureC(temp![0], temp![1]);
  total += s(
    "temperature (unit other than exactly 'degrees celsius' converted as °F)",
    { value: temp![0], unit: temp![1], celsius: t },
    banded(t, TEMPERATURE, 4),
  );
  const map = roundV1((2 * dbp!) / 3 + sbp! / 3);
  total += s('MAP (low side unscored)', { map }, map > 159 ? 4 : map > 129 ? 3 : map > 109 ? 2 : 0);
  total += s(
    'heart rate (low side unscored)',
    { hr },
    banded(
      hr!,
      [
        [180, 4],
        [140, 3],
        [110, 2],
      ],
      0,
    ),
  );
  total += s(
    'respiratory rate (low side unscored)',
    { rr },
    banded(
      rr!,
      [
        [50, 4],
        [35, 3],
        [25, 1],
      ],
      0,
    ),
  );
  total += s(
    'pH (low side unscored)',
    { pH },
    banded(
      pH!,
      [
        [7.7, 4],
        [7.6, 3],
        [7.5, 1],
      ],
      0,
    ),
  );
  const na = roundV1(sodium!);
  total += s(
    'sodium (low side unscored)',
    { sodium: na },
    banded(
      na,
      [
        [180, 4],
        [160, 3],
        [155, 2],
        [150, 1],
      ],
      0,
    ),
  );
  const k = roundV1(potassium!);
  total += s(
    'potassium (low side unscored)',
    { potassium: k },
    banded(
      k,
      [
        [7, 4],
        [6, 3],
        [5.5, 1],
      ],
      0,
    ),
  );
  total += s(
    'creatinine (scored only with acute or chronic renal failure)',
    { creatinine },
    creatinineV1(inputs, creatinine!),
  );
  total += s(
    'hematocrit (low side unscored)',
    { hct },
    banded(
      hct!,
      [
        [60, 4],
        [50, 2],
        [46, 1],
      ],
      0,
    ),
  );
  total += s(
    'WBC count per µL compared with ×10³ limits',
    { wbc },
    banded(
      wbc!,
      [
        [40, 4],
        [20, 2],
        [15, 1],
      ],
      0,
    ),
  );
  total += s('GCS added as is', { gcs }, gcs!);
  return inputs.result('integer', inputs.step('v1.0: APACHE II total', undefined, total));
}

function creatinineV1(inputs: Inputs, cr: number): number {
  const acute = pyTruthy(inputs.raw('Acute renal failure'));
  const chronic = pyTruthy(inputs.raw(inputs.firstKey(CRF_KEYS)));
  if (cr >= 3.5 && acute) return 8;
  if (cr >= 2 && cr < 3.5 && acute) return 6;
  if (cr >= 3.5 && chronic) return 4;
  if (cr >= 2 && cr < 3.5 && chronic) return 3;
  if (cr >= 1.5 && cr < 2 && acute) return 4;
  if (cr >= 1.5 && cr < 2 && chronic) return 2;
  if (cr < 0.6) return 2;
  return 0;
}

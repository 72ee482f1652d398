import type { CalcResult } from '../types.js';
import type { Inputs } from '../shared/inputs.js';
import { banded } from '../shared/tally.js';
import { pyTruthy, roundV1, V1_ANALYTE, v1ConvertConcentration, v1TemperatureC } from '../shared/v1-quirks.js';
import { CRF_KEYS, FIO2_KEYS, PAO2_KEYS, TEMPERATURE } from './apache-ii-points.js';

/**
 * What the v1.0 label code did: only 'degrees celsius' is Celsius (so 'degrees celsisus' is converted as
 * Fahrenheit), the low-side bands of MAP, heart and respiratory rate, pH, sodium, potassium, hematocrit and
 * WBC score nothing, WBC per µL is compared with limits meant for ×10³/µL, GCS is added instead of 15 − GCS,
 * creatinine scores only with acute or chronic renal failure, age 45 and 75 fall between its bands, and
 * chronic health scores only with surgery type 'Elective' (2) or 'Emergency' (5).
 */
export function computeApacheIIV1(inputs: Inputs): CalcResult {
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

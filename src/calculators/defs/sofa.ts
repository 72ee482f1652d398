import { defineCalculator, entities, shape } from '../define.js';
import type { CalcResult } from '../types.js';
import { doseMcgKgMin, fio2Fraction } from '../shared/critical-care.js';
import type { Inputs } from '../shared/inputs.js';
import { banded, type Threshold, tidy } from '../shared/tally.js';
import { pyTruthy, roundV1, V1_ANALYTE, v1ConvertConcentration } from '../shared/v1-quirks.js';

/**
 * SOFA: Vincent JL et al., "The SOFA (Sepsis-related Organ Failure Assessment) score…", Intensive Care Med
 * 1996;22:707–710.
 */
export const sofa = defineCalculator({
  id: 43,
  slug: 'sofa',
  names: ['Sequential Organ Failure Assessment (SOFA) Score'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/sofa.py',
  reference:
    'Vincent JL et al. Intensive Care Med 1996;22(7):707–710; MDCalc "Sequential Organ Failure Assessment (SOFA) ' +
    'Score"',
  entitySchema: entities({
    'Partial pressure of oxygen (PaO₂) for Apache II': shape.quantity,
    PaO2: shape.quantity,
    'FiO₂': shape.quantity,
    FiO2: shape.quantity,
    'On mechanical ventilation': shape.flag,
    'Continous positive airway pressure': shape.flag,
    'Continuous positive airway pressure': shape.flag,
    'Platelet count': shape.quantity,
    'Glasgow Coma Score': shape.number,
    Bilirubin: shape.quantity,
    'Systolic Blood Pressure': shape.quantity,
    'Diastolic Blood Pressure': shape.quantity,
    Hypotension: shape.flag,
    DOPamine: shape.quantity,
    DOBUTamine: shape.quantity,
    EPINEPHrine: shape.quantity,
    norEPINEPHrine: shape.quantity,
    creatinine: shape.quantity,
    'Urine Output': shape.quantity,
    'Continuous veno-venous hemodialysis for ≥24 hours in the past week': shape.flag,
  }),
  compute: (inputs) => (inputs.isV1 ? computeV1(inputs) : computeReference(inputs)),
});

const PAO2_KEYS = ['Partial pressure of oxygen (PaO₂) for Apache II', 'PaO2'];
const FIO2_KEYS = ['FiO₂', 'FiO2'];
const CPAP_KEYS = ['Continous positive airway pressure', 'Continuous positive airway pressure'];
const DRUGS = {
  dopamine: 'DOPamine',
  dobutamine: 'DOBUTamine',
  epinephrine: 'EPINEPHrine',
  norepinephrine: 'norEPINEPHrine',
} as const;

// Vincent 1996, table 1, as ordered limits (a value at or above the limit scores the points).
const PLATELETS_THOUSANDS: Threshold[] = [
  [150, 0],
  [100, 1],
  [50, 2],
  [20, 3],
];
const GCS: Threshold[] = [
  [15, 0],
  [13, 1],
  [10, 2],
  [6, 3],
];
const BILIRUBIN: Threshold[] = [
  [12, 4],
  [6, 3],
  [2, 2],
  [1.2, 1],
];
const CREATININE: Threshold[] = [
  [5, 4],
  [3.5, 3],
  [2, 2],
  [1.2, 1],
];

/**
 * PaO₂, FiO₂, platelets, GCS, bilirubin and one of creatinine or urine output are required (MDCalc asks for
 * each); an absent vasopressor is not given, absent ventilation/CPAP/hypotension flags are false.
 */
function computeReference(inputs: Inputs): CalcResult {
  const pao2 = inputs.pressureMmHg(inputs.firstKey(PAO2_KEYS));
  const fio2 = fio2Fraction(inputs, inputs.firstKey(FIO2_KEYS));
  const platelets = inputs.countPerUl('Platelet count');
  const gcs = inputs.number('Glasgow Coma Score');
  const bilirubin = inputs.concentration('Bilirubin', 'mg/dL', 'bilirubin');
  const creatinine = inputs.concentration('creatinine', 'mg/dL', 'creatinine', false);
  const urine = urineMlPerDay(inputs);
  // Renal needs one of the two (MDCalc: "creatinine (or urine output)").
  if (!inputs.has('creatinine') && !inputs.has('Urine Output')) inputs.missing.push('creatinine or Urine Output');
  const doses = {
    dopamine: doseMcgKgMin(inputs, DRUGS.dopamine),
    dobutamine: doseMcgKgMin(inputs, DRUGS.dobutamine),
    epinephrine: doseMcgKgMin(inputs, DRUGS.epinephrine),
    norepinephrine: doseMcgKgMin(inputs, DRUGS.norepinephrine),
  };
  if (inputs.incomplete) return inputs.incomputable();

  let total = 0;
  // Respiratory support: MDCalc's "mechanically ventilated, including CPAP".
  const supported = inputs.flag('On mechanical ventilation') || inputs.flag(inputs.firstKey(CPAP_KEYS));
  const ratio = tidy(pao2! / fio2!);
  const respiratory = ratio >= 400 ? 0 : ratio >= 300 ? 1 : ratio >= 200 ? 2 : !supported ? 2 : ratio >= 100 ? 3 : 4;
  total += inputs.step(
    'Respiration: PaO₂/FiO₂ (3–4 points only with ventilation or CPAP, else capped at 2)',
    { pao2, fio2, ratio, supported },
    respiratory,
  );
  const plt = platelets! / 1000;
  total += inputs.step('Coagulation: platelets ×10³/µL', { platelets: plt }, banded(plt, PLATELETS_THOUSANDS, 4));
  total += inputs.step('Liver: bilirubin mg/dL', { bilirubin }, banded(bilirubin!, BILIRUBIN, 0));
  total += inputs.step('Central nervous system: GCS', { gcs }, banded(gcs!, GCS, 4));
  total += cardiovascularPoints(inputs, doses);
  total += renalPoints(inputs, creatinine, urine);
  if (inputs.flag('Continuous veno-venous hemodialysis for ≥24 hours in the past week')) {
    inputs.step(
      'Continuous veno-venous hemodialysis is not a SOFA criterion: renal points come from creatinine and urine ' +
        'output only',
      undefined,
      0,
    );
  }
  return inputs.result('integer', inputs.step('SOFA = sum of the six organ scores', undefined, total));
}

type Doses = Record<keyof typeof DRUGS, number>;

/**
 * Cardiovascular: the highest tier met. MAP < 70 mm Hg scores 1, from the blood pressures when both are
 * given, or from a reported hypotension (SOFA takes the worst value of the day); pressors in mcg/kg/min for
 * ≥ 1 h score 2–4. An absent drug is not given.
 */
function cardiovascularPoints(inputs: Inputs, d: Doses): number {
  let points = 0;
  const sbp = inputs.pressureMmHg('Systolic Blood Pressure', false);
  const dbp = inputs.pressureMmHg('Diastolic Blood Pressure', false);
  const map = sbp !== undefined && dbp !== undefined ? tidy((sbp + 2 * dbp) / 3) : undefined;
  const hypotension = inputs.flag('Hypotension');
  if ((map !== undefined && map < 70) || hypotension) points = 1;
  if (d.dopamine > 0 || d.dobutamine > 0) points = 2;
  if (d.dopamine > 5 || d.epinephrine > 0 || d.norepinephrine > 0) points = 3;
  if (d.dopamine > 15 || d.epinephrine > 0.1 || d.norepinephrine > 0.1) points = 4;
  return inputs.step(
    'Cardiovascular: MAP < 70 → 1; dopamine ≤ 5 or any dobutamine → 2; dopamine > 5, epi or norepi ≤ 0.1 → 3; ' +
      'dopamine > 15, epi or norepi > 0.1 → 4',
    { map: map ?? null, hypotension, ...d },
    points,
  );
}

/** Renal: the worse of the creatinine band and the urine-output band (< 500 mL/day: 3, < 200: 4). */
function renalPoints(inputs: Inputs, creatinine: number | undefined, urine: number | undefined): number {
  const byCreatinine = creatinine === undefined ? 0 : banded(creatinine, CREATININE, 0);
  const byUrine = urine === undefined ? 0 : urine < 200 ? 4 : urine < 500 ? 3 : 0;
  return inputs.step(
    'Renal: worse of creatinine (mg/dL) and urine output (mL/day)',
    { creatinine: creatinine ?? null, urineOutput: urine ?? null },
    Math.max(byCreatinine, byUrine),
  );
}

function urineMlPerDay(inputs: Inputs): number | undefined {
  const q = inputs.quantity('Urine Output', false);
  if (!q) return undefined;
  const unit = q[1].trim().toLowerCase().replace(/\s/g, '');
  if (unit === 'ml/day' || unit === 'ml/24h' || unit === 'ml/d') return q[0];
  if (unit === 'l/day' || unit === 'l/24h' || unit === 'l/d') return q[0] * 1000;
  inputs.missing.push(`Urine Output (unit '${q[1]}' not convertible to mL/day)`);
  return undefined;
}

/**
 * What the v1.0 label code did: PaO₂ divided by FiO₂ in percent (a ratio near 1, so ventilated patients
 * score 4, others 2, and CPAP alone 0); a missing dopamine counts as dose 0 "≤ 5", so the cardiovascular
 * score is 2 unless dopamine > 5 without dobutamine (3), or MAP < 70 with no other pressor (1); urine output
 * is used only without creatinine (< 500: 3, the < 200 tier unreachable), creatinine only without urine
 * output, and with both the renal score is 0; concentrations converted with rounding at each step.
 */
function computeV1(inputs: Inputs): CalcResult {
  const pao2 = inputs.number(inputs.firstKey(PAO2_KEYS));
  const fio2 = inputs.number(inputs.firstKey(FIO2_KEYS));
  const bilirubin = inputs.quantity('Bilirubin');
  const platelets = inputs.countPerUl('Platelet count');
  const hasCreatinine = inputs.has('creatinine');
  const hasUrine = inputs.has('Urine Output');
  const creatinine = hasCreatinine && !hasUrine ? inputs.quantity('creatinine') : undefined;
  const urine = !hasCreatinine ? inputs.number('Urine Output') : undefined;
  if (inputs.incomplete) return inputs.incomputable();
  const bili = v1ConvertConcentration(bilirubin![0], bilirubin![1], 'mg/dL', V1_ANALYTE.bilirubin);
  const cr = creatinine
    ? v1ConvertConcentration(creatinine[0], creatinine[1], 'mg/dL', V1_ANALYTE.creatinine)
    : undefined;
  if (bili === undefined) inputs.missing.push(`Bilirubin (unit '${bilirubin![1]}' not handled by v1.0)`);
  if (creatinine && cr === undefined) inputs.missing.push(`creatinine (unit '${creatinine[1]}' not handled by v1.0)`);
  if (inputs.incomplete) return inputs.incomputable();

  const s = (what: string, input: Record<string, unknown>, points: number) =>
    inputs.step(`v1.0: ${what}`, input, points);
  let total = 0;
  const ratio = roundV1(pao2! / fio2!);
  const mv = pyTruthy(inputs.raw('On mechanical ventilation'));
  const cpap = pyTruthy(inputs.raw(inputs.firstKey(CPAP_KEYS)));
  let respiratory = 0;
  if (ratio >= 300 && ratio < 400) respiratory = 1;
  else if (ratio >= 200 && ratio < 300) respiratory = 2;
  else if (ratio <= 199 && !mv && !cpap) respiratory = 2;
  else if (ratio >= 100 && ratio < 199 && (mv || cpap)) respiratory = 3;
  else if (ratio < 100 && mv) respiratory = 4;
  total += s('PaO₂ / FiO₂ with FiO₂ in percent', { pao2, fio2, ratio, mv, cpap }, respiratory);

  const dose = (key: string) => inputs.number(key, false) ?? 0;
  const [dopamine, dobutamine, epinephrine, norepinephrine] = [
    DRUGS.dopamine,
    DRUGS.dobutamine,
    DRUGS.epinephrine,
    DRUGS.norepinephrine,
  ].map(dose);
  const sbp = inputs.number('Systolic Blood Pressure', false);
  const dbp = inputs.number('Diastolic Blood Pressure', false);
  let cardiovascular = 0;
  if (
    sbp !== undefined &&
    dbp !== undefined &&
    sbp / 3 + (2 * dbp) / 3 < 70 &&
    !dobutamine &&
    !epinephrine &&
    !norepinephrine
  )
    cardiovascular = 1;
  else if (dopamine <= 5 || dobutamine) cardiovascular = 2;
  else if (dopamine > 5 || epinephrine <= 0.1 || norepinephrine <= 0.1) cardiovascular = 3;
  else if (dopamine > 15 || epinephrine > 0.1 || norepinephrine > 0.1) cardiovascular = 4;
  total += s(
    'cardiovascular (absent dopamine counts as ≤ 5)',
    { sbp: sbp ?? null, dbp: dbp ?? null, dopamine, dobutamine, epinephrine, norepinephrine },
    cardiovascular,
  );

  const gcs = inputs.number('Glasgow Coma Score', false) ?? 15;
  total += s(
    'GCS (15 when absent)',
    { gcs },
    gcs < 6 ? 4 : gcs >= 6 && gcs <= 9 ? 3 : gcs >= 10 && gcs <= 12 ? 2 : gcs >= 13 && gcs <= 14 ? 1 : 0,
  );
  total += s('bilirubin mg/dL', { bilirubin: bili }, banded(bili!, BILIRUBIN, 0));
  total += s(
    'platelet count per µL',
    { platelets },
    banded(
      platelets!,
      [
        [150000, 0],
        [100000, 1],
        [50000, 2],
        [20000, 3],
      ],
      4,
    ),
  );
  if (urine !== undefined) total += s('urine output used (no creatinine)', { urine }, urine < 500 ? 3 : 0);
  else if (cr !== undefined)
    total += s('creatinine used (no urine output)', { creatinine: cr }, banded(cr, CREATININE, 0));
  else s('creatinine and urine output both given: renal score 0', {}, 0);
  return inputs.result('integer', inputs.step('v1.0: SOFA total', undefined, total));
}

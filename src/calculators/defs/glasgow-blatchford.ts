import { defineCalculator, entities, shape } from '../define.js';
import type { Inputs } from '../shared/inputs.js';
import { convertConcentration, UnitError } from '../shared/lab-units.js';
import { scoreItem } from '../shared/tally.js';
import { V1_ANALYTE, v1ConvertConcentration } from '../shared/v1-quirks.js';

/** Glasgow-Blatchford Bleeding Score: Blatchford O et al., Lancet 2000;356:1318-21 (bands as on MDCalc). */
export const glasgowBlatchford = defineCalculator({
  id: 27,
  slug: 'glasgow-blatchford',
  names: ['Glasgow-Blatchford Bleeding Score (GBS)'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/glasgow_bleeding_score.py',
  reference:
    'Blatchford O, Murray WR, Blatchford M. A risk score to predict need for treatment for ' +
    'upper-gastrointestinal haemorrhage. Lancet 2000;356:1318-21; MDCalc "Glasgow-Blatchford Bleeding Score ' +
    '(GBS)"',
  entitySchema: entities(
    {
      'Blood Urea Nitrogen (BUN)': shape.quantity,
      Hemoglobin: shape.quantity,
      sex: shape.sex,
      'Systolic Blood Pressure': shape.quantity,
      'Heart Rate or Pulse': shape.quantity,
      'Melena present': shape.flag,
      'Melena Present': shape.flag,
      'Recent syncope': shape.flag,
      'Recent Syncope': shape.flag,
      'Hepatic disease history': shape.flag,
      'Cardiac failure present': shape.flag,
      'Cardiac Failure Present': shape.flag,
    },
    ['Blood Urea Nitrogen (BUN)', 'Hemoglobin', 'sex', 'Systolic Blood Pressure', 'Heart Rate or Pulse'],
  ),
  compute(inputs) {
    const sex = inputs.text('sex');
    const bun = inputs.quantity('Blood Urea Nitrogen (BUN)');
    const hb = inputs.isV1 ? v1Hemoglobin(inputs) : inputs.concentration('Hemoglobin', 'g/dL');
    const sbp = inputs.pressureMmHg('Systolic Blood Pressure');
    const hr = inputs.ratePerMin('Heart Rate or Pulse');
    const bunPoints = bun && (inputs.isV1 ? v1BunPoints(inputs, bun) : bunPointsReference(inputs, bun));
    if (
      inputs.incomplete ||
      !sex ||
      bunPoints === undefined ||
      hb === undefined ||
      sbp === undefined ||
      hr === undefined
    ) {
      return inputs.incomputable();
    }
    const hbPoints = inputs.isV1 ? v1HemoglobinPoints(inputs, sex, hb) : hemoglobinPoints(inputs, sex, hb);

    const sbpPoints = inputs.step(
      'Systolic BP: 100–109 → 1, 90–99 → 2, <90 → 3',
      { sbp },
      sbp >= 110 ? 0 : sbp >= 100 ? 1 : sbp >= 90 ? 2 : 3,
    );
    const hrPoints = scoreItem(inputs, `Pulse ${hr} ≥ 100/min`, hr >= 100, 1);
    const others =
      scoreItem(inputs, 'Melena', inputs.anyFlag(['Melena present', 'Melena Present']), 1) +
      scoreItem(inputs, 'Recent syncope', inputs.anyFlag(['Recent syncope', 'Recent Syncope']), 2) +
      scoreItem(inputs, 'Hepatic disease', inputs.flag('Hepatic disease history'), 2) +
      scoreItem(inputs, 'Cardiac failure', inputs.anyFlag(['Cardiac failure present', 'Cardiac Failure Present']), 2);

    const total = inputs.step(
      'GBS = sum of points',
      { bunPoints, hbPoints, sbpPoints, hrPoints, others },
      bunPoints + hbPoints + sbpPoints + hrPoints + others,
    );
    return inputs.result('integer', total);
  },
});

/**
 * Blatchford's table is in blood urea (mmol/L): ≥6.5 → 2, ≥8 → 3, ≥10 → 4, ≥25 → 6. A molar value is
 * banded on that table directly; a mass value on MDCalc's BUN mg/dL table (urea mmol/L × 2.8):
 * ≥18.2 → 2, ≥22.4 → 3, ≥28 → 4, ≥70 → 6.
 */
function bunPointsReference(inputs: Inputs, [value, unit]: [number, string]): number | undefined {
  try {
    if (/mol\/l$/i.test(unit.trim())) {
      const mmol = convertConcentration(value, unit, 'mmol/L', 'bun');
      return inputs.step(
        'Urea/BUN (mmol/L, Blatchford 2000): ≥6.5 → 2, ≥8 → 3, ≥10 → 4, ≥25 → 6',
        { mmol },
        mmol >= 25 ? 6 : mmol >= 10 ? 4 : mmol >= 8 ? 3 : mmol >= 6.5 ? 2 : 0,
      );
    }
    const mg = convertConcentration(value, unit, 'mg/dL', 'bun');
    return inputs.step(
      'BUN (mg/dL, MDCalc): ≥18.2 → 2, ≥22.4 → 3, ≥28 → 4, ≥70 → 6',
      { mg },
      mg >= 70 ? 6 : mg >= 28 ? 4 : mg >= 22.4 ? 3 : mg >= 18.2 ? 2 : 0,
    );
  } catch (error) {
    if (!(error instanceof UnitError)) throw error;
    inputs.missing.push(`Blood Urea Nitrogen (BUN) (unit '${unit}' not convertible to mg/dL)`);
    return undefined;
  }
}

/** Men: ≥13 → 0, 12–12.9 → 1, 10–11.9 → 3, <10 → 6. Women: ≥12 → 0, 10–11.9 → 1, <10 → 6. */
function hemoglobinPoints(inputs: Inputs, sex: string, hb: number): number {
  if (sex === 'Male')
    return inputs.step(
      'Hemoglobin (men): ≥13 → 0, ≥12 → 1, ≥10 → 3, <10 → 6',
      { hb },
      hb >= 13 ? 0 : hb >= 12 ? 1 : hb >= 10 ? 3 : 6,
    );
  return inputs.step('Hemoglobin (women): ≥12 → 0, ≥10 → 1, <10 → 6', { hb }, hb >= 12 ? 0 : hb >= 10 ? 1 : 6);
}

/** v1.0 read hemoglobin through its converter, which returns a g/dL value untouched. */
function v1Hemoglobin(inputs: Inputs): number | undefined {
  const q = inputs.quantity('Hemoglobin');
  if (!q) return undefined;
  const out = v1ConvertConcentration(q[0], q[1], 'g/dL', V1_ANALYTE.hemoglobin);
  if (out === undefined) inputs.missing.push(`Hemoglobin (unit '${q[1]}' not convertible to g/dL)`);
  return out;
}

/**
 * v1.0 bands, with their gaps: BUN exactly 70 scores nothing (only "< 70" and "> 70" exist), and
 * mmol/L is converted with molar mass 28.08, rounding each step.
 */
function v1BunPoints(inputs: Inputs, [value, unit]: [number, string]): number | undefined {
  const mg = v1ConvertConcentration(value, unit, 'mg/dL', V1_ANALYTE.bunGlasgowBlatchford);
  if (mg === undefined) {
    inputs.missing.push(`Blood Urea Nitrogen (BUN) (unit '${unit}' not convertible to mg/dL)`);
    return undefined;
  }
  const points = mg >= 18.2 && mg < 22.4 ? 2 : mg >= 22.4 && mg < 28 ? 3 : mg >= 28 && mg < 70 ? 4 : mg > 70 ? 6 : 0;
  return inputs.step(
    'v1.0 BUN (mg/dL, molar mass 28.08): [18.2,22.4) → 2, [22.4,28) → 3, [28,70) → 4, >70 → 6',
    { mg },
    points,
  );
}

/**
 * v1.0 hemoglobin bands: men 12 < Hb ≤ 13 → 1, 10 ≤ Hb < 12 → 3, < 10 → 6 (so exactly 12 scores 0 and
 * exactly 13 scores 1); anyone not 'Male' as women 10 < Hb ≤ 12 → 1, < 10 → 6 (exactly 10 scores 0).
 */
function v1HemoglobinPoints(inputs: Inputs, sex: string, hb: number): number {
  if (sex === 'Male') {
    const points = hb > 12 && hb <= 13 ? 1 : hb >= 10 && hb < 12 ? 3 : hb < 10 ? 6 : 0;
    return inputs.step('v1.0 hemoglobin (men): (12,13] → 1, [10,12) → 3, <10 → 6', { hb }, points);
  }
  const points = hb > 10 && hb <= 12 ? 1 : hb < 10 ? 6 : 0;
  return inputs.step('v1.0 hemoglobin (women): (10,12] → 1, <10 → 6', { hb }, points);
}

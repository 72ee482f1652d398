import { defineCalculator, entities, shape } from '../define.js';
import { pythonRound } from '../../numeric/python-round.js';
import type { Inputs } from '../shared/inputs.js';
import { V1_ANALYTE, v1ConvertConcentration } from '../shared/v1-quirks.js';

/**
 * Framingham 10-year risk of hard CHD (MI or coronary death), the ATP III Cox model as MDCalc implements
 * it: NCEP ATP III, JAMA 2001;285:2486-97; Wilson PWF et al., Circulation 1998;97:1837-47.
 */
export const framinghamHardChd = defineCalculator({
  id: 46,
  slug: 'framingham-hard-chd',
  names: ['Framingham Risk Score for Hard Coronary Heart Disease'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/framingham_risk_score.py',
  reference:
    'Expert Panel on Detection, Evaluation, and Treatment of High Blood Cholesterol in Adults (ATP III), JAMA ' +
    '2001;285:2486-97; MDCalc "Framingham Risk Score for Hard Coronary Heart Disease"',
  entitySchema: entities(
    {
      age: shape.quantity,
      sex: shape.sex,
      'Total cholesterol': shape.quantity,
      'high-density lipoprotein cholesterol': shape.quantity,
      'Systolic Blood Pressure': shape.quantity,
      Smoker: shape.flag,
      'Blood pressure being treated with medicines': shape.flag,
    },
    ['age', 'sex', 'Total cholesterol', 'high-density lipoprotein cholesterol', 'Systolic Blood Pressure'],
  ),
  compute(inputs) {
    const age = inputs.ageYears();
    const sex = inputs.text('sex');
    const sbp = inputs.pressureMmHg('Systolic Blood Pressure');
    const [tc, hdl] = inputs.isV1
      ? v1Cholesterols(inputs)
      : [
          inputs.concentration('Total cholesterol', 'mg/dL', 'cholesterol'),
          inputs.concentration('high-density lipoprotein cholesterol', 'mg/dL', 'cholesterol'),
        ];
    if (inputs.incomplete || age === undefined || !sex || sbp === undefined || tc === undefined || hdl === undefined)
      return inputs.incomputable();
    const smoker = inputs.flag('Smoker') ? 1 : 0;
    const treated = inputs.flag('Blood pressure being treated with medicines') ? 1 : 0;
    const male = sex === 'Male';
    // The smoking interaction caps age at 70 (men) or 78 (women).
    const ageSmoke = Math.min(age, male ? 70 : 78);
    const vars = { age, ageSmoke, tc, hdl, sbp, smoker, treated };

    if (inputs.isV1) {
      // v1.0 rounded the linear predictor to 1 decimal and reported the risk as a fraction, rounded to
      // 1 decimal (so most patients get 0), after feeding mmol/L cholesterol into the mg/dL model.
      const sum = inputs.step(
        'v1.0 linear predictor (cholesterol in mmol/L), rounded to 1 decimal',
        vars,
        pythonRound(linearPredictor(male, vars), 1),
      );
      const fraction = 1 - (male ? 0.9402 : 0.98767) ** Math.exp(sum);
      return inputs.result(
        'decimal',
        inputs.step(
          'v1.0 risk = 1 − S₀^exp(sum) as a fraction, rounded to 1 decimal',
          { sum },
          pythonRound(fraction, 1),
        ),
      );
    }
    const sum = inputs.step(
      male ? 'Men: Σβx − 172.300168 (ATP III)' : 'Women: Σβx − 146.5933061 (ATP III)',
      vars,
      linearPredictor(male, vars),
    );
    const s0 = male ? 0.9402 : 0.98767;
    return inputs.result(
      'decimal',
      inputs.step(`10-year hard CHD risk % = 100 × (1 − ${s0}^exp(sum))`, { sum }, 100 * (1 - s0 ** Math.exp(sum))),
    );
  },
});

interface RiskVars {
  age: number;
  ageSmoke: number;
  tc: number;
  hdl: number;
  sbp: number;
  smoker: number;
  treated: number;
}

/**
 * The sex-specific ATP III linear predictor minus its mean, summed left to right in the same order as
 * the v1.0 code so that its 1-decimal rounding reproduces bit for bit. Cholesterol in mg/dL.
 */
function linearPredictor(male: boolean, v: RiskVars): number {
  const lnAge = Math.log(v.age);
  const lnTc = Math.log(v.tc);
  if (male) {
    return (
      52.00961 * lnAge +
      20.014077 * lnTc -
      0.905964 * Math.log(v.hdl) +
      1.305784 * Math.log(v.sbp) +
      0.241549 * v.treated +
      12.096316 * v.smoker -
      4.605038 * (lnAge * lnTc) -
      2.84367 * (Math.log(v.ageSmoke) * v.smoker) -
      2.93323 * (lnAge * lnAge) -
      172.300168
    );
  }
  return (
    31.764001 * lnAge +
    22.465206 * lnTc -
    1.187731 * Math.log(v.hdl) +
    2.552905 * Math.log(v.sbp) +
    0.420251 * v.treated +
    13.07543 * v.smoker -
    5.060998 * (lnAge * lnTc) -
    2.996945 * (Math.log(v.ageSmoke) * v.smoker) -
    146.5933061
  );
}

/** v1.0 converted both cholesterols to mmol/L (molar mass 386.65, rounding every step) and kept those numbers. */
function v1Cholesterols(inputs: Inputs): [number | undefined, number | undefined] {
  const convert = (key: string): number | undefined => {
    const q = inputs.quantity(key);
    if (!q) return undefined;
    const mmol = v1ConvertConcentration(q[0], q[1], 'mmol/L', V1_ANALYTE.cholesterolFramingham);
    if (mmol === undefined) inputs.missing.push(`${key} (unit '${q[1]}' not convertible to mmol/L)`);
    else
      inputs.step(
        `v1.0 ${key}: ${q[0]} ${q[1]} → ${mmol} mmol/L (used as if mg/dL)`,
        { value: q[0], unit: q[1] },
        mmol,
      );
    return mmol;
  };
  return [convert('Total cholesterol'), convert('high-density lipoprotein cholesterol')];
}

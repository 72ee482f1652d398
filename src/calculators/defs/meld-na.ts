import { defineCalculator, entities, shape } from '../define.js';
import { pythonRound } from '../../numeric/python-round.js';
import type { Inputs } from '../shared/inputs.js';
import { readConcentration } from '../shared/lab-units.js';
import { V1_ANALYTE } from '../shared/v1-quirks.js';

const CVVHD = 'Continuous veno-venous hemodialysis for ≥24 hours in the past week';
const DIALYSIS = 'Dialysis at least twice in the past week';
const INR = 'international normalized ratio';

/**
 * MELD-Na as UNOS/OPTN computed it from 2016 (Kim et al., NEJM 2008;359:1018–26; OPTN policy 9.1):
 * MELD(i) = 0.957 ln(Cr) + 0.378 ln(bilirubin) + 1.120 ln(INR) + 0.643, rounded to the tenth and × 10;
 * above 11, MELD-Na = MELD(i) + 1.32 (137 − Na) − 0.033 MELD(i) (137 − Na); capped at 40.
 */
export const meldNa = defineCalculator({
  id: 23,
  slug: 'meld-na',
  names: ['MELD Na (UNOS/OPTN)'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/meldna.py',
  reference:
    'Kim WR et al. NEJM 2008;359:1018-26; OPTN/UNOS MELD-Na (2016 policy): lab values < 1 set to 1, creatinine ' +
    'capped at 4 and set to 4 on dialysis ≥ 2×/week or CVVHD, Na bounded 125-137, score capped at 40; MDCalc ' +
    '"MELD Na (UNOS/OPTN)"',
  entitySchema: entities(
    {
      creatinine: shape.quantity,
      Bilirubin: shape.quantity,
      [INR]: shape.number,
      Sodium: shape.quantity,
      [CVVHD]: shape.flag,
      [DIALYSIS]: shape.flag,
    },
    ['creatinine', 'Bilirubin', INR, 'Sodium'],
  ),
  compute(inputs) {
    const creatinine = readConcentration(inputs, 'creatinine', 'mg/dL', {
      analyte: 'creatinine',
      v1: V1_ANALYTE.creatinine,
    });
    const bilirubin = readConcentration(inputs, 'Bilirubin', 'mg/dL', { analyte: 'bilirubin', v1: V1_ANALYTE.none });
    const inr = inputs.number(INR);
    const sodium = readConcentration(inputs, 'Sodium', 'mEq/L', { analyte: 'sodium', v1: V1_ANALYTE.sodium });
    if (creatinine === undefined || bilirubin === undefined || inr === undefined || sodium === undefined)
      return inputs.incomputable();
    const onDialysis = inputs.flag(DIALYSIS) || inputs.flag(CVVHD);
    const labs = { creatinine, bilirubin, inr, sodium, onDialysis };
    return inputs.result('decimal', inputs.isV1 ? meldNaV1(inputs, labs) : meldNaReference(inputs, labs));
  },
});

interface MeldLabs {
  creatinine: number;
  bilirubin: number;
  inr: number;
  sodium: number;
  onDialysis: boolean;
}

const clamp = (x: number, low: number, high: number) => Math.min(Math.max(x, low), high);

function meldI(cr: number, bili: number, inr: number): number {
  return 0.957 * Math.log(cr) + 0.378 * Math.log(bili) + 1.12 * Math.log(inr) + 0.643;
}

function sodiumTerm(meld: number, na: number): number {
  return meld + 1.32 * (137 - na) - 0.033 * meld * (137 - na);
}

function meldNaReference(inputs: Inputs, labs: MeldLabs): number {
  // Dialysis overrides the measured creatinine, whatever it is (OPTN policy).
  const cr = inputs.step(
    'creatinine: 4.0 if dialysed, else bounded to 1.0–4.0 mg/dL',
    { ...labs },
    labs.onDialysis ? 4 : clamp(labs.creatinine, 1, 4),
  );
  const bili = inputs.step('bilirubin: floor 1.0 mg/dL', { bilirubin: labs.bilirubin }, Math.max(labs.bilirubin, 1));
  const inr = inputs.step('INR: floor 1.0', { inr: labs.inr }, Math.max(labs.inr, 1));
  const na = inputs.step('sodium: bounded to 125–137 mEq/L', { sodium: labs.sodium }, clamp(labs.sodium, 125, 137));
  const raw = inputs.step(
    'MELD(i) = 0.957 ln Cr + 0.378 ln bilirubin + 1.120 ln INR + 0.643',
    { cr, bili, inr },
    meldI(cr, bili, inr),
  );
  // Rounding to the tenth and then × 10 is rounding MELD(i) × 10 to an integer (done so, to avoid 2.3 × 10 float dust).
  const meld = inputs.step('MELD = MELD(i) rounded to the tenth × 10', { meldI: raw }, Math.round(raw * 10));
  if (meld <= 11) return inputs.step('MELD ≤ 11: no sodium term', { meld }, meld);
  const withNa = inputs.step(
    'MELD-Na = MELD + 1.32 (137 − Na) − 0.033 MELD (137 − Na)',
    { meld, na },
    sodiumTerm(meld, na),
  );
  return inputs.step('cap at 40', { meldNa: withNa }, Math.min(withNa, 40));
}

/**
 * v1.0: creatinine below 1 stayed 1 even on dialysis (the dialysis rule sat in an elif after the bounds),
 * and MELD(i) was rounded to an integer, not to the tenth, before × 10; the result was rounded.
 */
function meldNaV1(inputs: Inputs, labs: MeldLabs): number {
  let cr = labs.creatinine;
  if (cr < 1) cr = 1;
  else if (cr > 4) cr = 4;
  else if (labs.onDialysis) cr = 4;
  inputs.step('creatinine (v1.0): < 1 → 1, elif > 4 → 4, elif dialysed → 4', { ...labs }, cr);
  const bili = Math.max(labs.bilirubin, 1);
  const inr = Math.max(labs.inr, 1);
  const na = clamp(labs.sodium, 125, 137);
  const raw = inputs.step(
    'MELD(i) = 0.957 ln Cr + 0.378 ln bilirubin + 1.120 ln INR + 0.643',
    { cr, bili, inr },
    meldI(cr, bili, inr),
  );
  const meld10 = inputs.step(
    'v1.0 defect: MELD(i) rounded to an integer, then × 10',
    { meldI: raw },
    pythonRound(raw) * 10,
  );
  const withNa = pythonRound(sodiumTerm(meld10, na));
  const score = meld10 > 11 ? Math.min(withNa, 40) : meld10;
  return inputs.step('MELD-Na (v1.0), rounded', { meld10, na, withNa }, pythonRound(score));
}

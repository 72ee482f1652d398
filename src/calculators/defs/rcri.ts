import { defineCalculator, entities, shape } from '../define.js';
import { readConcentration } from '../shared/lab-units.js';
import { PointsTally } from '../shared/tally.js';
import { V1_ANALYTE } from '../shared/v1-quirks.js';

const CREATININE = 'Pre-operative creatinine';
/** Both spellings of cerebrovascular disease in the data; either one scores. */
const CEREBROVASCULAR = ['History of cerebrovascular disease', 'Cerebrovascular disease history'] as const;

/** Revised Cardiac Risk Index for pre-operative risk (Lee et al., Circulation 1999;100:1043–9). */
export const rcri = defineCalculator({
  id: 17,
  slug: 'rcri',
  names: ['Revised Cardiac Risk Index for Pre-Operative Risk'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/cardiac_risk_index.py',
  reference: 'Lee TH et al. Circulation 1999;100:1043-9; MDCalc "Revised Cardiac Risk Index for Pre-Operative Risk"',
  entitySchema: entities(
    {
      'Elevated-risk surgery': shape.flag,
      'History of ischemic heart disease': shape.flag,
      'Congestive Heart Failure criteria for the Cardiac Risk Index rule': shape.flag,
      ...Object.fromEntries(CEREBROVASCULAR.map((key) => [key, shape.flag])),
      'Pre-operative treatment with insulin': shape.flag,
      [CREATININE]: shape.quantity,
    },
    [CREATININE],
  ),
  compute(inputs) {
    // A laboratory value, not a finding: without it the creatinine criterion is unknown, not absent.
    // v1.0 instead counted a missing creatinine as ≤ 2 mg/dL.
    const creatinine =
      inputs.isV1 && !inputs.has(CREATININE)
        ? undefined
        : readConcentration(inputs, CREATININE, 'mg/dL', { analyte: 'creatinine', v1: V1_ANALYTE.creatinine });
    if (inputs.incomplete) return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.finding(
      'Elevated-risk surgery (intraperitoneal, intrathoracic or suprainguinal vascular)',
      inputs.flag('Elevated-risk surgery'),
      1,
    );
    tally.finding('History of ischemic heart disease', inputs.flag('History of ischemic heart disease'), 1);
    tally.finding(
      'History of congestive heart failure',
      inputs.flag('Congestive Heart Failure criteria for the Cardiac Risk Index rule'),
      1,
    );
    if (inputs.isV1) {
      // The v1.0 code read neither spelling: its explanations call cerebrovascular disease "not mentioned"
      // even where the entities mark it present, so it never scored.
      tally.add(
        'v1.0: cerebrovascular disease not read from the entities',
        0,
        Object.fromEntries(CEREBROVASCULAR.map((k) => [k, inputs.flag(k)])),
      );
    } else {
      tally.finding('History of cerebrovascular disease (stroke or TIA)', inputs.anyFlag(CEREBROVASCULAR), 1);
    }
    tally.finding('Pre-operative treatment with insulin', inputs.flag('Pre-operative treatment with insulin'), 1);
    tally.finding('Pre-operative creatinine > 2 mg/dL (176.8 µmol/L)', creatinine !== undefined && creatinine > 2, 1, {
      creatinineMgDl: creatinine ?? 'not reported',
    });
    return tally.finish('RCRI', 'integer');
  },
});

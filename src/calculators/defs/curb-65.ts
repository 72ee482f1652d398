import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears } from '../shared/body.js';
import type { Inputs } from '../shared/inputs.js';
import { readConcentration } from '../shared/lab-units.js';
import { PointsTally } from '../shared/tally.js';
import { V1_ANALYTE } from '../shared/v1-quirks.js';

const BUN = 'Blood Urea Nitrogen (BUN)';

/** CURB-65 severity of community-acquired pneumonia (Lim et al., Thorax 2003;58:377–82). */
export const curb65 = defineCalculator({
  id: 45,
  slug: 'curb-65',
  names: ['CURB-65 Score for Pneumonia Severity'],
  category: 'risk',
  kind: 'integer',
  v1Source: 'calculator_implementations/curb-65.py',
  reference: 'Lim WS et al. Thorax 2003;58:377-82; MDCalc "CURB-65 Score for Pneumonia Severity"',
  entitySchema: entities(
    {
      age: shape.quantity,
      Confusion: shape.flag,
      [BUN]: shape.quantity,
      'respiratory rate': shape.quantity,
      'Systolic Blood Pressure': shape.quantity,
      'Diastolic Blood Pressure': shape.quantity,
    },
    ['age', BUN, 'respiratory rate', 'Systolic Blood Pressure', 'Diastolic Blood Pressure'],
  ),
  compute(inputs) {
    const age = readAgeYears(inputs, { completedYears: true });
    const urea = readUrea(inputs);
    let respiratoryRate = inputs.ratePerMin('respiratory rate');
    let systolic = inputs.pressureMmHg('Systolic Blood Pressure');
    let diastolic = inputs.pressureMmHg('Diastolic Blood Pressure');
    if (
      inputs.incomplete ||
      age === undefined ||
      urea === undefined ||
      respiratoryRate === undefined ||
      systolic === undefined ||
      diastolic === undefined
    ) {
      return inputs.incomputable();
    }
    if (inputs.isV1) {
      // v1.0 truncated the rate and both pressures to integers before comparing (int()).
      [respiratoryRate, systolic, diastolic] = inputs.step(
        'v1.0: rate and pressures truncated to integers',
        { respiratoryRate, systolic, diastolic },
        [Math.trunc(respiratoryRate), Math.trunc(systolic), Math.trunc(diastolic)],
      );
    }

    const tally = new PointsTally(inputs);
    tally.finding('Confusion', inputs.flag('Confusion'), 1);
    tally.finding(urea.criterion, urea.met, 1, urea.evidence);
    tally.finding('Respiratory rate ≥ 30', respiratoryRate >= 30, 1, { respiratoryRate });
    tally.finding('Systolic BP < 90 or diastolic BP ≤ 60 mmHg', systolic < 90 || diastolic <= 60, 1, {
      systolic,
      diastolic,
    });
    tally.finding('Age ≥ 65', age >= 65, 1, { age });
    return tally.finish('CURB-65', 'integer');
  },
});

/**
 * The urea criterion. Lim et al. defined it as urea > 7 mmol/L; MDCalc's US form is BUN > 19 mg/dL.
 * The reference compares a molar value with 7 mmol/L and a mass value with 19 mg/dL, so neither is
 * converted across the slightly different cut-offs (7 mmol/L = 19.6 mg/dL). v1.0 converted everything
 * to mg/dL with its rounded converter (molar mass 28.02) and compared with 19.
 */
function readUrea(inputs: Inputs): { criterion: string; met: boolean; evidence: Record<string, unknown> } | undefined {
  const q = inputs.quantity(BUN);
  if (!q) return undefined;
  if (!inputs.isV1 && /^mmol\/l$/i.test(q[1].trim())) {
    return {
      criterion: 'Urea > 7 mmol/L (Lim 2003 cut-off, molar value)',
      met: q[0] > 7,
      evidence: { ureaMmolL: q[0] },
    };
  }
  const mgDl = readConcentration(inputs, BUN, 'mg/dL', { analyte: 'bun', v1: V1_ANALYTE.bun });
  if (mgDl === undefined) return undefined;
  return { criterion: 'BUN > 19 mg/dL', met: mgDl > 19, evidence: { bunMgDl: mgDl } };
}

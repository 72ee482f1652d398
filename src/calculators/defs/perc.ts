import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears } from '../shared/body.js';
import { PointsTally } from '../shared/tally.js';

const SATURATION = 'O₂ saturation percentage';
const PRIOR_VTE = ['Previously Documented Pulmonary Embolism', 'Previously documented Deep Vein Thrombosis'] as const;

/** PERC rule for pulmonary embolism: the number of criteria met (Kline et al., J Thromb Haemost 2004;2:1247–55). */
export const perc = defineCalculator({
  id: 48,
  slug: 'perc',
  names: ['PERC Rule for Pulmonary Embolism'],
  category: 'diagnosis',
  kind: 'integer',
  v1Source: 'calculator_implementations/perc_rule.py',
  reference: 'Kline JA et al. J Thromb Haemost 2004;2:1247-55; MDCalc "PERC Rule for Pulmonary Embolism"',
  entitySchema: entities(
    {
      age: shape.quantity,
      'Heart Rate or Pulse': shape.quantity,
      [SATURATION]: shape.quantity,
      'Unilateral Leg Swelling': shape.flag,
      Hemoptysis: shape.flag,
      'Recent surgery or trauma': shape.flag,
      ...Object.fromEntries(PRIOR_VTE.map((key) => [key, shape.flag])),
      'Hormone use': shape.flag,
    },
    ['age', 'Heart Rate or Pulse', SATURATION],
  ),
  compute(inputs) {
    const age = readAgeYears(inputs, { completedYears: true });
    const heartRate = inputs.ratePerMin('Heart Rate or Pulse');
    const saturation = inputs.number(SATURATION);
    if (inputs.incomplete || age === undefined || heartRate === undefined || saturation === undefined)
      return inputs.incomputable();

    // Each criterion met counts 1; the answer is the count, not a risk.
    const tally = new PointsTally(inputs);
    tally.finding('Age ≥ 50', age >= 50, 1, { age });
    tally.finding('Heart rate ≥ 100', heartRate >= 100, 1, { heartRate });
    tally.finding('O₂ saturation on room air < 95%', saturation < 95, 1, { saturation });
    tally.finding('Unilateral leg swelling', inputs.flag('Unilateral Leg Swelling'), 1);
    tally.finding('Hemoptysis', inputs.flag('Hemoptysis'), 1);
    tally.finding(
      'Recent surgery or trauma (≤ 4 weeks, general anesthesia)',
      inputs.flag('Recent surgery or trauma'),
      1,
    );
    tally.finding('Prior PE or DVT', inputs.anyFlag(PRIOR_VTE), 1);
    tally.finding('Hormone use (oral contraceptives, hormone replacement, estrogens)', inputs.flag('Hormone use'), 1);
    return tally.finish('PERC criteria met', 'integer');
  },
});

import { defineCalculator, entities, shape } from '../define.js';
import { readCelsius } from '../shared/body.js';
import type { Inputs } from '../shared/inputs.js';
import { PointsTally } from '../shared/tally.js';
import { v1ConvertCount } from '../shared/v1-quirks.js';

const WBC = 'White blood cell count';
const PACO2 = ['PaCO₂', 'PaCO2'] as const;

/** SIRS criteria: the number met (Bone et al., ACCP/SCCM Consensus Conference, Chest 1992;101:1644–55). */
export const sirs = defineCalculator({
  id: 51,
  slug: 'sirs',
  names: ['SIRS Criteria'],
  category: 'diagnosis',
  kind: 'integer',
  v1Source: 'calculator_implementations/sirs_criteria.py',
  reference:
    'Bone RC et al. (ACCP/SCCM Consensus Conference) Chest 1992;101:1644-55; MDCalc "SIRS, Sepsis, and Septic ' +
    'Shock Criteria"',
  entitySchema: entities(
    {
      Temperature: shape.quantity,
      'Heart Rate or Pulse': shape.quantity,
      'respiratory rate': shape.quantity,
      ...Object.fromEntries(PACO2.map((key) => [key, shape.quantity])),
      [WBC]: shape.quantity,
    },
    ['Temperature', 'Heart Rate or Pulse', WBC],
  ),
  compute(inputs) {
    const celsius = readCelsius(inputs);
    const heartRate = inputs.isV1 ? inputs.number('Heart Rate or Pulse') : inputs.ratePerMin('Heart Rate or Pulse');
    const wbc = inputs.isV1 ? readWbcV1(inputs) : readWbc(inputs);
    const respiratoryRate = inputs.isV1
      ? inputs.number('respiratory rate', false)
      : inputs.ratePerMin('respiratory rate', false);
    const paco2Key = inputs.firstKey(PACO2);
    const paco2 = inputs.isV1 ? inputs.number(paco2Key, false) : inputs.pressureMmHg(paco2Key, false);
    // The respiratory criterion needs one of its two measures; PaCO₂ is usually not drawn.
    if (respiratoryRate === undefined && paco2 === undefined && !inputs.isV1) inputs.missing.push('respiratory rate');
    if (inputs.incomplete || celsius === undefined || heartRate === undefined || wbc === undefined)
      return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.finding('Temperature > 38 °C or < 36 °C', celsius > 38 || celsius < 36, 1, { celsius });
    if (inputs.isV1) {
      // v1.0 added the point in both branches, so every patient met the heart-rate criterion.
      tally.add('v1.0: heart-rate criterion counted whatever the rate', 1, { heartRate });
    } else {
      tally.finding('Heart rate > 90', heartRate > 90, 1, { heartRate });
    }
    const rrMet = respiratoryRate !== undefined && respiratoryRate > 20;
    const paco2Met = paco2 !== undefined && paco2 < 32;
    tally.finding('Respiratory rate > 20 or PaCO₂ < 32 mmHg', rrMet || paco2Met, 1, {
      respiratoryRate: respiratoryRate ?? 'not reported',
      paco2: paco2 ?? 'not reported',
    });
    // Band forms (> 10%) also meet the WBC criterion; the entities never carry them.
    tally.finding(
      inputs.isV1 ? 'v1.0: WBC (its units) > 12000 or < 4000' : 'WBC > 12,000/µL or < 4,000/µL',
      wbc > 12000 || wbc < 4000,
      1,
      { wbc },
    );
    return tally.finish('SIRS criteria met', 'integer');
  },
});

/**
 * WBC per µL. The data's counts are sometimes mis-scaled against their unit ('L' for a per-µL value,
 * 'µL' for a count in 10³/µL, e.g. 12.5): a count that converts to under 100/µL is not a white
 * count, so it is read as 10³/µL when the written value is under 100 and as per µL otherwise.
 */
function readWbc(inputs: Inputs): number | undefined {
  const perUl = inputs.countPerUl(WBC);
  const q = inputs.quantity(WBC, false);
  if (perUl === undefined || q === undefined || perUl >= 100) return perUl;
  const rescaled = q[0] < 100 ? q[0] * 1000 : q[0];
  return inputs.step(
    `WBC ${q[0]} ${q[1]} is implausible as written; read as ${q[0] < 100 ? '10³/µL' : 'per µL'}`,
    { value: q[0], unit: q[1] },
    rescaled,
  );
}

/** v1.0 converted the count "to m^3" with a litre table (µL → × 10⁹, L → × 10³) before comparing with 12000/4000. */
function readWbcV1(inputs: Inputs): number | undefined {
  const q = inputs.quantity(WBC);
  if (!q) return undefined;
  const [value, unit] = q;
  const perM3 = v1ConvertCount(value, unit, 'm^3');
  if (perM3 === undefined) {
    inputs.missing.push(`${WBC} (unit '${unit}' unknown to the v1.0 code)`);
    return undefined;
  }
  return unit === 'm^3' ? perM3 : inputs.step(`v1.0: WBC ${value} ${unit} → "per m^3"`, { value, unit }, perM3);
}

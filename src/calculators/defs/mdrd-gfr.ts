import { defineCalculator, entities, shape } from '../define.js';
import { egfrEntities, readEgfrInputs } from '../shared/egfr.js';
import { roundIfV1 } from '../shared/v1-quirks.js';

/**
 * eGFR by the IDMS-traceable 4-variable MDRD equation (Levey et al., Ann Intern Med 2006;145:247–54):
 * 175 × SCr^−1.154 × age^−0.203 × 0.742 [female] × 1.212 [Black].
 */
export const mdrdGfr = defineCalculator({
  id: 9,
  slug: 'mdrd-gfr',
  names: ['MDRD GFR Equation'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/mdrd_gfr.py',
  reference:
    'Levey AS et al. Ann Intern Med 2006;145:247-54 (IDMS-traceable MDRD, 175 × SCr^-1.154 × age^-0.203 × 0.742 ' +
    '[female] × 1.212 [Black]); MDCalc "MDRD GFR Equation"',
  entitySchema: entities({ ...egfrEntities, Race: shape.text }, ['sex', 'age', 'creatinine']),
  compute(inputs) {
    const read = readEgfrInputs(inputs);
    if (!read) return inputs.incomputable();
    const { sex, age, scr } = read;

    // The published equation carries a race coefficient; we keep it (the question does not waive it),
    // and an unreported race counts as not Black, as in MDCalc.
    const race = inputs.text('Race', false);
    const raceFactor = inputs.step(
      'race coefficient: 1.212 if Black, else 1 (published 2006 equation kept; not race-free)',
      { race: race ?? 'not reported' },
      race?.trim().toLowerCase() === 'black' ? 1.212 : 1,
    );
    const sexFactor = sex === 'Female' ? 0.742 : 1;
    // v1.0 wrote the powers as exp(ln(x) × k); same value, kept so its rounding ties match.
    const power = (x: number, k: number) => (inputs.isV1 ? Math.exp(Math.log(x) * k) : x ** k);
    const gfr = 175 * power(scr, -1.154) * power(age, -0.203) * raceFactor * sexFactor;
    const value = inputs.step(
      'eGFR = 175 × SCr^−1.154 × age^−0.203 × race × sex, mL/min/1.73 m²',
      { scr, age, raceFactor, sexFactor },
      roundIfV1(inputs, gfr),
    );
    return inputs.result('decimal', value);
  },
});

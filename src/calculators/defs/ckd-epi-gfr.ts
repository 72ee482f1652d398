import { defineCalculator, entities } from '../define.js';
import { egfrEntities, readEgfrInputs } from '../shared/egfr.js';
import { roundV1 } from '../shared/v1-quirks.js';

/**
 * eGFR by the 2021 race-free CKD-EPI creatinine equation (Inker et al., NEJM 2021;385:1737–49), which the
 * question names: 142 × min(SCr/κ, 1)^α × max(SCr/κ, 1)^−1.200 × 0.9938^age × 1.012 [female].
 */
export const ckdEpiGfr = defineCalculator({
  id: 3,
  slug: 'ckd-epi-gfr',
  names: ['CKD-EPI Equations for Glomerular Filtration Rate'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/ckd-epi_2021_creatinine.py',
  reference:
    'Inker LA et al. New creatinine- and cystatin C-based equations to estimate GFR without race. NEJM ' +
    '2021;385:1737-49 (CKD-EPI 2021 creatinine)',
  entitySchema: entities(egfrEntities, ['sex', 'age', 'creatinine']),
  compute(inputs) {
    const read = readEgfrInputs(inputs);
    if (!read) return inputs.incomputable();
    const { sex, age, scr } = read;

    const female = sex === 'Female';
    const kappa = female ? 0.7 : 0.9;
    const alpha = female ? -0.241 : -0.302;
    const sexFactor = female ? 1.012 : 1;

    if (inputs.isV1) {
      // v1.0 picked one exponent by the threshold, but for men at or below 0.9 mg/dL it divided by 0.7,
      // not 0.9 (its explanation still says A = 0.9).
      const low = scr <= kappa;
      const a = low ? 0.7 : kappa;
      const b = low ? alpha : -1.2;
      const gfr = 142 * (scr / a) ** b * 0.9938 ** age * sexFactor;
      const value = inputs.step(
        'eGFR = 142 × (SCr/A)^B × 0.9938^age × sex factor (v1.0: A = 0.7 for low-creatinine men)',
        { scr, a, b, age, sexFactor },
        roundV1(gfr),
      );
      return inputs.result('decimal', value);
    }

    const ratio = scr / kappa;
    const gfr = 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** age * sexFactor;
    const value = inputs.step(
      'eGFR = 142 × min(SCr/κ,1)^α × max(SCr/κ,1)^−1.200 × 0.9938^age × 1.012 [female], mL/min/1.73 m²',
      { scr, kappa, alpha, age, sexFactor },
      gfr,
    );
    return inputs.result('decimal', value);
  },
});

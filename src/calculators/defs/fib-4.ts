import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears } from '../shared/body.js';
import type { Inputs } from '../shared/inputs.js';
import { flagImplausible } from '../shared/plausibility.js';
import { roundIfV1, v1ConvertCount } from '../shared/v1-quirks.js';

/** FIB-4 = age × AST / (platelets [10⁹/L] × √ALT) (Sterling et al., Hepatology 2006;43:1317–25). */
export const fib4 = defineCalculator({
  id: 19,
  slug: 'fib-4',
  names: ['Fibrosis-4 (FIB-4) Index for Liver Fibrosis'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/fibrosis_4.py',
  reference: 'Sterling RK et al. Hepatology 2006;43:1317-25; MDCalc "Fibrosis-4 (FIB-4) Index for Liver Fibrosis"',
  entitySchema: entities(
    {
      age: shape.quantity,
      'Aspartate aminotransferase': shape.quantity,
      'Alanine aminotransferase': shape.quantity,
      'Platelet count': shape.quantity,
    },
    ['age', 'Aspartate aminotransferase', 'Alanine aminotransferase', 'Platelet count'],
  ),
  compute(inputs) {
    const age = readAgeYears(inputs);
    const ast = inputs.number('Aspartate aminotransferase');
    const alt = inputs.number('Alanine aminotransferase');
    const platelets = readPlateletsPerNl(inputs);
    if (age === undefined || ast === undefined || alt === undefined || platelets === undefined)
      return inputs.incomputable();
    const fib = (age * ast) / (platelets * Math.sqrt(alt));
    const value = inputs.step(
      'FIB-4 = age × AST / (platelets 10⁹/L × √ALT)',
      { age, ast, alt, platelets109PerL: platelets },
      roundIfV1(inputs, fib),
    );
    return inputs.result('decimal', value);
  },
});

/** Platelets in 10⁹/L (= thousands per µL). */
function readPlateletsPerNl(inputs: Inputs): number | undefined {
  if (!inputs.isV1) {
    const perUl = inputs.countPerUl('Platelet count');
    if (perUl === undefined) return undefined;
    const perNl = inputs.step('platelets: per µL ÷ 1000 → 10⁹/L', { perUl }, perUl / 1000);
    flagImplausible(inputs, 'platelets', perNl, [1, 2000], '×10⁹/L');
    return perNl;
  }
  // v1.0: counts per µL were scaled to per L (× 1e6, rounded), then divided by 1e9.
  const q = inputs.quantity('Platelet count');
  if (!q) return undefined;
  const perL = v1ConvertCount(q[0], q[1], 'L');
  if (perL === undefined) {
    inputs.missing.push(`Platelet count (unit '${q[1]}' unknown to the v1.0 code)`);
    return undefined;
  }
  return inputs.step('platelets: per L ÷ 1e9 (v1.0)', { value: q[0], unit: q[1] }, perL / 1e9);
}

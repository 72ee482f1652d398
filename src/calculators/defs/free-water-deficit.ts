import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears, readSex, readWeightKg } from '../shared/body.js';
import { readConcentration } from '../shared/lab-units.js';
import { roundIfV1, V1_ANALYTE } from '../shared/v1-quirks.js';

/**
 * Free water deficit = TBW fraction × weight × (Na / 140 − 1) (Adrogué & Madias, NEJM 2000;342:1493–9),
 * with the total-body-water fraction by age and sex used by MDCalc.
 */
export const freeWaterDeficit = defineCalculator({
  id: 38,
  slug: 'free-water-deficit',
  names: ['Free Water Deficit'],
  category: 'lab',
  kind: 'decimal',
  v1Source: 'calculator_implementations/free_water_deficit.py',
  reference:
    'Adrogué HJ, Madias NE. Hypernatremia. NEJM 2000;342:1493-9; MDCalc "Free Water Deficit" (TBW: child 0.6, ' +
    'adult man 0.6, adult woman 0.5, elderly man 0.5, elderly woman 0.45; target Na 140)',
  entitySchema: entities({ sex: shape.sex, age: shape.quantity, weight: shape.quantity, Sodium: shape.quantity }, [
    'sex',
    'age',
    'weight',
    'Sodium',
  ]),
  compute(inputs) {
    const sex = readSex(inputs);
    const age = readAgeYears(inputs);
    const weight = readWeightKg(inputs);
    const sodium = readConcentration(inputs, 'Sodium', 'mmol/L', { analyte: 'sodium', v1: V1_ANALYTE.sodium });
    if (sex === undefined || age === undefined || weight === undefined || sodium === undefined)
      return inputs.incomputable();
    const fraction = inputs.step(
      'total body water fraction: < 18 y 0.6; 18–64 y male 0.6, female 0.5; ≥ 65 y male 0.5, female 0.45',
      { age, sex },
      tbwFraction(age, sex),
    );
    const deficit = fraction * weight * (sodium / 140 - 1);
    const value = inputs.step(
      'free water deficit = TBW × weight × (Na / 140 − 1), L',
      { fraction, weightKg: weight, sodiumMmolL: sodium },
      roundIfV1(inputs, deficit),
    );
    return inputs.result('decimal', value);
  },
});

function tbwFraction(age: number, sex: 'Male' | 'Female'): number {
  if (age < 18) return 0.6;
  if (age < 65) return sex === 'Male' ? 0.6 : 0.5;
  return sex === 'Male' ? 0.5 : 0.45;
}

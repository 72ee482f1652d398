import { defineCalculator, entities, shape } from '../define.js';
import { readChoice } from '../shared/choices.js';
import type { Inputs } from '../shared/inputs.js';
import { PointsTally } from '../shared/tally.js';

const EYE = {
  'eyes open spontaneously': 4,
  'eye opening to verbal command': 3,
  'eye opening to pain': 2,
  'no eye opening': 1,
};
const VERBAL = {
  oriented: 5,
  confused: 4,
  'inappropriate words': 3,
  'incomprehensible sounds': 2,
  'no verbal response': 1,
};
const MOTOR = {
  'obeys commands': 6,
  'localizes pain': 5,
  'withdrawal from pain': 4,
  'flexion to pain': 3,
  'extension to pain': 2,
  'no motor response': 1,
};
const NOT_TESTABLE = 'not testable';

/**
 * Glasgow Coma Score: eye (4) + verbal (5) + motor (6) (Teasdale & Jennett, Lancet 1974;2:81–4; Teasdale et al., Lancet
 * Neurol 2014).
 */
export const gcs = defineCalculator({
  id: 21,
  slug: 'gcs',
  names: ['Glasgow Coma Score (GCS)'],
  category: 'severity',
  kind: 'integer',
  v1Source: 'calculator_implementations/glasgow_coma_score.py',
  reference:
    'Teasdale G, Jennett B. Lancet 1974;2:81-4; Teasdale G et al. Lancet Neurol 2014;13:844-54; MDCalc "Glasgow ' +
    'Coma Scale/Score (GCS)"',
  entitySchema: entities(
    { 'Best eye response': shape.text, 'Best verbal response': shape.text, 'Best motor response': shape.text },
    ['Best eye response', 'Best verbal response', 'Best motor response'],
  ),
  compute(inputs) {
    // v1.0 scored 'not testable' eyes and speech as 4 (its text says "assume spontaneous"/"oriented").
    // The reference follows Teasdale 2014 and MDCalc: the summed score cannot be given when a component
    // is not testable, so that component is reported as unusable.
    const withNotTestable = <T extends Record<string, number>>(table: T) =>
      inputs.isV1 ? { ...table, [NOT_TESTABLE]: 4 } : table;
    const eye = readComponent(inputs, 'Best eye response', withNotTestable(EYE));
    const verbal = readComponent(inputs, 'Best verbal response', withNotTestable(VERBAL));
    const motor = readComponent(inputs, 'Best motor response', MOTOR);
    if (inputs.incomplete || !eye || !verbal || !motor) return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.add(`Eye: ${eye.phrase}`, eye.value);
    tally.add(`Verbal: ${verbal.phrase}`, verbal.value);
    // The v1.0 label code added the verbal score a second time, so its labels run up to 20.
    if (inputs.isV1) tally.add(`v1.0: verbal counted again: ${verbal.phrase}`, verbal.value);
    tally.add(`Motor: ${motor.phrase}`, motor.value);
    return tally.finish('GCS', 'integer');
  },
});

function readComponent(
  inputs: Inputs,
  key: string,
  table: Record<string, number>,
): { phrase: string; value: number } | undefined {
  if (!inputs.isV1 && inputs.text(key, false)?.trim().toLowerCase() === NOT_TESTABLE) {
    inputs.missing.push(`${key} (not testable: the total GCS is not defined)`);
    return undefined;
  }
  return readChoice(inputs, key, table);
}

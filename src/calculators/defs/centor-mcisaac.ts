import { defineCalculator, entities, shape } from '../define.js';
import { readAgeYears, readCelsius } from '../shared/body.js';
import { PointsTally, type ScoreBand } from '../shared/tally.js';

const AGE_BANDS: ScoreBand[] = [
  { label: '≥ 45', when: (age) => age >= 45, points: -1 },
  { label: '15–44', when: (age) => age >= 15, points: 0 },
  { label: '3–14', when: (age) => age >= 3, points: 1 },
  // McIsaac validated the score from age 3; a younger child falls in no band and gets no age points
  // (as in the v1.0 code).
  { label: '< 3: no age band (score validated from age 3)', when: () => true, points: 0 },
];

/** Centor score modified by age (McIsaac et al., CMAJ 1998;158:75–83 and JAMA 2004;291:1587–95). */
export const centorMcisaac = defineCalculator({
  id: 20,
  slug: 'centor-mcisaac',
  names: ['Centor Score (Modified/McIsaac) for Strep Pharyngitis'],
  category: 'severity',
  kind: 'integer',
  v1Source: 'calculator_implementations/centor_score.py',
  reference:
    'McIsaac WJ et al. CMAJ 1998;158:75-83; McIsaac WJ et al. JAMA 2004;291:1587-95; MDCalc "Centor Score ' +
    '(Modified/McIsaac) for Strep Pharyngitis"',
  entitySchema: entities(
    {
      age: shape.quantity,
      Temperature: shape.quantity,
      'Exudate or swelling on tonsils': shape.flag,
      'Tender/swollen anterior cervical lymph nodes': shape.flag,
      'Cough Absent': shape.flag,
    },
    ['age', 'Temperature'],
  ),
  compute(inputs) {
    const age = readAgeYears(inputs, { completedYears: true });
    const celsius = readCelsius(inputs);
    if (age === undefined || celsius === undefined) return inputs.incomputable();

    const tally = new PointsTally(inputs);
    tally.band('Age', age, AGE_BANDS);
    tally.finding('Exudate or swelling on tonsils', inputs.flag('Exudate or swelling on tonsils'), 1);
    tally.finding(
      'Tender/swollen anterior cervical lymph nodes',
      inputs.flag('Tender/swollen anterior cervical lymph nodes'),
      1,
    );
    tally.finding('Temperature > 38 °C', celsius > 38, 1, { celsius });
    tally.finding('Cough absent', inputs.flag('Cough Absent'), 1);
    return tally.finish('Centor (McIsaac) score', 'integer');
  },
});

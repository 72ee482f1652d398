import { defineCalculator, entities, shape } from '../define.js';
import { PointsTally } from '../shared/tally.js';

/** The five one-point findings, as (criterion, the data's spellings). */
const FINDINGS: readonly (readonly [string, readonly string[]])[] = [
  ['Fever in past 24 hours', ['Fever in past 24 hours']],
  ['Purulent tonsils', ['Purulent tonsils']],
  ['Attend rapidly: symptom onset ≤ 3 days', ['Symptom onset ≤3 days', 'Symptom onset <=3 days']],
  ['Severely inflamed tonsils', ['Severe tonsil inflammation']],
  ['No cough or coryza', ['Absence of cough or coryza']],
];

/** FeverPAIN score for streptococcal pharyngitis (Little et al., BMJ 2013;347:f5806). */
export const feverpain = defineCalculator({
  id: 33,
  slug: 'feverpain',
  names: ['FeverPAIN Score for Strep Pharyngitis'],
  category: 'diagnosis',
  kind: 'integer',
  v1Source: 'calculator_implementations/feverpain.py',
  reference:
    'Little P et al. BMJ 2013;347:f5806 (and Br J Gen Pract 2013;63:e787-94); MDCalc "FeverPAIN Score for Strep ' +
    'Pharyngitis"',
  entitySchema: entities(Object.fromEntries(FINDINGS.flatMap(([, keys]) => keys.map((key) => [key, shape.flag])))),
  compute(inputs) {
    const tally = new PointsTally(inputs);
    for (const [criterion, keys] of FINDINGS) tally.finding(criterion, inputs.anyFlag(keys), 1);
    return tally.finish('FeverPAIN', 'integer');
  },
});

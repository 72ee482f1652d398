import { describe, expect, it } from 'vitest';
import { feverpain } from '../../src/calculators/defs/feverpain.js';

// Reference: Little et al., BMJ 2013 (MDCalc). Fever, Purulence, Attend rapidly (≤ 3 days), severely
// Inflamed tonsils, No cough or coryza: one point each.
describe('FeverPAIN (33)', () => {
  it('scores 5 with every criterion', () => {
    const r = feverpain.compute({
      'Fever in past 24 hours': true,
      'Purulent tonsils': true,
      'Symptom onset ≤3 days': true,
      'Severe tonsil inflammation': true,
      'Absence of cough or coryza': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 5 });
  });

  it('reads the "<=3 days" spelling', () => {
    expect(feverpain.compute({ 'Symptom onset <=3 days': true, 'Fever in past 24 hours': true })).toMatchObject({
      value: 2,
    });
  });

  it('ignores keys that belong to other scores and counts absent findings as 0', () => {
    expect(feverpain.compute({ 'Altered mental status for PECARN head injury criteria': true })).toMatchObject({
      value: 0,
    });
    expect(feverpain.compute({ 'Purulent tonsils': false })).toMatchObject({ value: 0 });
  });

  it('agrees under medcalc-v1.0', () => {
    expect(feverpain.compute({ 'Purulent tonsils': true }, { convention: 'medcalc-v1.0' })).toMatchObject({ value: 1 });
  });
});

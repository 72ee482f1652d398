import { describe, expect, it } from 'vitest';
import { estimatedConception } from '../../src/calculators/defs/estimated-conception.js';

const V1 = { convention: 'medcalc-v1.0' } as const;
const conception = (lmp: string, cycle?: number, options?: typeof V1) => {
  const r = estimatedConception.compute(
    cycle === undefined ? { 'Last menstrual date': lmp } : { 'Last menstrual date': lmp, 'cycle length': cycle },
    options,
  );
  if (r.incomputable) throw new Error(`incomputable: ${r.missing.join(', ')}`);
  return r.value;
};

// Reference: ovulation ≈ 14 days before the next menses: conception = LMP + (cycle − 14) days (ACOG CO 700).
describe('Estimated date of conception (68)', () => {
  it('28-day cycle: LMP + 14 days', () => expect(conception('01/01/2021', 28)).toBe('01/15/2021'));
  it('follows the cycle length', () => {
    expect(conception('01/01/2021', 21)).toBe('01/08/2021');
    expect(conception('01/01/2021', 35)).toBe('01/22/2021');
  });
  it('crosses a year end: 12/25/2021 + 14 = 01/08/2022', () => expect(conception('12/25/2021', 28)).toBe('01/08/2022'));
  it('assumes a 28-day cycle when none is given', () => expect(conception('01/01/2021')).toBe('01/15/2021'));
  it('medcalc-v1.0 adds 14 days whatever the cycle (label defect)', () => {
    expect(conception('01/01/2021', 21, V1)).toBe('01/15/2021');
  });
  it('names a missing date and rejects an implausible cycle', () => {
    expect(estimatedConception.compute({ 'cycle length': 28 })).toMatchObject({
      incomputable: true,
      missing: ['Last menstrual date'],
    });
    expect(estimatedConception.compute({ 'Last menstrual date': '01/01/2021', 'cycle length': 10 })).toMatchObject({
      incomputable: true,
    });
  });
});

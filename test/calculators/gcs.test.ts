import { describe, expect, it } from 'vitest';
import { gcs } from '../../src/calculators/defs/gcs.js';

// Reference: Teasdale & Jennett 1974; Teasdale et al. 2014 (MDCalc). Eye 1–4 + verbal 1–5 + motor 1–6;
// no total when a component is not testable.
const patient = (eye: string, verbal: string, motor: string) => ({
  'Best eye response': eye,
  'Best verbal response': verbal,
  'Best motor response': motor,
});
const V1 = { convention: 'medcalc-v1.0' } as const;

describe('Glasgow Coma Score (21)', () => {
  it.each([
    // 4 + 5 + 6 = 15; v1.0 adds the verbal 5 again: 20
    [patient('eyes open spontaneously', 'oriented', 'obeys commands'), 15, 20],
    // 1 + 1 + 1 = 3; v1.0: 4
    [patient('no eye opening', 'no verbal response', 'no motor response'), 3, 4],
    // 2 + 3 + 3 = 8; v1.0: 11
    [patient('eye opening to pain', 'inappropriate words', 'flexion to pain'), 8, 11],
    // 3 + 2 + 5 = 10; v1.0: 12
    [patient('eye opening to verbal command', 'incomprehensible sounds', 'localizes pain'), 10, 12],
  ])('sums the components; v1.0 counts the verbal score twice', (entities, reference, v1) => {
    expect(gcs.compute(entities)).toMatchObject({ incomputable: false, kind: 'integer', value: reference });
    expect(gcs.compute(entities, V1)).toMatchObject({ value: v1 });
  });

  it('gives no total when a component is not testable; v1.0 scored it 4 (verbal twice)', () => {
    const intubated = patient('no eye opening', 'not testable', 'no motor response');
    const r = gcs.compute(intubated);
    expect(r.incomputable).toBe(true);
    if (r.incomputable) expect(r.missing[0]).toMatch(/^Best verbal response \(not testable/);
    // v1.0: 1 + 4 + 4 + 1 = 10
    expect(gcs.compute(intubated, V1)).toMatchObject({ value: 10 });
  });

  it('reads phrases case-insensitively under the reference, exactly under v1.0', () => {
    const entities = patient('Eyes open spontaneously', 'Confused', 'Withdrawal from pain');
    expect(gcs.compute(entities)).toMatchObject({ value: 12 });
    expect(gcs.compute(entities, V1)).toMatchObject({ incomputable: true });
  });

  it('names missing and unrecognized components', () => {
    const r = gcs.compute({ 'Best eye response': 'eyes open spontaneously', 'Best verbal response': 'mumbling' });
    expect(r).toMatchObject({
      incomputable: true,
      missing: ["Best verbal response (unrecognized value 'mumbling')", 'Best motor response'],
    });
  });
});

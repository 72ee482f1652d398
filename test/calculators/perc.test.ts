import { describe, expect, it } from 'vitest';
import { perc } from '../../src/calculators/defs/perc.js';

// Reference: Kline et al., J Thromb Haemost 2004 (MDCalc). Count of: age ≥ 50, HR ≥ 100, SaO₂ < 95%,
// unilateral leg swelling, hemoptysis, recent surgery/trauma, prior PE or DVT, hormone use.
const vitals = (years: number, bpm: number, sat: number) => ({
  age: [years, 'years'],
  'Heart Rate or Pulse': [bpm, 'beats per minute'],
  'O₂ saturation percentage': [sat, '%'],
});

describe('PERC rule (48)', () => {
  it('counts all eight criteria', () => {
    const r = perc.compute({
      ...vitals(55, 110, 90),
      'Unilateral Leg Swelling': true,
      Hemoptysis: true,
      'Recent surgery or trauma': true,
      'Previously Documented Pulmonary Embolism': true,
      'Hormone use': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 8 });
  });

  it.each([
    [49, 99, 95, 0],
    [50, 99, 95, 1],
    [49, 100, 95, 1],
    [49, 99, 94, 1],
  ])('age %i, HR %i, SaO₂ %i meets %i', (years, bpm, sat, count) => {
    expect(perc.compute(vitals(years, bpm, sat))).toMatchObject({ value: count });
  });

  it('counts prior PE and prior DVT as one criterion', () => {
    const r = perc.compute({
      ...vitals(30, 80, 98),
      'Previously Documented Pulmonary Embolism': true,
      'Previously documented Deep Vein Thrombosis': true,
    });
    expect(r).toMatchObject({ value: 1 });
  });

  it('names a missing saturation', () => {
    expect(perc.compute({ age: [30, 'years'], 'Heart Rate or Pulse': [80, 'beats per minute'] })).toMatchObject({
      incomputable: true,
      missing: ['O₂ saturation percentage'],
    });
  });

  it('agrees under medcalc-v1.0', () => {
    expect(perc.compute({ ...vitals(60, 100, 96), 'Hormone use': true }, { convention: 'medcalc-v1.0' })).toMatchObject(
      { value: 3 },
    );
  });
});

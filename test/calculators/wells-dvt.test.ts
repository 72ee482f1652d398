import { describe, expect, it } from 'vitest';
import { wellsDvt } from '../../src/calculators/defs/wells-dvt.js';

// Reference: Wells et al., NEJM 2003 (MDCalc). Nine criteria +1 each; alternative diagnosis at least as
// likely −2. "Bedridden > 3 days or major surgery ≤ 12 weeks" is one criterion.
describe("Wells' criteria for DVT (16)", () => {
  it('sums one-point criteria', () => {
    // cancer + calf swelling + entire leg + pitting edema = 4
    const r = wellsDvt.compute({
      'Active cancer': true,
      'Calf swelling >3 centimeters compared to the other leg': true,
      'Entire Leg Swollen': true,
      'Pitting edema, confined to symptomatic leg': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'integer', value: 4 });
  });

  it('subtracts 2 for an alternative diagnosis', () => {
    expect(
      wellsDvt.compute({ 'Alternative diagnosis to Deep Vein Thrombosis as likely or more likely': true }),
    ).toMatchObject({ value: -2 });
  });

  it('reaches 7 with every criterion (9 − 2)', () => {
    const all = {
      'Active cancer': true,
      'Bedridden recently >3 days or major surgery within 12 weeks': true,
      'Calf swelling >3 centimeters compared to the other leg': true,
      'Collateral (nonvaricose) superficial veins present': true,
      'Entire Leg Swollen': true,
      'Localized tenderness along the deep venous system': true,
      'Pitting edema, confined to symptomatic leg': true,
      'Paralysis, paresis, or recent plaster immobilization of the lower extremity': true,
      'Previously documented Deep Vein Thrombosis': true,
      'Alternative diagnosis to Deep Vein Thrombosis as likely or more likely': true,
    };
    expect(wellsDvt.compute(all)).toMatchObject({ value: 7 });
  });

  it.each([
    [{ 'Bedridden recently >3 days or major surgery within 12 weeks': true }],
    [{ 'Major surgery within 12 weeks': true }],
    [{ 'Bedridden recently >3 days': true }],
    [{ 'Bedridden recently >3 days': true, 'Major surgery within 12 weeks': true }],
  ])('counts bedridden/major surgery once, whatever the spelling: %j', (entities) => {
    expect(wellsDvt.compute(entities)).toMatchObject({ value: 1 });
  });

  it('scores 0 with nothing reported (every input is a finding)', () => {
    expect(wellsDvt.compute({})).toMatchObject({ incomputable: false, value: 0 });
  });

  it('agrees under medcalc-v1.0', () => {
    expect(
      wellsDvt.compute(
        { 'Active cancer': true, 'Major surgery within 12 weeks': true },
        { convention: 'medcalc-v1.0' },
      ),
    ).toMatchObject({ value: 2 });
  });
});

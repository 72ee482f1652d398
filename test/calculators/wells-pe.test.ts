import { describe, expect, it } from 'vitest';
import { wellsPe } from '../../src/calculators/defs/wells-pe.js';

// Reference: Wells et al., Thromb Haemost 2000 (MDCalc). DVT signs +3; PE #1 diagnosis +3; HR > 100 +1.5;
// immobilization ≥ 3 days or surgery ≤ 4 weeks +1.5; prior PE or DVT +1.5; hemoptysis +1; malignancy +1.
const hr = (bpm: number) => ({ 'Heart Rate or Pulse': [bpm, 'beats per minute'] });

describe("Wells' criteria for PE (8)", () => {
  it('sums every criterion to 12.5', () => {
    // 3 + 3 + 1.5 + 1.5 + 1.5 + 1 + 1 = 12.5
    const r = wellsPe.compute({
      ...hr(120),
      'Clinical signs and symptoms of Deep Vein Thrombosis': true,
      'Pulmonary Embolism is #1 diagnosis OR equally likely': true,
      'Immobilization for at least 3 days': true,
      'Previously Documented Pulmonary Embolism': true,
      Hemoptysis: true,
      'Malignancy with treatment within 6 months or palliative': true,
    });
    expect(r).toMatchObject({ incomputable: false, kind: 'decimal', value: 12.5 });
  });

  it.each([
    [100, 0],
    [101, 1.5],
  ])('heart rate %i scores %d', (bpm, points) => {
    expect(wellsPe.compute(hr(bpm))).toMatchObject({ value: points });
  });

  it('gives 1.5 once for immobilization and surgery, and once for prior PE and DVT', () => {
    const r = wellsPe.compute({
      ...hr(80),
      'Immobilization for at least 3 days': true,
      'Surgery in the previous 4 weeks': true,
      'Previously Documented Pulmonary Embolism': true,
      'Previously documented Deep Vein Thrombosis': true,
    });
    expect(r).toMatchObject({ value: 3 });
  });

  it('names a missing heart rate', () => {
    expect(wellsPe.compute({ Hemoptysis: true })).toMatchObject({
      incomputable: true,
      missing: ['Heart Rate or Pulse'],
    });
  });

  it('agrees under medcalc-v1.0', () => {
    expect(
      wellsPe.compute({ ...hr(110), 'Surgery in the previous 4 weeks': true }, { convention: 'medcalc-v1.0' }),
    ).toMatchObject({ value: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import { auditLabel } from '../../src/audit/classify.js';
import { OUTCOME } from '../../src/audit/outcomes.js';
import { findCalculator } from '../../src/calculators/registry.js';
import { answerWithLimits } from '../../src/label/answer.js';
import type { Entities, Label } from '../../src/label/types.js';
import { checkEvidence, evidenceSpans } from '../../src/verifiers/evidence/index.js';
import { numberMentions } from '../../src/verifiers/evidence/numbers.js';
import { makeLabel } from '../helpers/labels.js';

// Hand-made notes in our own words. Expected values: MDRD/CKD formulas are not needed here, only
// what the note says. Anion gap (calculator 39) = Na − (Cl + HCO3).
const ANION_GAP = findCalculator(39)!;
const FIB4 = findCalculator(19)!;

function evidence(note: string, entities: Entities, calculatorId = 39) {
  const calculator = findCalculator(calculatorId)!;
  return checkEvidence({ note, entities, calculator, reference: calculator.compute(entities) });
}
const statusOf = (e: ReturnType<typeof evidence>, key: string) => e.groundings.find((g) => g.entity === key)?.status;

describe('numbers as notes write them', () => {
  it('reads decimals with point or comma, thousands groupings, powers of ten and both sides of a pressure', () => {
    const values = numberMentions('Cr 1,4 then 1.40; platelets 149,000; WBC 7.6 x 10^9/L; Hb 12×10⁰; BP 120/80').map(
      (m) => m.value,
    );
    expect(values).toEqual([1.4, 1.4, 149000, 7.6e9, 12, 120, 80]);
  });
});

describe('grounding', () => {
  const entities: Entities = { Sodium: [140, 'mmol/L'], Chloride: [104, 'mmol/L'], Bicarbonate: [24, 'mmol/L'] };

  it('grounds each value next to a name of its analyte, with the span a review page highlights', () => {
    const note = 'Labs on arrival: Na 140 mmol/L, chloride of 104, and a serum bicarbonate level of 24 mEq/L.';
    const e = evidence(note, entities);
    expect(e.groundings.map((g) => g.status)).toEqual(['grounded', 'grounded', 'grounded']);
    const na = evidenceSpans(e)[0];
    expect(na).toMatchObject({ entity: 'Sodium', text: '140', status: 'grounded' });
    expect(note.slice(na.start, na.end)).toBe('140');
  });

  it("accepts the note's own formatting (decimal comma, trailing zero)", () => {
    const e = evidence(
      'Creatinine 1,40 mg/dL on day one.',
      { creatinine: [1.4, 'mg/dL'], age: [50, 'years'], sex: 'Male' },
      9,
    );
    expect(statusOf(e, 'creatinine')).toBe('grounded');
  });

  it('says "grounded in another unit" when the number is there but in a different unit', () => {
    const e = evidence('Serum creatinine was 120 µmol/L.', { creatinine: [120, 'mg/dL'] }, 9);
    expect(statusOf(e, 'creatinine')).toBe('grounded-other-unit');
  });

  it("grounds a value the extractor converted correctly from the note's unit", () => {
    const e = evidence('Serum creatinine was 106 µmol/L.', { creatinine: [1.2, 'mg/dL'] }, 9);
    expect(statusOf(e, 'creatinine')).toBe('grounded');
  });

  it('says "contradicted" when the analyte is named with other numbers only', () => {
    const e = evidence('Na 131, Cl 99, bicarbonate 20.', {
      Sodium: [140, 'mmol/L'],
      Chloride: [99, 'mmol/L'],
      Bicarbonate: [20, 'mmol/L'],
    });
    expect(statusOf(e, 'Sodium')).toBe('contradicted');
  });

  it('says "not found" when neither the analyte nor the number is in the note', () => {
    const e = evidence('The patient felt tired.', { Sodium: [140, 'mmol/L'] });
    expect(statusOf(e, 'Sodium')).toBe('not-found');
  });

  it('reads a negated finding as evidence against true and for false', () => {
    const note = 'She denies hemoptysis. History of hypertension.';
    const pe = findCalculator(8)!;
    const e = checkEvidence({ note, entities: { Hemoptysis: true, 'Hypertension history': false }, calculator: pe });
    expect(statusOf(e as never, 'Hemoptysis')).toBe('contradicted');
    expect(statusOf(e as never, 'Hypertension history')).toBe('contradicted');
    const again = checkEvidence({ note, entities: { Hemoptysis: false }, calculator: pe });
    expect(again.groundings[0]).toMatchObject({ status: 'grounded', text: 'hemoptysis' });
  });
});

describe('plausibility and computability', () => {
  it('flags an impossible input and the result it produces', () => {
    const entities: Entities = {
      age: [60, 'years'],
      'Aspartate aminotransferase': [40, 'U/L'],
      'Alanine aminotransferase': [1, 'U/L'],
      'Platelet count': [2, 'µL'],
    };
    const e = checkEvidence({
      note: 'A 60-year-old; AST 40 U/L, ALT 1 U/L, platelets 2.',
      entities,
      calculator: FIB4,
      reference: FIB4.compute(entities),
    });
    expect(e.implausible.map((i) => i.what)).toEqual(['Platelet count', 'result']);
    expect(e.implausible[0].source).toMatch(/Tietz/);
  });

  it('an albumin of 17 g/dL is implausible-input in the audit, not reproduced-from-entities', () => {
    const entities: Entities = {
      Sodium: [138, 'mmol/L'],
      Chloride: [100, 'mmol/L'],
      Bicarbonate: [22, 'mmol/L'],
      Albumin: [17, 'g/dL'],
    };
    const calc = findCalculator(65)!;
    const value = calc.compute(entities);
    if (value.incomputable) throw new Error('computable');
    const label: Label = makeLabel({
      calculator: { id: 65, name: calc.names[0], category: 'lab' },
      entities,
      answer: answerWithLimits('decimal', value.value as number),
      note: 'Na 138, Cl 100, HCO3 22, albumin 17 g/dL.',
    });
    expect(auditLabel(label)).toMatchObject({ outcome: OUTCOME.implausibleInput });
  });

  it('a required measured input the note never mentions makes the label likely incomputable', () => {
    const entities: Entities = { Sodium: [140, 'mmol/L'], Chloride: [104, 'mmol/L'], Bicarbonate: [24, 'mmol/L'] };
    const label: Label = makeLabel({
      calculator: { id: 39, name: ANION_GAP.names[0], category: 'lab' },
      entities,
      answer: answerWithLimits('decimal', 12),
      note: 'Na 140 and Cl 104 were drawn; the rest was lost.',
    });
    const item = auditLabel(label);
    expect(item.outcome).toBe(OUTCOME.likelyIncomputable);
    expect(item.evidence?.missingFromNote).toEqual(['Bicarbonate']);
  });

  it('a measured input written in another unit makes the label an extraction suspect', () => {
    const entities: Entities = { Sodium: [140, 'mmol/L'], Chloride: [104, 'mmol/L'], Bicarbonate: [24, 'mmol/L'] };
    const label: Label = makeLabel({
      calculator: { id: 39, name: ANION_GAP.names[0], category: 'lab' },
      entities,
      answer: answerWithLimits('decimal', 12),
      note: 'Na 140 mg/dL, Cl 104, bicarbonate 24.',
    });
    const item = auditLabel(label);
    expect(item.outcome).toBe(OUTCOME.extractionSuspect);
    expect(item.evidence?.suspect[0]).toMatchObject({ entity: 'Sodium', status: 'grounded-other-unit' });
  });

  it('a label whose note states every input stays reproduced-from-entities', () => {
    const entities: Entities = { Sodium: [140, 'mmol/L'], Chloride: [104, 'mmol/L'], Bicarbonate: [24, 'mmol/L'] };
    const label: Label = makeLabel({
      calculator: { id: 39, name: ANION_GAP.names[0], category: 'lab' },
      entities,
      answer: answerWithLimits('decimal', 12),
      note: 'Na 140 mmol/L, Cl 104 mmol/L, HCO3 24 mmol/L.',
    });
    expect(auditLabel(label).outcome).toBe(OUTCOME.reproducedFromEntities);
  });

  it('a sore-throat score on a note that never examined the throat is likely incomputable', () => {
    const entities: Entities = { age: [30, 'years'], Temperature: [38.5, 'degrees celsius'], 'Cough Absent': true };
    const bare = evidence('A 30-year-old with a temperature of 38.5 °C and no cough.', entities, 20);
    expect(bare.missingFromNote).toEqual([
      'Exudate or swelling on tonsils',
      'Tender/swollen anterior cervical lymph nodes',
    ]);
    const examined = evidence(
      'A 30-year-old, 38.5 °C, no cough; tonsils without exudate, no cervical lymphadenopathy.',
      entities,
      20,
    );
    expect(examined.missingFromNote).toEqual([]);
  });

  it('an adult weighing under 25 kg is implausible; a child of that weight is not', () => {
    const adult = evidence(
      'A 51-year-old man weighing 8 kg, sodium 124.',
      { age: [51, 'years'], weight: [8, 'kg'], sex: 'Male', Sodium: [124, 'mmol/L'] },
      38,
    );
    expect(adult.implausible.map((i) => [i.what, i.value])).toEqual([['weight', 8]]);
    const child = evidence(
      'A 2-year-old boy weighing 8 kg, sodium 124.',
      { age: [2, 'years'], weight: [8, 'kg'], sex: 'Male', Sodium: [124, 'mmol/L'] },
      38,
    );
    expect(child.implausible).toEqual([]);
  });

  it('a measured number the note names but never gives is an extraction suspect', () => {
    const entities: Entities = { Sodium: [140, 'mmol/L'], Chloride: [104, 'mmol/L'], Bicarbonate: [24, 'mmol/L'] };
    const label: Label = makeLabel({
      calculator: { id: 39, name: ANION_GAP.names[0], category: 'lab' },
      entities,
      answer: answerWithLimits('decimal', 12),
      note:
        'Bicarbonate was still pending when this note was written; the team will follow it up. Na 140 mmol/L, Cl ' +
        '104 mmol/L.',
    });
    const item = auditLabel(label);
    expect(item.outcome).toBe(OUTCOME.extractionSuspect);
    expect(item.evidence?.suspect).toEqual([
      { entity: 'Bicarbonate', status: 'not-found', detail: 'the note names it but gives no number for it' },
    ]);
  });

  it('"white blood cells" is not a statement of race (MDRD needs race)', () => {
    const entities: Entities = { age: [60, 'years'], sex: 'Female', creatinine: [1.1, 'mg/dL'] };
    expect(
      evidence('A 60-year-old woman; creatinine 1.1 mg/dL, white blood cells 9000.', entities, 9).missingFromNote,
    ).toEqual(['Race']);
    expect(evidence('A 60-year-old white woman; creatinine 1.1 mg/dL.', entities, 9).missingFromNote).toEqual([]);
  });
});

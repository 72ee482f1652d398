import { describe, expect, it } from 'vitest';
import { answerWithLimits } from '../../src/label/answer.js';
import { applyProposal } from '../../src/propose/apply-proposal.js';
import { relabelExplanation, traceExplanation } from '../../src/core/explanation.js';
import { makeLabel } from '../helpers/labels.js';

const meta = { proposer: 'Test Steward <steward@example.org>', verifier: 'v1', time: '2026-01-01T00:00:00.000Z' };

describe('a relabel carries its own explanation', () => {
  // The label: BMI of 70 kg and 175 cm is 22.857; its entities give exactly that.
  const label = makeLabel({ explanation: 'Old reasoning that ends in 22.857.' });

  it('an explanation given (--explanation, or the verifier output) is used as it is', () => {
    const applied = applyProposal(
      label,
      { value: 30, category: 'extraction-error', rationale: 'r', explanation: 'Weight is 92 kg: 92 / 1.75² = 30.0.' },
      meta,
      { confirmWithinTolerance: false },
    );
    expect(applied.label.explanation).toBe('Weight is 92 kg: 92 / 1.75² = 30.0.');
    expect(applied.label.revision!.previousExplanation).toBe('Old reasoning that ends in 22.857.');
  });

  it("else the verifier's own rationale", () => {
    const applied = applyProposal(
      label,
      { value: 30, category: 'extraction-error', rationale: 'The later weight, 92 kg.', rationaleFromVerifier: true },
      meta,
      { confirmWithinTolerance: false },
    );
    expect(applied.label.explanation).toBe('The later weight, 92 kg.');
  });

  it("else the reference calculator's trace, when it reproduces the new value from the entities", () => {
    const stale = makeLabel({ answer: answerWithLimits('decimal', 25), explanation: 'An explanation of 25.' });
    const applied = applyProposal(
      stale,
      { value: 22.857, category: 'calculator-logic-mismatch', rationale: 'generated' },
      meta,
      { confirmWithinTolerance: false },
    );
    expect(applied.label.explanation).toMatch(
      /^Computed by the reference Body Mass Index \(BMI\) calculator from the item's entities\. .*BMI = weight \/ height²: 22\.8571428571\. The answer is 22\.857\.$/,
    );
    expect(applied.label.explanation).toContain('height: 175 cm → m: 1.75.');
    expect(applied.label.revision!.previousExplanation).toBe('An explanation of 25.');
  });

  it('else a plain statement of the change, never the old explanation', () => {
    const applied = applyProposal(
      label,
      { value: 30, category: 'extraction-error', rationale: 'The note says 92 kg' },
      meta,
      { confirmWithinTolerance: false },
    );
    expect(applied.label.explanation).toBe(
      'The answer was changed from 22.857 to 30 by verifier v1. The note says 92 kg.',
    );
    const na = relabelExplanation(label, { kind: 'incomputable', value: null }, { by: 'verifier v1' });
    expect(na).toBe('The answer was changed from 22.857 to N/A by verifier v1: it cannot be computed from this note.');
  });

  it('a trace that does not give the value is not used', () => {
    expect(traceExplanation(label, answerWithLimits('decimal', 30))).toBeUndefined();
  });

  it('a second relabel keeps the explanation of the answer it replaces, next to that answer', () => {
    const once = applyProposal(label, { value: 30, category: 'extraction-error', rationale: 'r' }, meta, {
      confirmWithinTolerance: false,
    }).label;
    const twice = applyProposal(once, { value: 31, category: 'extraction-error', rationale: 'r2' }, meta, {
      confirmWithinTolerance: false,
    }).label;
    expect(twice.revision).toMatchObject({ previous: { value: 30 }, previousExplanation: once.explanation });
  });
});

describe('limits with the source precision', () => {
  it.each([
    [9, 8.55, 9.45],
    [25.017, 23.76615, 26.26785],
    [-0.31, -0.3255, -0.2945],
    [0.0943, 0.089585, 0.099015],
    [30.1, 28.595, 31.605],
  ])('%s → [%s, %s], as v1.0 writes limits (exact decimal products)', (x, lower, upper) => {
    expect(answerWithLimits('decimal', x)).toEqual({ kind: 'decimal', value: x, lower, upper });
  });
});

describe("a verifier's output may carry the explanation", () => {
  it('as a JSONL key or a CSV column', async () => {
    const { readVerifierFile } = await import('../../src/propose/verifier-file.js');
    const jsonl = readVerifierFile({
      file: 'v.jsonl',
      text: '{"id": "demo-0001", "value": 30, "explanation": "92 / 1.75² = 30.0"}\n',
    });
    expect(jsonl[0].explanation).toBe('92 / 1.75² = 30.0');
    const csv = readVerifierFile({ file: 'v.csv', text: 'id,value,explanation\ndemo-0001,30,92 / 1.75² = 30.0\n' });
    expect(csv[0].explanation).toBe('92 / 1.75² = 30.0');
  });
});

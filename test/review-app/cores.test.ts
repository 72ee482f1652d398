import { describe, expect, it } from 'vitest';
import type { LabelCheck } from '../../src/check/evaluate-label.js';
import type { Label, Signoff } from '../../src/label/types.js';
import { buildPanel } from '../../src/review-app/adjudication.js';
import { readDecisionInput, signoffRequest, valueText } from '../../src/review-app/decision.js';
import { findEvidenceInText } from '../../src/review-app/evidence-spans.js';
import { buildQueue } from '../../src/review-app/queue.js';
import { answerUnit } from '../../src/review-app/unit.js';
import { cohensKappa } from '../../src/stats/index.js';
import { errorOf } from '../helpers/errors.js';
import { makeLabel } from '../helpers/labels.js';

const HASH = `sha256:${'a'.repeat(64)}`;
const CATEGORIES = new Set(['extraction-error', 'unclassified']);
const relabel = (): Label =>
  makeLabel({
    status: 'relabeled',
    answer: { kind: 'decimal', value: 24, lower: 22.8, upper: 25.2 },
    revision: {
      previous: { kind: 'decimal', value: 22.857, lower: 21.71415, upper: 23.99985 },
      category: 'extraction-error',
      rationale: 'r',
      proposer: 'p',
      time: '2026-01-01T00:00:00.000Z',
    },
  });

describe('a structured decision', () => {
  it('is read strictly: unknown fields, free-text values and missing reasons are refused with a JSON pointer', () => {
    expect(readDecisionInput({ id: 'x', contentHash: HASH, action: 'approve' })).toEqual({
      id: 'x',
      contentHash: HASH,
      action: 'approve',
    });
    expect(
      errorOf(() => readDecisionInput({ id: 'x', contentHash: HASH, action: 'approve', keyPath: '/k' })).message,
    ).toBe('decision /keyPath: unknown field');
    expect(
      errorOf(() => readDecisionInput({ id: 'x', contentHash: HASH, action: 'correct', value: '78.1 ml/hr' })).message,
    ).toMatch(/^decision \/value: /);
    expect(errorOf(() => readDecisionInput({ id: 'x', contentHash: HASH, action: 'correct' })).message).toBe(
      'decision /value: a corrected value is needed',
    );
    expect(errorOf(() => readDecisionInput({ id: 'x', contentHash: HASH, action: 'incomputable' })).message).toBe(
      'decision /reason: say why the item is incomputable',
    );
    expect(errorOf(() => readDecisionInput({ id: 'x', contentHash: 'sha256:1', action: 'approve' })).message).toMatch(
      /^decision \/contentHash/,
    );
    expect(errorOf(() => readDecisionInput({ id: 'x', contentHash: HASH, action: 'delete' })).message).toMatch(
      /^decision \/action/,
    );
  });

  it('takes a value typed by the calculator kind only', () => {
    expect(valueText('decimal', { number: '78.1' })).toBe('78.1');
    expect(valueText('integer', { number: '7' })).toBe('7');
    expect(errorOf(() => valueText('integer', { number: '7.5' })).message).toMatch(/not a whole number/);
    expect(errorOf(() => valueText('decimal', { number: '7-8' })).message).toMatch(/is not a number/);
    expect(valueText('date', { date: '2024-02-29' })).toBe('02/29/2024');
    expect(errorOf(() => valueText('date', { date: '2023-02-29' })).message).toMatch(/not a calendar date/);
    expect(errorOf(() => valueText('decimal', { date: '2024-01-01' })).message).toMatch(/not a date/);
    expect(valueText('gestational-age', { weeks: 10, days: 1 })).toBe('[10, 1]');
    expect(errorOf(() => valueText('gestational-age', { weeks: 10, days: 7 })).message).toMatch(/days 0–6/);
  });

  it('becomes the sign-off steward signoff would make: approve, reject keeping the previous answer, amend', () => {
    const label = relabel();
    const base = { id: label.id, contentHash: HASH };
    expect(signoffRequest(label, 'decimal', { ...base, action: 'approve' }, CATEGORIES)).toEqual({
      decision: 'approve',
      value: '24',
    });
    expect(
      signoffRequest(label, 'decimal', { ...base, action: 'keep-previous', note: 'the first weight' }, CATEGORIES),
    ).toEqual({ decision: 'reject', value: '22.857', note: 'the first weight' });
    expect(
      signoffRequest(
        label,
        'decimal',
        { ...base, action: 'correct', value: { number: '26.1' }, category: 'extraction-error' },
        CATEGORIES,
      ),
    ).toEqual({
      decision: 'amend',
      value: '26.1',
      note: 'error category: extraction-error',
    });
    expect(
      signoffRequest(label, 'decimal', { ...base, action: 'incomputable', reason: 'information-missing' }, CATEGORIES),
    ).toEqual({ decision: 'amend', value: 'N/A', note: 'incomputable: information missing from the note' });
    expect(
      errorOf(() => signoffRequest(label, 'decimal', { ...base, action: 'approve', category: 'typo' }, CATEGORIES))
        .message,
    ).toMatch(/not in the error taxonomy/);
    expect(
      errorOf(() => signoffRequest(makeLabel(), 'decimal', { ...base, action: 'keep-previous' }, CATEGORIES)).message,
    ).toMatch(/no previous answer/);
  });
});

describe('evidence spans and units', () => {
  it('finds numbers as written and text values, never inside other numbers; reports the rest as not found', () => {
    const note = 'Weight 182 lbs (82 kg on 2/1). Height 5 ft 10 in. Female. Creatinine 1.20 mg/dL.';
    const spans = findEvidenceInText(note, {
      weight: [82, 'kg'],
      sex: 'Female',
      creatinine: [1.2, 'mg/dL'],
      height: [70, 'in'],
      diabetes: true,
    });
    const by = Object.fromEntries(spans.map((s) => [s.entity, s]));
    expect(note.slice(by.weight.start, by.weight.end)).toBe('82'); // not the 82 inside 182
    expect(by.weight.start).toBe(note.indexOf('(82') + 1);
    expect(by.sex).toMatchObject({ status: 'found', text: 'Female' });
    expect(by.creatinine).toMatchObject({ status: 'not-found' }); // "1.20" is not written as 1.2: not guessed
    expect(by.height).toMatchObject({ status: 'not-found', start: -1 });
    expect(by.diabetes).toMatchObject({ status: 'not-found' });
  });

  it('reads the answer unit from the question', () => {
    expect(
      answerUnit({
        question: "What is the patient's Creatinine Clearance using the Cockroft-Gault Equation in terms of mL/min?",
      }),
    ).toBe('mL/min');
    expect(answerUnit({ question: 'Compute the serum anion gap (mEq/L).' })).toBe('mEq/L');
    expect(answerUnit({ question: 'Compute the ideal body weight (kg) from height (Devine formula).' })).toBe('kg');
    expect(answerUnit({ question: 'Compute the Glasgow Coma Scale total.' })).toBeUndefined();
  });
});

function check(id: string, over: Partial<LabelCheck>): LabelCheck {
  return {
    id,
    file: `labels/demo/bmi/${id}.json`,
    changed: 'modified',
    physicianSigned: false,
    verifierOnly: false,
    needsSignoff: true,
    required: 1,
    approvedBy: [],
    problems: [],
    calculator: { id: 6, name: 'BMI' },
    before: null,
    after: null,
    revision: null,
    signoffs: [],
    ...over,
  };
}
const status = (
  reviewer: string,
  o: { stale?: boolean; superseded?: boolean; decision?: Signoff['decision'] } = {},
) => ({
  reviewer,
  role: 'physician',
  decision: o.decision ?? 'approve',
  time: 't',
  signatureValid: true,
  stale: o.stale ?? false,
  superseded: o.superseded ?? false,
});

describe('the queue', () => {
  it(
    'holds unsigned relabels, stale sign-offs and contentious items short of a second physician; done ones are ' +
      'marked',
    () => {
      const labels = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, { ...relabel(), id }]));
      const checks = [
        check('a', {}),
        check('b', { signoffs: [status('dr-a', { stale: true })] }),
        check('c', { required: 2, approvedBy: ['dr-b'], signoffs: [status('dr-b')] }),
        check('d', { approvedBy: ['dr-a'], signoffs: [status('dr-a')] }),
        check('e', { approvedBy: ['dr-b'], signoffs: [status('dr-b')] }), // enough without dr-a
      ];
      const queue = buildQueue(checks, labels, 'dr-a');
      expect(Object.fromEntries(queue.map((q) => [q.id, q.status]))).toEqual({
        a: 'proposed',
        b: 'stale',
        c: 'second-physician',
        d: 'done',
      });
      expect(queue.find((q) => q.id === 'd')!.decision).toBe('approve');
    },
  );
});

describe('the adjudication panel', () => {
  it("puts values side by side, agreement by the paper's rule, and Cohen's κ of the two physicians' verdicts", () => {
    const sign = (reviewer: string, value: string): Signoff => ({
      reviewer,
      role: 'physician',
      decision: 'approve',
      value,
      time: 't',
      contentHash: HASH,
      signature: 's',
    });
    // Proposed 24 everywhere. Verdicts (agrees with 24 within 5%): dr-a T T F F, dr-b T F F F.
    const pairs: [string, string][] = [
      ['24', '24.5'],
      ['24.2', '30'],
      ['30', '30.5'],
      ['N/A', '12'],
    ];
    const labels = pairs.map(([a, b], k) => ({
      ...relabel(),
      id: `x-${k}`,
      signoffs: [sign('dr-a', a), sign('dr-b', b), sign('maint', '24')],
    }));
    const panel = buildPanel(labels, new Set(['dr-a', 'dr-b']), () => true);
    expect(panel.reviewers).toEqual(['dr-a', 'dr-b']);
    expect(panel.rows.map((r) => r.unanimous)).toEqual([true, false, true, false]);
    // Table [[1, 1], [0, 2]]: po = 3/4, pe = ½·¼ + ½·¾ = ½, κ = (¾ − ½)/(1 − ½) = 0.5 (sklearn
    // cohen_kappa_score([1,1,0,0],[1,0,0,0]) = 0.5).
    const expected = cohensKappa({
      table: [
        [1, 1],
        [0, 2],
      ],
    });
    expect(panel.pairs).toEqual([
      { a: 'dr-a', b: 'dr-b', n: 4, agreeing: 2, kappa: { value: 0.5, lower: expected.lower, upper: expected.upper } },
    ]);
    // unsound sign-offs do not count
    expect(buildPanel(labels, new Set(['dr-a', 'dr-b']), (_l, s) => s.reviewer !== 'dr-b').rows).toEqual([]);
  });
});

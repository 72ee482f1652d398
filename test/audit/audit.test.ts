import { describe, expect, it } from 'vitest';
import { auditLabel } from '../../src/audit/classify.js';
import { emptyCounts } from '../../src/audit/outcomes.js';
import { auditJson, auditMarkdown } from '../../src/audit/report.js';
import { auditLabels } from '../../src/audit/run-audit.js';
import { crossesThreshold } from '../../src/audit/thresholds.js';
import { answerWithLimits } from '../../src/label/answer.js';
import type { Answer, Entities, Label } from '../../src/label/types.js';
import { makeLabel } from '../helpers/labels.js';

// Synthetic labels only. BMI (WHO): 70 kg / 1.75 m² = 22.857. GCS (Teasdale & Jennett 1974): eye + verbal + motor.
const BMI = { id: 6, name: 'Body Mass Index (BMI)', category: 'physical' };
const GCS = { id: 21, name: 'Glasgow Coma Score (GCS)', category: 'severity' };

// The audit reads the note too (src/verifiers/evidence): each synthetic note states its entities, so
// that only the recomputation decides these outcomes.
function noteOf(entities: Entities): string {
  return Object.entries(entities)
    .map(([key, value]) => (Array.isArray(value) ? `${key} ${value[0]} ${value[1]}` : `${key}: ${String(value)}`))
    .join('. ');
}

function label(id: string, calculator: Label['calculator'], entities: Entities, answer: Answer): Label {
  return makeLabel({
    id,
    calculator,
    entities,
    answer,
    note: noteOf(entities),
    source: { ...makeLabel().source, calculatorId: calculator.id },
  });
}

const bmi = (id: string, value: number, entities: Entities = { weight: [70, 'kg'], height: [175, 'cm'] }) =>
  label(id, BMI, entities, answerWithLimits('decimal', value));
const gcs = (id: string, value: number, eye: string, verbal: string, motor: string) =>
  label(
    id,
    GCS,
    { 'Best eye response': eye, 'Best verbal response': verbal, 'Best motor response': motor },
    answerWithLimits('integer', value),
  );

describe('auditLabel outcomes', () => {
  it('confirmed: the reference agrees within the label tolerance (±5% for decimals)', () => {
    expect(auditLabel(bmi('a', 22.857))).toMatchObject({
      outcome: 'reproduced-from-entities',
      priority: 0,
      crossesThreshold: false,
    });
    // 22.857 is inside [0.95 × 22, 1.05 × 22] = [20.9, 23.1]
    expect(auditLabel(bmi('b', 22)).outcome).toBe('reproduced-from-entities');
  });

  it('calculator-logic-mismatch: only the medcalc-v1.0 convention reproduces the label', () => {
    // reference 4 + 4 + 6 = 14; v1.0 counts the verbal score twice: 18
    const item = auditLabel(gcs('c', 18, 'eyes open spontaneously', 'confused', 'obeys commands'));
    expect(item.outcome).toBe('calculator-logic-mismatch');
    expect(item.reference).toMatchObject({ value: 14 });
    expect(item.v1).toMatchObject({ value: 18 });
    expect(item.deviation).toBeCloseTo(4 / 18, 10);
  });

  it('calculator-logic-mismatch also when the reference cannot compute but v1.0 reproduces the label', () => {
    // 'not testable' verbal: no GCS total under the reference; v1.0 scored it 4, twice: 4 + 4 + 4 + 6 = 18
    const item = auditLabel(gcs('d', 18, 'eyes open spontaneously', 'not testable', 'obeys commands'));
    expect(item.reference?.incomputable).toBe(true);
    expect(item.outcome).toBe('calculator-logic-mismatch');
  });

  it('disagrees: neither convention reproduces the label', () => {
    const item = auditLabel(bmi('e', 30));
    expect(item.outcome).toBe('disagrees');
    expect(item.deviation).toBeCloseTo(Math.abs(70 / 1.75 ** 2 - 30) / 30, 10);
  });

  it('incomputable: the entities lack what the reference needs and v1.0 does not explain the label', () => {
    const item = auditLabel(bmi('f', 22.857, { weight: [70, 'kg'] }));
    expect(item).toMatchObject({ outcome: 'incomputable', deviation: null });
    expect(item.reference).toMatchObject({ incomputable: true, missing: ['height'] });
  });

  it('an incomputable (N/A) label is confirmed by an incomputable reference and disagrees with a value', () => {
    const na: Answer = { kind: 'incomputable', value: null };
    expect(auditLabel(bmi('g', 0, { weight: [70, 'kg'] })).outcome).toBe('incomputable');
    expect(auditLabel(label('h', BMI, { weight: [70, 'kg'] }, na)).outcome).toBe('reproduced-from-entities');
    expect(auditLabel(label('i', BMI, { weight: [70, 'kg'], height: [175, 'cm'] }, na))).toMatchObject({
      outcome: 'disagrees',
      deviation: 1,
    });
  });

  it('no-calculator: a calculator id without an implementation', () => {
    expect(
      auditLabel(label('j', { id: 1, name: 'Unknown', category: 'lab' }, {}, answerWithLimits('decimal', 1))),
    ).toMatchObject({ outcome: 'no-calculator', reference: null, v1: null });
  });

  it('dates deviate by days over a 280-day pregnancy', () => {
    // Naegele: 01/01/2024 + 280 days = 10/07/2024; a label 14 days later deviates 14/280
    const item = auditLabel(
      label(
        'k',
        { id: 13, name: 'Estimated Due Date', category: 'date' },
        { 'Last menstrual date': '01/01/2024', 'cycle length': 28 },
        answerWithLimits('date', '10/21/2024'),
      ),
    );
    expect(item.outcome).toBe('disagrees');
    expect(item.deviation).toBeCloseTo(14 / 280, 10);
  });
});

describe('crossesThreshold', () => {
  it('is true when label and value fall on different sides of a decision threshold', () => {
    // GCS thresholds 9 and 13 (≤ 8 severe, 9–12 moderate, ≥ 13 mild)
    expect(crossesThreshold(21, 9, 8)).toBe(true);
    expect(crossesThreshold(21, 12, 13)).toBe(true);
    expect(crossesThreshold(21, 18, 14)).toBe(false);
    expect(crossesThreshold(21, 10, 12)).toBe(false);
    // no thresholds for BMI
    expect(crossesThreshold(6, 10, 40)).toBe(false);
  });
});

describe('auditLabels report and triage', () => {
  const labels = [
    bmi('demo-01', 22.857), // confirmed
    gcs('demo-02', 18, 'eyes open spontaneously', 'confused', 'obeys commands'), // mismatch, 22% off, no crossing
    bmi('demo-03', 30), // disagrees, 24% off
    // disagrees, 11% off, but crosses GCS 9: reference 2 + 2 + 4 = 8 (severe), label 9 (moderate); v1.0 gives 10
    gcs('demo-04', 9, 'eye opening to pain', 'incomprehensible sounds', 'withdrawal from pain'),
    bmi('demo-05', 22.857, { weight: [70, 'kg'] }), // incomputable
    bmi('demo-06', 25), // disagrees, 8.6% off
  ].map((l) => ({ label: l, file: `labels/demo/x/${l.id}.json` }));

  it('counts outcomes overall and per calculator', () => {
    const report = auditLabels(labels);
    expect(report.total).toBe(6);
    expect(report.counts).toEqual({
      ...emptyCounts(),
      'reproduced-from-entities': 1,
      'calculator-logic-mismatch': 1,
      disagrees: 3,
      incomputable: 1,
    });
    expect(report.calculators).toEqual([
      {
        id: 6,
        name: 'Body Mass Index (BMI)',
        n: 4,
        reproduced: 1,
        mismatch: 0,
        disagrees: 2,
        incomputable: 1,
        evidence: 0,
      },
      {
        id: 21,
        name: 'Glasgow Coma Score (GCS)',
        n: 2,
        reproduced: 0,
        mismatch: 1,
        disagrees: 1,
        incomputable: 0,
        evidence: 0,
      },
    ]);
  });

  it('triage puts threshold crossings first, then larger deviations; confirmed items are left out', () => {
    const report = auditLabels(labels);
    expect(report.triage.map((i) => i.id)).toEqual(['demo-04', 'demo-05', 'demo-03', 'demo-02', 'demo-06']);
    expect(report.triage[0]).toMatchObject({ crossesThreshold: true });
    expect(report.triage[0].priority).toBeGreaterThan(1000);
  });

  it('reports progress', () => {
    const seen: [number, number][] = [];
    auditLabels(labels, (done, total) => seen.push([done, total]));
    expect(seen.at(-1)).toEqual([6, 6]);
  });

  it('writes a Markdown report with the per-calculator table and the triage queue', () => {
    const md = auditMarkdown(auditLabels(labels), { title: 'Demo audit', triageLimit: 2 });
    expect(md).toMatch(/^# Demo audit\n/);
    expect(md).toContain(
      '6 labels: 1 reproduced-from-entities (17%), 1 calculator-logic-mismatch, 3 disagree, 1 incomputable.',
    );
    expect(md).toContain('| 21 | Glasgow Coma Score (GCS) | 2 | 0 (0%) | 1 | 1 | 0 | 0 |');
    expect(md).toContain('## Triage (5 items, 2 shown, most clinically significant first)');
    expect(md).toMatch(/\| demo-04 \| 21 \| disagrees \| 9 \| 8 \| 10 \| 11\.1% \| yes \|/);
    expect(md).not.toContain('demo-03');
  });

  it('writes a JSON report a later step can turn into proposals', () => {
    const json = auditJson(auditLabels(labels)) as { total: number; triage: Record<string, unknown>[] };
    expect(json.total).toBe(6);
    expect(json.triage[0]).toMatchObject({
      id: 'demo-04',
      file: 'labels/demo/x/demo-04.json',
      calculatorId: 21,
      outcome: 'disagrees',
      crossesThreshold: true,
      v1: { value: 10 },
    });
    expect(json.triage[0].reference).toMatchObject({ value: 8, kind: 'integer' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

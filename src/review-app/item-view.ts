import type { SignoffStatus } from '../check/evaluate-label.js';
import { findCalculator } from '../calculators/registry.js';
import type { CalcResult, TraceStep } from '../calculators/types.js';
import { formatAnswerValue } from '../label/answer.js';
import type { Answer, EntityValue, Label } from '../label/types.js';
import { answerKindOf } from '../core/answer-kind.js';
import { contentHash } from '../store/canonical.js';
import { type EvidenceLocator, type EvidenceSpan, findEvidenceInText } from './evidence-spans.js';
import { answerUnit } from './unit.js';

export interface EntityRow {
  name: string;
  /** As the label has it: "90 kg", "Female", "yes". */
  value: string;
  unit?: string;
  /** The unit conversions the reference calculator applied to it ("90 lbs → 40.82 kg"). */
  conversions: string[];
  span: EvidenceSpan;
}

export interface TraceView {
  convention: 'reference' | 'medcalc-v1.0';
  result: string;
  incomputable: boolean;
  steps: { what: string; result: string }[];
}

export interface AnswerView {
  text: string;
  kind: Answer['kind'];
  lower?: string;
  upper?: string;
}

/** What the page shows of one item. `answers` is absent while a blind reviewer has not given a value. */
export interface ItemView {
  id: string;
  calculator: { id: number; name: string; reference?: string };
  /** What kind of value a corrected answer is, and in which unit. */
  kind: ReturnType<typeof answerKindOf>;
  unit?: string;
  contentHash: string;
  status: Label['status'];
  note: string;
  question: string;
  entities: EntityRow[];
  blind: boolean;
  answers?: {
    previous: AnswerView | null;
    proposed: AnswerView;
    current: AnswerView;
    traces: TraceView[];
    revision: null | {
      category: string;
      rationale: string;
      evidence?: string;
      proposer: string;
      verifier?: string;
      contentious: boolean;
      time: string;
    };
    /** A verifier's votes, when the proposal carries them (`revision.votes`). */
    votes?: unknown;
    signoffs: SignoffStatus[];
  };
}

export interface ItemViewOptions {
  signoffs: SignoffStatus[];
  /** Hide the answers and the traces (they give the answer away): the blind protocol before the physician's value. */
  hideAnswers: boolean;
  locate?: EvidenceLocator;
}

export function itemView(label: Label, options: ItemViewOptions): ItemView {
  const calculator = findCalculator(label.calculator.id);
  const reference = calculator?.compute(label.entities, { convention: 'reference' });
  const spans = new Map((options.locate ?? findEvidenceInText)(label.note, label.entities).map((s) => [s.entity, s]));
  const view: ItemView = {
    id: label.id,
    calculator: {
      id: label.calculator.id,
      name: label.calculator.name,
      ...(calculator ? { reference: calculator.reference } : {}),
    },
    kind: answerKindOf(label),
    contentHash: contentHash(label),
    status: label.status,
    note: label.note,
    question: label.question,
    entities: Object.entries(label.entities).map(([name, value]) =>
      entityRow(name, value, reference?.steps ?? [], spans.get(name)),
    ),
    blind: options.hideAnswers,
  };
  const unit = answerUnit(label);
  if (unit) view.unit = unit;
  if (options.hideAnswers) return view;
  const traces: TraceView[] = [];
  if (reference) traces.push(traceView('reference', reference));
  const v1 = calculator?.compute(label.entities, { convention: 'medcalc-v1.0' });
  if (v1 && reference && JSON.stringify(resultValue(v1)) !== JSON.stringify(resultValue(reference)))
    traces.push(traceView('medcalc-v1.0', v1));
  const r = label.revision;
  const votes = r ? (r as unknown as Record<string, unknown>).votes : undefined;
  view.answers = {
    previous: r ? answerView(r.previous) : null,
    proposed: answerView(r?.proposed ?? label.answer),
    current: answerView(label.answer),
    traces,
    revision: r
      ? {
          category: r.category,
          rationale: r.rationale,
          ...(r.evidence ? { evidence: r.evidence } : {}),
          proposer: r.proposer,
          ...(r.verifier ? { verifier: r.verifier } : {}),
          contentious: Boolean(r.contentious),
          time: r.time,
        }
      : null,
    ...(votes !== undefined ? { votes } : {}),
    signoffs: options.signoffs,
  };
  return view;
}

function entityRow(name: string, value: EntityValue, steps: TraceStep[], span: EvidenceSpan | undefined): EntityRow {
  const conversions = steps
    .filter((s) => s.what.startsWith(`${name}: `))
    .map((s) => `${s.what.slice(name.length + 2)} = ${shortNumber(s.result)}`);
  const row: EntityRow = {
    name,
    value: entityText(value),
    conversions,
    span: span ?? { entity: name, start: -1, end: -1, text: '', status: 'not-found' },
  };
  if (Array.isArray(value) && typeof value[value.length - 1] === 'string' && typeof value[0] === 'number')
    row.unit = value[value.length - 1] as string;
  return row;
}

function entityText(value: EntityValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return '–';
  if (Array.isArray(value) && typeof value[0] === 'number') return String(value[0]);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

export function answerView(answer: Answer): AnswerView {
  const out: AnswerView = { text: formatAnswerValue(answer), kind: answer.kind };
  if (answer.kind === 'decimal' || answer.kind === 'integer') {
    // Limits are ±5% computed in binary floating point (28.613049999999998): six figures are what a reader needs.
    out.lower = shortNumber(answer.lower);
    out.upper = shortNumber(answer.upper);
  } else if (answer.kind !== 'incomputable') {
    out.lower = formatAnswerValue({ ...answer, value: answer.lower } as Answer);
    out.upper = formatAnswerValue({ ...answer, value: answer.upper } as Answer);
  }
  return out;
}

function resultValue(r: CalcResult): unknown {
  return r.incomputable ? null : r.value;
}

function traceView(convention: TraceView['convention'], r: CalcResult): TraceView {
  return {
    convention,
    incomputable: r.incomputable,
    result: r.incomputable ? `incomputable: missing ${r.missing.join(', ')}` : shortNumber(r.value),
    steps: r.steps.map((s) => ({ what: s.what, result: shortNumber(s.result) })),
  };
}

function shortNumber(v: unknown): string {
  if (typeof v === 'number') return String(Number(v.toPrecision(6)));
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) return `${v[0]} weeks ${v[1]} days`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

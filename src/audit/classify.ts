import { relativeDeviation, totalDays, withinTolerance } from '../label/answer.js';
import type { Label, WeeksDays } from '../label/types.js';
import { findCalculator } from '../calculators/registry.js';
import type { CalcResult } from '../calculators/types.js';
import { crossesThreshold } from './thresholds.js';
import { type AuditOutcome, OUTCOME } from './outcomes.js';
import { type AuditEvidence, evidenceOutcome } from './evidence.js';

export { type AuditOutcome, AUDIT_OUTCOMES, OUTCOME } from './outcomes.js';

export interface AuditItem {
  id: string;
  file?: string;
  calculatorId: number;
  outcome: AuditOutcome;
  label: Label['answer'];
  reference: CalcResult | null;
  v1: CalcResult | null;
  /**
   * How far the reference is from the label: relative error for numbers; for dates and gestational ages, days off as a
   * fraction of a 280-day pregnancy.
   */
  deviation: number | null;
  crossesThreshold: boolean;
  /** Higher first: threshold crossings, then larger deviations. */
  priority: number;
  /** What the note says about the entities (src/verifiers/evidence); absent when no calculator. */
  evidence?: AuditEvidence;
}

/**
 * Recomputes one label under both conventions and sorts it: reproduced-from-entities when the reference agrees within
 * the label's tolerance; calculator-logic-mismatch when only the v1.0 convention reproduces the label
 * (the label carries a known code defect, even where the reference cannot compute at all); incomputable
 * when the entities lack what the reference needs; disagrees when neither convention reproduces the
 * label (an extraction error or a clinical ambiguity for a physician). A label its entities reproduce
 * is then checked against its note (evidence.ts): an implausible input or result, a calculator
 * warning, an input the note lacks, or an entity the note contradicts each make it an outcome of its own.
 */
export function auditLabel(label: Label, file?: string): AuditItem {
  const calculator = findCalculator(label.calculator.id);
  if (!calculator)
    return item(label, file, {
      outcome: OUTCOME.noCalculator,
      reference: null,
      v1: null,
      deviation: null,
      crossesThreshold: false,
      priority: 0,
    });
  const reference = calculator.compute(label.entities, { convention: 'reference' });
  const v1 = calculator.compute(label.entities, { convention: 'medcalc-v1.0' });
  let outcome: AuditOutcome;
  // The v1.0 convention is tried before "incomputable": a label that only defective code could produce
  // (GCS scoring "not testable" as 4) is explained by that code even when the reference cannot compute.
  if (agrees(label.answer, reference)) outcome = OUTCOME.reproducedFromEntities;
  else if (agrees(label.answer, v1)) outcome = OUTCOME.calculatorLogicMismatch;
  else if (reference.incomputable) outcome = OUTCOME.incomputable;
  else outcome = OUTCOME.disagrees;
  const deviation = reference.incomputable ? null : deviationOf(label.answer, reference.value);
  const crosses =
    !reference.incomputable &&
    label.answer.kind !== 'incomputable' &&
    typeof label.answer.value === 'number' &&
    typeof reference.value === 'number'
      ? crossesThreshold(label.calculator.id, label.answer.value, reference.value)
      : false;
  let priority =
    outcome === OUTCOME.reproducedFromEntities
      ? 0
      : (crosses ? 1000 : 0) + Math.min(deviation ?? (outcome === OUTCOME.incomputable ? 1 : 0), 999);
  const judged = evidenceOutcome(label, calculator, reference, outcome);
  if (judged.outcome !== outcome) {
    outcome = judged.outcome;
    priority = judged.priority;
  }
  const out = item(label, file, { outcome, reference, v1, deviation, crossesThreshold: crosses, priority });
  out.evidence = judged.evidence;
  return out;
}

type Findings = Pick<AuditItem, 'outcome' | 'reference' | 'v1' | 'deviation' | 'crossesThreshold' | 'priority'>;

/** The item as one object literal (a spread costs more than the rest of auditLabel bar the calculators). */
function item(label: Label, file: string | undefined, f: Findings): AuditItem {
  return {
    id: label.id,
    file,
    calculatorId: label.calculator.id,
    label: label.answer,
    outcome: f.outcome,
    reference: f.reference,
    v1: f.v1,
    deviation: f.deviation,
    crossesThreshold: f.crossesThreshold,
    priority: f.priority,
  };
}

// Module-level functions rather than closures: auditLabel runs once per label, hundreds of thousands of times.
function agrees(answer: Label['answer'], result: CalcResult): boolean {
  return withinTolerance(answer, result.incomputable ? null : result.value);
}

function deviationOf(answer: Label['answer'], value: number | string | WeeksDays): number | null {
  if (answer.kind === 'incomputable') return 1;
  if (typeof answer.value === 'number' && typeof value === 'number') return relativeDeviation(answer.value, value);
  if (answer.kind === 'date' && typeof value === 'string') return Math.abs(daysBetween(answer.value, value)) / 280;
  if (answer.kind === 'gestational-age' && Array.isArray(value))
    return Math.abs(totalDays(answer.value) - totalDays(value)) / 280;
  return null;
}

function daysBetween(a: string, b: string): number {
  return (utcOfUsDate(b) - utcOfUsDate(a)) / 86_400_000;
}

function utcOfUsDate(date: string): number {
  const [m, d, y] = date.split('/');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

import { findCalculator } from '../calculators/registry.js';
import { entityFindings } from '../calculators/run-calculator.js';
import type { TraceStep } from '../calculators/types.js';
import { formatAnswerValue, withinTolerance } from '../label/answer.js';
import type { Answer, Label } from '../label/types.js';

export interface ExplanationSources {
  /** Given by the proposer (--explanation) or the verifier's output (an `explanation` column or key). */
  explanation?: string;
  /** The verifier's own rationale, when its output has one (not a rationale this tool wrote). */
  rationale?: string;
  /** Who changed the label, for the generated fallback ("verifier stewardship-pipeline", "physician dr-a"). */
  by: string;
  /** Why, for the generated fallback (a proposer's rationale). */
  reason?: string;
}

/**
 * The explanation a relabelled label carries, so an export never pairs a new answer with the old
 * answer's reasoning: the one given, else the verifier's rationale, else the reference calculator's
 * trace when it reproduces the new value from the label's entities, else a plain statement of who
 * changed the answer from what to what. The old explanation goes into the revision record.
 */
export function relabelExplanation(label: Label, answer: Answer, sources: ExplanationSources): string {
  const given = sources.explanation?.trim();
  if (given) return given;
  const rationale = sources.rationale?.trim();
  if (rationale) return rationale;
  const trace = answer.kind === 'incomputable' ? undefined : traceExplanation(label, answer);
  if (trace) return trace;
  const was = formatAnswerValue(label.answer);
  const why = sources.reason?.trim() ? ` ${sources.reason.trim().replace(/([^.!?])$/, '$1.')}` : '';
  return answer.kind === 'incomputable'
    ? `The answer was changed from ${was} to N/A by ${sources.by}: it cannot be computed from this note.${why}`
    : `The answer was changed from ${was} to ${formatAnswerValue(answer)} by ${sources.by}.${why}`;
}

/**
 * The reference calculator's steps as sentences, when they give `answer` (within its tolerance) from the label's
 * entities.
 */
export function traceExplanation(label: Label, answer: Answer): string | undefined {
  const calculator = findCalculator(label.calculator.id);
  if (!calculator || entityFindings(calculator, label.entities).length > 0) return undefined;
  let result: ReturnType<typeof calculator.compute>;
  try {
    result = calculator.compute(label.entities, { convention: 'reference' });
  } catch {
    return undefined;
  }
  if (result.incomputable || !withinTolerance(answer, result.value)) return undefined;
  const steps = result.steps.map(stepSentence);
  return (
    `Computed by the reference ${calculator.names[0]} calculator from the item's entities. ${steps.join(' ')} The ` +
    `answer is ${formatAnswerValue(answer)}.`
  );
}

function stepSentence(step: TraceStep): string {
  return `${step.what}: ${readable(step.result)}.`;
}

/** Step results without binary noise (1.6500000000000001 → 1.65). */
function readable(value: unknown): string {
  if (typeof value === 'number') return String(Number(value.toPrecision(12)));
  if (Array.isArray(value)) return `[${value.map(readable).join(', ')}]`;
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

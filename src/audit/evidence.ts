import type { CalculatorDefinition, CalcResult } from '../calculators/types.js';
import type { Label } from '../label/types.js';
import { checkEvidence, evidenceSpans } from '../verifiers/evidence/check-label.js';
import type { EvidenceSpan, ImplausibleFinding } from '../verifiers/evidence/types.js';
import { type AuditOutcome, EVIDENCE_PRIORITY, OUTCOME } from './outcomes.js';

/** The part of the evidence checks an audit item keeps (the review page highlights `spans`). */
export interface AuditEvidence {
  spans: EvidenceSpan[];
  implausible: ImplausibleFinding[];
  missingFromNote: string[];
  calculatorWarnings: string[];
  /** Measured entities the note contradicts, writes in another unit, or names without their number. */
  suspect: { entity: string; status: string; detail: string }[];
}

/**
 * Reads the note for one label and, when the stored entities reproduce the label, decides whether the
 * note undermines them. Outcomes of recomputation (mismatch, disagrees, incomputable) stand: they
 * already send the item to a physician, and the evidence is attached for them to read.
 */
export function evidenceOutcome(
  label: Label,
  calculator: CalculatorDefinition,
  reference: CalcResult,
  outcome: AuditOutcome,
): { outcome: AuditOutcome; priority: number; evidence: AuditEvidence } {
  const found = checkEvidence({ note: label.note, entities: label.entities, calculator, reference });
  const suspect = found.groundings
    // A measured number that appears nowhere in the note (in no unit) while its analyte is named came
    // from somewhere else: as suspect as a contradicted one.
    .filter(
      (g) =>
        g.measured &&
        (g.status === 'contradicted' ||
          g.status === 'grounded-other-unit' ||
          (g.status === 'not-found' &&
            !found.missingFromNote.includes(g.entity) &&
            typeof label.entities[g.entity] !== 'boolean' &&
            typeof label.entities[g.entity] !== 'string')),
    )
    .map(({ entity, status, detail }) => ({ entity, status, detail }));
  const evidence: AuditEvidence = {
    spans: evidenceSpans(found),
    implausible: found.implausible,
    missingFromNote: found.missingFromNote,
    calculatorWarnings: found.calculatorWarnings,
    suspect,
  };
  if (outcome !== OUTCOME.reproducedFromEntities) return { outcome, priority: 0, evidence };
  let judged: AuditOutcome = outcome;
  if (found.implausible.length > 0) judged = OUTCOME.implausibleInput;
  else if (found.calculatorWarnings.length > 0) judged = OUTCOME.calculatorWarning;
  else if (found.missingFromNote.length > 0 && label.answer.kind !== 'incomputable')
    judged = OUTCOME.likelyIncomputable;
  else if (suspect.length > 0) judged = OUTCOME.extractionSuspect;
  return { outcome: judged, priority: EVIDENCE_PRIORITY[judged] ?? 0, evidence };
}

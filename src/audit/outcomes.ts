/**
 * The audit's outcome names, exported so other rooms (pr-body, the review page, release notes) read
 * them instead of spelling them. Each name says what was checked: "reproduced-from-entities" means the
 * stored entities give the label, not that the label is right (the entities may be wrong).
 */
export const OUTCOME = {
  reproducedFromEntities: 'reproduced-from-entities',
  calculatorLogicMismatch: 'calculator-logic-mismatch',
  disagrees: 'disagrees',
  incomputable: 'incomputable',
  noCalculator: 'no-calculator',
  implausibleInput: 'implausible-input',
  calculatorWarning: 'calculator-warning',
  likelyIncomputable: 'likely-incomputable',
  extractionSuspect: 'extraction-suspect',
} as const;

export type AuditOutcome = (typeof OUTCOME)[keyof typeof OUTCOME];

/** Every outcome, in the order the summary lists them. */
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = Object.values(OUTCOME);

/**
 * Base triage priority of the evidence outcomes (recomputation outcomes rank by threshold crossing,
 * 1000, plus relative deviation). An impossible input or a calculator warning means the label rests on
 * a number no patient has: ranked just below threshold crossings. A likely N/A changes the label
 * outright; an extraction suspicion is a lead for a physician to check.
 */
export const EVIDENCE_PRIORITY: Record<string, number> = {
  [OUTCOME.implausibleInput]: 900,
  [OUTCOME.calculatorWarning]: 850,
  [OUTCOME.likelyIncomputable]: 500,
  [OUTCOME.extractionSuspect]: 300,
};

export function emptyCounts(): Record<AuditOutcome, number> {
  return Object.fromEntries(AUDIT_OUTCOMES.map((o) => [o, 0])) as Record<AuditOutcome, number>;
}

/**
 * medcalc-steward's library API. The CLI (`steward`) is built on these; evaluators and maintainers can
 * call them directly. Every function takes one options object with the benchmark's `dir`.
 */
export type { Answer, AnswerKind, Entities, Label, LabelStatus, Revision, Signoff } from './label/types.js';
export { StewardError } from './errors/index.js';
export { ERROR_CODES, type ErrorCode } from './errors/codes.js';

// Labels at any version, and what changed between versions.
// readLabelsAt is the name this API has always had; readParsedLabelsAt says what it returns.
export { readParsedLabelsAt, readParsedLabelsAt as readLabelsAt } from './history/labels-at-ref.js';
export { diffVersions, type VersionDiff } from './diff/diff-versions.js';
export { labelHistory, type LabelHistory, type HistoryEntry } from './history/label-history.js';

// Import, validate, export.
export { importMedcalcBench, type ImportOptions, type ImportResult } from './importers/import-medcalc.js';
export { validateLabels, type ValidationReport } from './validate/validate-labels.js';
export { exportLabels } from './exporters/export.js';

// Calculators and the audit.
export { allCalculators, findCalculator } from './calculators/registry.js';
export type { CalculatorDefinition, CalcResult, Convention, TraceStep } from './calculators/types.js';
export { auditLabels, type AuditReport } from './audit/run-audit.js';
export { AUDIT_OUTCOMES, OUTCOME, type AuditOutcome } from './audit/outcomes.js';
export { checkEvidence, evidenceSpans, type EvidenceSpan, type LabelEvidence } from './verifiers/evidence/index.js';

// Releases: pinned, verified labels.
export { loadLabels, type LoadedRelease } from './release/load-labels.js';
export { release, type ReleaseOptions, type ReleaseResult } from './release/release.js';
export { verifyExport, type VerifyReport } from './release/verify-export.js';

// Relabels, sign-offs and the pull-request gate.
export { proposeBatch } from './propose/propose-batch.js';
export { proposeOne } from './propose/propose-one.js';
export { importSignoffs } from './review/import-signoffs.js';
export { signLabels } from './review/sign-labels.js';
export { verifySignoff } from './review/verify-signoff.js';
export { runCheck, type CheckResult } from './check/run-check.js';

// Scoring model predictions against a pinned version.
export { scorePredictions, parsePredictions, gradeAnswer } from './score/index.js';

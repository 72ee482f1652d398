export { checkEvidence, evidenceSpans, type EvidenceInput } from './check-label.js';
export {
  GROUNDING_STATUSES,
  type EntityGrounding,
  type EvidenceSpan,
  type GroundingStatus,
  type ImplausibleFinding,
  type LabelEvidence,
} from './types.js';
export { PLAUSIBLE, RESULT_RANGES, plausibleRange } from './plausibility.js';
export { ENTITY_SYNONYMS } from './synonyms.js';

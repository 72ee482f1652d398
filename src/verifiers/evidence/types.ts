/**
 * What the offline evidence checks say about one label. The span type is what a review page
 * highlights: character offsets into the label's note (UTF-16 code units, as JavaScript strings count).
 */

export type GroundingStatus = 'grounded' | 'grounded-other-unit' | 'not-found' | 'contradicted';

export const GROUNDING_STATUSES: readonly GroundingStatus[] = [
  'grounded',
  'grounded-other-unit',
  'not-found',
  'contradicted',
];

/** One entity's evidence in the note; `start`/`end` are -1 and `text` empty when nothing was found. */
export interface EvidenceSpan {
  entity: string;
  start: number;
  end: number;
  text: string;
  status: GroundingStatus;
}

export interface EntityGrounding extends EvidenceSpan {
  /** Why the status was given, in words a reviewer can check ("the note says 120 µmol/L"). */
  detail: string;
  /** True when the entity is a value the note normally states (a lab or a vital), so its absence means something. */
  measured: boolean;
}

export interface ImplausibleFinding {
  /** The entity key, or "result" for the calculator's answer. */
  what: string;
  value: number;
  unit: string;
  range: [number, number];
  source: string;
}

export interface LabelEvidence {
  groundings: EntityGrounding[];
  implausible: ImplausibleFinding[];
  /** Inputs the calculator needs that are neither among the entities nor found in the note. */
  missingFromNote: string[];
  /** Warnings the calculator wrote into its trace (an implausible converted input, a formula outside its validity). */
  calculatorWarnings: string[];
}

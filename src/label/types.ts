/** The domain model shared by every room: a benchmark item's label and its parts. */

/** A JSON value as it appears in a label's entities (the MedCalc "Relevant Entities" literal as JSON). */
export type EntityValue = boolean | number | string | null | EntityValue[] | { [key: string]: EntityValue };
export type Entities = Record<string, EntityValue>;

export type AnswerKind = 'decimal' | 'integer' | 'date' | 'gestational-age' | 'incomputable';
export type ComputableKind = Exclude<AnswerKind, 'incomputable'>;

/** Gestational age as (weeks, days). */
export type WeeksDays = [number, number];

export type Answer =
  | { kind: 'decimal'; value: number; lower: number; upper: number }
  | { kind: 'integer'; value: number; lower: number; upper: number }
  | { kind: 'date'; value: string; lower: string; upper: string }
  | { kind: 'gestational-age'; value: WeeksDays; lower: WeeksDays; upper: WeeksDays }
  | { kind: 'incomputable'; value: null; reason?: string };

export type LabelStatus = 'original' | 'confirmed' | 'relabeled' | 'incomputable';

export interface Revision {
  /** The answer before this relabel. */
  previous: Answer;
  /** The answer as first proposed, kept when a physician amends it (release statistics use it). */
  proposed?: Answer;
  /** Marked contentious: the sign-off policy may ask for more physician sign-offs. */
  contentious?: boolean;
  /** The label's explanation before this relabel (the label carries one for its new answer). */
  previousExplanation?: string;
  category: string;
  rationale: string;
  evidence?: string;
  proposer: string;
  verifier?: string;
  time: string;
}

export interface Signoff {
  reviewer: string;
  role: string;
  decision: 'approve' | 'reject' | 'amend';
  value?: string;
  parsedValue?: number | string | null;
  note?: string;
  time: string;
  contentHash: string;
  signature: string;
}

export interface LabelSource {
  dataset: string;
  version: string;
  row: number;
  calculatorId: number;
  noteId: string;
  noteType: string;
  /** The upstream Output Type cell (it disagrees with the answer kind for some calculators). */
  outputType: string;
  /**
   * The upstream answer cells as written ("38.0", "('0 weeks', '6 days')"), kept so that an export of an
   * unchanged answer reproduces the file textually; ignored once the answer changes.
   */
  answerText?: { value: string; lower: string; upper: string };
}

export interface Label {
  id: string;
  split: string;
  calculator: { id: number; name: string; category: string };
  source: LabelSource;
  note: string;
  question: string;
  entities: Entities;
  answer: Answer;
  explanation: string;
  status: LabelStatus;
  revision: Revision | null;
  signoffs: Signoff[];
}

import type { Interval } from '../stats/index.js';
import type { Outcome, OutcomeCounts } from './outcome.js';

/** k of n correct, with the Wilson 95% interval of the proportion (`estimate` = k/n). */
export interface Accuracy extends Interval {
  correct: number;
  total: number;
}

/** Accuracy within one calculator (key: its id) or one category (key: its name). */
export interface GroupAccuracy extends Accuracy {
  key: string;
  name: string;
}

/** One model scored against one version's labels. */
export interface VersionScore {
  version: string;
  accuracy: Accuracy;
  outcomes: OutcomeCounts;
  /** Items of the version the model gave no prediction for (each counted wrong). */
  missing: string[];
  byCalculator: GroupAccuracy[];
  byCategory: GroupAccuracy[];
}

/** An item whose correctness differs between the two versions, with the labels on either side. */
export interface Flip {
  id: string;
  calculator: string;
  /** The model's answer as given (raw output with --extract); null when it gave none. */
  answer: string | null;
  base: { label: string; outcome: Outcome };
  compare: { label: string; outcome: Outcome };
  direction: 'wrong → right' | 'right → wrong';
  /** False only when the answer kept its value but the grading rule changed (the calculator id moved). */
  labelChanged: boolean;
}

/** The same predictions under two versions, on the items both versions have. */
export interface VersionComparison {
  base: string;
  compare: string;
  /** Items in both versions: the paired sample. */
  paired: number;
  counts: { both: number; onlyBase: number; onlyCompare: number; neither: number };
  baseAccuracy: Accuracy | null;
  compareAccuracy: Accuracy | null;
  /** Accuracy under compare minus under base, with Newcombe's paired 95% interval (null when nothing is paired). */
  difference: Interval | null;
  /** Exact McNemar test on the discordant pairs. */
  mcnemar: { onlyBase: number; onlyCompare: number; pValue: number } | null;
  flips: Flip[];
  /** Items in one version only: scored there, left out of the paired statistics. */
  onlyInBase: number;
  onlyInCompare: number;
}

export interface ModelScore {
  model: string;
  /** Predictions the file gave for this model. */
  predictions: number;
  /** One per version: the base first, then the compared version. */
  scores: VersionScore[];
  comparison?: VersionComparison;
}

export interface ScoreReport {
  versions: { name: string; items: number }[];
  /** How each version's labels were found (a tag read without a release record is said so here). */
  notes: string[];
  extract: boolean;
  models: ModelScore[];
}

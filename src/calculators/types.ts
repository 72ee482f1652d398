import type { ComputableKind, Entities, WeeksDays } from '../label/types.js';

/**
 * Which rules a calculator follows. `reference` is the clinically correct one (the question text's own
 * convention, else the original publication or MDCalc). `medcalc-v1.0` reproduces the known defects of
 * the code that made the v1.0 labels; it exists to explain old labels, never to make new ones.
 */
export type Convention = 'reference' | 'medcalc-v1.0';

export interface TraceStep {
  /** What was done, in words a physician can check ("MELD(i) = 0.957·ln(Cr) + …"). */
  what: string;
  inputs?: Record<string, unknown>;
  result: unknown;
}

export type CalcValue = number | string | WeeksDays;

export type CalcResult =
  | { incomputable: false; kind: ComputableKind; value: CalcValue; steps: TraceStep[] }
  | { incomputable: true; missing: string[]; steps: TraceStep[] };

/** What the store, importer and validator need to know of a calculator, independent of its formula. */
export interface CatalogEntry {
  id: number;
  slug: string;
  /** The v1.0 name first, then names other uploads use. */
  names: string[];
  /** v1.0 category spelling. */
  category: string;
  /** Decided by calculator id, as the MedCalc-Bench grader does, not by the Output Type column. */
  kind: ComputableKind;
}

/** A calculator: its catalog entry (id, slug, names, category, kind) with its formula. */
export interface CalculatorDefinition extends CatalogEntry {
  /** The clinical reference `reference` follows: a publication or an MDCalc page. */
  reference: string;
  /**
   * The file of the code that made the v1.0 labels whose behaviour the `medcalc-v1.0` convention
   * reproduces, in ncbi-nlp/MedCalc-Bench at V1_SOURCE_COMMIT (shared/v1-quirks.ts).
   */
  v1Source: string;
  /** JSON Schema (2020-12) of the entities this calculator reads, with the data's exact key spellings. */
  entitySchema: Record<string, unknown>;
  compute(entities: Entities, options?: { convention?: Convention }): CalcResult;
}

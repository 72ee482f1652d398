import type { Entities } from '../label/types.js';
import { Inputs } from './shared/inputs.js';
import type { CalcResult, CalculatorDefinition, CatalogEntry, Convention } from './types.js';

/** One calculator as its file declares it: its catalog entry, its reference, its entities and its formula. */
export interface CalculatorSpec extends CatalogEntry {
  reference: string;
  /** The upstream file whose behaviour `medcalc-v1.0` reproduces (ncbi-nlp/MedCalc-Bench at V1_SOURCE_COMMIT). */
  v1Source: string;
  /** JSON Schema of the entities: `properties` with the data's exact key spellings. */
  entitySchema: Record<string, unknown>;
  /** Reads inputs through `Inputs` (which records the trace and missing inputs) and returns a result. */
  compute(inputs: Inputs): CalcResult;
}

/** A calculator from its spec: `compute` takes entities and a convention and reads them through `Inputs`. */
export function defineCalculator(spec: CalculatorSpec): CalculatorDefinition {
  return {
    // Catalog fields first, in the catalog's key order (the release rules fingerprint hashes them).
    id: spec.id,
    slug: spec.slug,
    names: spec.names,
    category: spec.category,
    kind: spec.kind,
    reference: spec.reference,
    v1Source: spec.v1Source,
    entitySchema: spec.entitySchema,
    compute(entities: Entities, options?: { convention?: Convention }): CalcResult {
      const inputs = new Inputs(entities, options?.convention ?? 'reference');
      return spec.compute(inputs);
    },
  };
}

/** Entity schema helpers: the MedCalc shapes, so each calculator's schema stays one line per key. */
export const shape = {
  quantity: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }], minItems: 2, maxItems: 2 },
  flag: { type: 'boolean' },
  text: { type: 'string' },
  number: { type: 'number' },
  sex: { enum: ['Male', 'Female'] },
} as const;

/** An object schema over the given properties; unknown keys are allowed (entities carry extras). */
export function entities(properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  return { type: 'object', properties, required };
}

import type { Entities } from '../label/types.js';
import { catalogById } from './catalog.js';
import { Inputs } from './inputs.js';
import type { CalcResult, CalculatorDefinition, Convention } from './types.js';

export interface CalculatorSpec {
  id: number;
  reference: string;
  /** JSON Schema of the entities: `properties` with the data's exact key spellings. */
  entitySchema: Record<string, unknown>;
  /** Reads inputs through `Inputs` (which records the trace and missing inputs) and returns a result. */
  compute(inputs: Inputs): CalcResult;
}

/** Joins a formula to its catalog entry, so id, names, category and kind are declared once. */
export function defineCalculator(spec: CalculatorSpec): CalculatorDefinition {
  const entry = catalogById(spec.id);
  if (!entry) throw new Error(`calculator ${spec.id} is not in the catalog`);
  return {
    ...entry,
    reference: spec.reference,
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

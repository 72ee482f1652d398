import type { ValidateFunction } from 'ajv';
import { inputError } from '../errors/index.js';
import type { Entities } from '../label/types.js';
import { createAjv } from '../schema/load.js';
import { findingsFromAjv } from '../schema/findings.js';
import { findCalculator } from './registry.js';
import type { CalcResult, CalculatorDefinition, Convention } from './types.js';

const validators = new Map<number, ValidateFunction>();
// Created on first use: every CLI command imports this module, few validate entities.
let ajv: ReturnType<typeof createAjv> | undefined;

/** Entity-schema findings for one calculator's input (empty when valid). */
export function entityFindings(
  calculator: CalculatorDefinition,
  entities: unknown,
): { pointer: string; message: string }[] {
  let validate = validators.get(calculator.id);
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.compile(calculator.entitySchema);
    validators.set(calculator.id, validate);
  }
  if (validate(entities)) return [];
  return findingsFromAjv('entities', validate.errors).map((f) => ({ pointer: f.pointer, message: f.message }));
}

/**
 * Runs a calculator by id or name on entities given by a user: unknown calculators and entities that fail
 * the calculator's schema are input errors naming the reason, not a computation.
 */
export function runCalculator(options: { calculator: string | number; entities: unknown; convention?: Convention }): {
  calculator: CalculatorDefinition;
  result: CalcResult;
} {
  const calculator = findCalculator(options.calculator);
  if (!calculator)
    throw inputError('UNKNOWN_CALCULATOR', `unknown calculator "${options.calculator}"`, {
      calculator: options.calculator,
    });
  const findings = entityFindings(calculator, options.entities);
  if (findings.length > 0) {
    throw inputError(
      'BAD_ENTITIES',
      `entities do not fit calculator ${calculator.id} (${calculator.names[0]}): ` +
        `${findings.map((f) => `${f.pointer || '/'}: ${f.message}`).join('; ')}`,
      { findings },
    );
  }
  return {
    calculator,
    result: calculator.compute(options.entities as Entities, { convention: options.convention ?? 'reference' }),
  };
}

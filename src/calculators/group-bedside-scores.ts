import type { CalculatorDefinition } from './types.js';

export const bedsideScores: CalculatorDefinition[] = [];

import type { CalculatorDefinition } from './types.js';

export const complexScores: CalculatorDefinition[] = [];

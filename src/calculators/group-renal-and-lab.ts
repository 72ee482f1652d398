import type { CalculatorDefinition } from './types.js';

export const renalAndLab: CalculatorDefinition[] = [];

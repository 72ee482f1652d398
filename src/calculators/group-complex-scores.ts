import { complexScoresA } from './defs/_complex-scores-a.js';
import { complexScoresB } from './defs/_complex-scores-b.js';
import type { CalculatorDefinition } from './types.js';

export const complexScores: CalculatorDefinition[] = [...complexScoresA, ...complexScoresB];

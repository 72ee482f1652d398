import type { CalculatorDefinition } from '../types.js';
import { apacheII } from './apache-ii.js';
import { psiPort } from './psi-port.js';
import { sofa } from './sofa.js';

/** APACHE II, PSI/PORT and SOFA (ids 28, 29, 43). */
export const complexScoresA: CalculatorDefinition[] = [apacheII, psiPort, sofa];

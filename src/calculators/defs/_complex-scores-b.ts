import type { CalculatorDefinition } from '../types.js';
import { caprini } from './caprini.js';
import { charlson } from './charlson.js';
import { framinghamHardChd } from './framingham-hard-chd.js';
import { glasgowBlatchford } from './glasgow-blatchford.js';

/** complex-scores, part b: Glasgow-Blatchford (27), Charlson (32), Caprini (36), Framingham hard CHD (46). */
export const complexScoresB: CalculatorDefinition[] = [glasgowBlatchford, charlson, caprini, framinghamHardChd];

import { bmi } from './defs/bmi.js';
import type { CalculatorDefinition } from './types.js';

export const bodyAndDates: CalculatorDefinition[] = [bmi];

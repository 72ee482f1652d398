/** What the two eGFR equations (CKD-EPI, MDRD) read: sex, age and serum creatinine. */
import { shape } from '../define.js';
import { readAgeYears, readSex } from './body.js';
import type { Inputs } from './inputs.js';
import { readConcentration } from './lab-units.js';
import { V1_ANALYTE } from './v1-quirks.js';

/** The entities both eGFR equations read (MDRD adds Race). */
export const egfrEntities = { sex: shape.sex, age: shape.quantity, creatinine: shape.quantity };

/** Sex, age (years) and serum creatinine (mg/dL) for an eGFR equation; undefined when one is missing. */
export function readEgfrInputs(inputs: Inputs): { sex: 'Male' | 'Female'; age: number; scr: number } | undefined {
  const sex = readSex(inputs);
  const age = readAgeYears(inputs);
  const scr = readConcentration(inputs, 'creatinine', 'mg/dL', { analyte: 'creatinine', v1: V1_ANALYTE.creatinine });
  if (sex === undefined || age === undefined || scr === undefined) return undefined;
  return { sex, age, scr };
}

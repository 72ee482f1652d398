/**
 * Shared pieces of the renal-and-lab calculators: readers of age, weight and sex under either
 * convention, a plausibility warning, and the anion-gap family (anion gap → delta gap → delta ratio,
 * each optionally albumin corrected), which six calculators share.
 */
import { entities, shape } from '../define.js';
import { type Inputs, roundV1 } from '../inputs.js';
import { V1_ANALYTE, readConcentration, v1Round } from '../v1-units.js';

/** Normal values the anion-gap family compares against (MDCalc; Kraut & Madias, CJASN 2007). */
export const NORMAL_ANION_GAP = 12;
export const NORMAL_BICARBONATE = 24;
export const NORMAL_ALBUMIN_G_DL = 4;

/**
 * Age in years. The v1.0 code took whole years, and months as ⌊months / 12⌋; the reference keeps
 * fractional years (units.ts) so an 18-month-old is 1.5 years.
 */
export function readAgeYears(inputs: Inputs): number | undefined {
  if (!inputs.isV1) return inputs.ageYears();
  const q = inputs.quantity('age');
  if (!q) return undefined;
  const unit = q[1];
  if (unit.includes('year')) return q[0];
  if (unit.includes('month')) return inputs.step('age: ⌊months / 12⌋ (v1.0)', { months: q[0] }, Math.floor(q[0] / 12));
  if (unit.includes('week')) return inputs.step('age: ⌊weeks / 52⌋ (v1.0)', { weeks: q[0] }, Math.floor(q[0] / 52));
  if (unit.includes('day')) return inputs.step('age: days count as 0 years (v1.0)', { days: q[0] }, 0);
  inputs.missing.push(`age (unit '${unit}' not convertible to years)`);
  return undefined;
}

/** Weight in kg; v1.0 converted lbs with 0.453592 and rounded. */
export function readWeightKg(inputs: Inputs): number | undefined {
  if (!inputs.isV1) return inputs.weightKg();
  const q = inputs.quantity('weight');
  if (!q) return undefined;
  if (q[1] === 'kg') return q[0];
  if (q[1] === 'g') return inputs.step('weight: g → kg (v1.0)', { g: q[0] }, q[0] / 1000);
  // Everything else was taken as pounds by the original.
  return inputs.step('weight: lbs × 0.453592 → kg (v1.0, rounded)', { lbs: q[0] }, roundV1(q[0] * 0.453592));
}

/** Sex as the data writes it; anything but 'Female' / 'Male' is reported missing. */
export function readSex(inputs: Inputs): 'Male' | 'Female' | undefined {
  const sex = inputs.text('sex');
  if (sex === undefined) return undefined;
  if (sex === 'Male' || sex === 'Female') return sex;
  inputs.missing.push(`sex ('${sex}' is neither Male nor Female)`);
  return undefined;
}

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

/**
 * Adds a warning step when a converted value is outside what a living patient can have; in the data this
 * is nearly always a unit typo in the note (sodium "137 mg/dL", albumin "3.2 mg/dL"). The value is still
 * used: judging the entity is the reviewer's call, the trace makes it visible.
 */
export function flagImplausible(inputs: Inputs, what: string, value: number, [low, high]: [number, number], unit: string): void {
  if (inputs.isV1 || (value >= low && value <= high)) return;
  inputs.step(`warning: ${what} ${value} ${unit} is outside the plausible ${low}–${high} ${unit}; check the unit in the note`, { [what]: value }, true);
}

export interface Electrolytes {
  sodium: number;
  chloride: number;
  bicarbonate: number;
}

/** Serum sodium, chloride and bicarbonate in mEq/L (monovalent: numerically equal to mmol/L). */
export function readElectrolytes(inputs: Inputs): Electrolytes | undefined {
  const sodium = readConcentration(inputs, 'Sodium', 'mEq/L', { analyte: 'sodium', v1: V1_ANALYTE.sodium });
  const chloride = readConcentration(inputs, 'Chloride', 'mEq/L', { analyte: 'chloride', v1: V1_ANALYTE.chloride });
  const bicarbonate = readConcentration(inputs, 'Bicarbonate', 'mEq/L', { analyte: 'bicarbonate', v1: V1_ANALYTE.bicarbonate });
  if (sodium === undefined || chloride === undefined || bicarbonate === undefined) return undefined;
  flagImplausible(inputs, 'sodium', sodium, [100, 200], 'mEq/L');
  return { sodium, chloride, bicarbonate };
}

/** Serum albumin in g/dL. */
export function readAlbumin(inputs: Inputs): number | undefined {
  // The albumin-corrected gaps passed no molar mass in v1.0; only mass units (g/L, mg/dL) convert.
  const albumin = readConcentration(inputs, 'Albumin', 'g/dL', { v1: V1_ANALYTE.none });
  if (albumin !== undefined) flagImplausible(inputs, 'albumin', albumin, [1, 7], 'g/dL');
  return albumin;
}

const ELECTROLYTES = { Sodium: shape.quantity, Chloride: shape.quantity, Bicarbonate: shape.quantity };

/** Entity schema of the anion gap, delta gap and delta ratio. */
export const electrolytesSchema = entities(ELECTROLYTES, ['Sodium', 'Chloride', 'Bicarbonate']);

/** Entity schema of the three albumin-corrected calculators. */
export const electrolytesAndAlbuminSchema = entities({ ...ELECTROLYTES, Albumin: shape.quantity }, ['Sodium', 'Chloride', 'Bicarbonate', 'Albumin']);

/**
 * The albumin-corrected anion gap from the entities (electrolytes, albumin), with the bicarbonate the
 * delta ratio needs; undefined, with the missing inputs recorded, when it cannot be formed.
 */
export function readCorrectedAnionGap(inputs: Inputs): { corrected: number; bicarbonate: number } | undefined {
  const e = readElectrolytes(inputs);
  const albumin = readAlbumin(inputs);
  if (!e || albumin === undefined) return undefined;
  return { corrected: albuminCorrectedAnionGap(inputs, anionGap(inputs, e), albumin), bicarbonate: e.bicarbonate };
}

/** Anion gap = Na − (Cl + HCO₃⁻), mEq/L. */
export function anionGap(inputs: Inputs, e: Electrolytes): number {
  const gap = e.sodium - (e.chloride + e.bicarbonate);
  return inputs.step('anion gap = Na − (Cl + HCO₃)', { ...e }, v1Round(inputs, gap));
}

/** Albumin-corrected anion gap = AG + 2.5 × (4 − albumin g/dL) (Figge, Crit Care Med 1998). */
export function albuminCorrectedAnionGap(inputs: Inputs, gap: number, albumin: number): number {
  const corrected = gap + 2.5 * (NORMAL_ALBUMIN_G_DL - albumin);
  return inputs.step('albumin-corrected anion gap = AG + 2.5 × (4 − albumin)', { anionGap: gap, albuminGdL: albumin }, v1Round(inputs, corrected));
}

/** Delta gap = (anion gap) − 12. */
export function deltaGap(inputs: Inputs, gap: number, label = 'anion gap'): number {
  return inputs.step(`delta gap = ${label} − ${NORMAL_ANION_GAP}`, { [label]: gap }, v1Round(inputs, gap - NORMAL_ANION_GAP));
}

/**
 * Delta ratio = delta gap / (24 − HCO₃⁻). Undefined when bicarbonate is exactly 24 (recorded as missing:
 * the ratio cannot be formed).
 */
export function deltaRatio(inputs: Inputs, delta: number, bicarbonate: number): number | undefined {
  const denominator = NORMAL_BICARBONATE - bicarbonate;
  if (denominator === 0) {
    inputs.missing.push('Bicarbonate (equals 24 mEq/L: the delta ratio has a zero denominator)');
    return undefined;
  }
  return inputs.step('delta ratio = delta gap / (24 − HCO₃)', { deltaGap: delta, bicarbonate }, v1Round(inputs, delta / denominator));
}

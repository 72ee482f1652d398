/**
 * Shared pieces of the renal-and-lab calculators: the v1.0 label code's rounding and its step-by-step
 * unit conversion (both reproduced for the `medcalc-v1.0` convention), one reader that picks the right
 * conversion for the convention, and the anion-gap family (anion gap → delta gap → delta ratio, each
 * optionally albumin corrected), which six calculators share.
 */
import { pythonRound } from '../../numeric/python-round.js';
import type { Inputs } from '../inputs.js';
import type { Analyte } from '../units.js';

/** Normal values the anion-gap family compares against (MDCalc; Kraut & Madias, CJASN 2007). */
export const NORMAL_ANION_GAP = 12;
export const NORMAL_BICARBONATE = 24;
export const NORMAL_ALBUMIN_G_DL = 4;

/**
 * The v1.0 label code's round_number: values above 0.001 are rounded to 3 decimals, all others to
 * 3 significant figures. The test is `num > 0.001`, not on the magnitude, so every negative result
 * gets 3 significant figures (-8.5714 → -8.57, -0.012345 → -0.0123), as the v1.0 labels show.
 * Rounding is Python's round(): exact binary value, ties to even.
 */
export function roundLikeV1(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (x > 0.001) return pythonRound(x, 3);
  const decimals = -Math.floor(Math.log10(Math.abs(x))) + 2;
  return decimals >= 0 ? pythonRound(x, decimals) : Number(x.toPrecision(3));
}

/** How the v1.0 code converted one analyte: its own molar mass and valence (null where it passed None). */
export interface V1Analyte {
  molarMass: number | null;
  valence: number | null;
}

/** The molar masses and valences the v1.0 label code passed for each analyte (some differ from units.ts). */
export const V1_ANALYTE = {
  sodium: { molarMass: 22.99, valence: 1 },
  chloride: { molarMass: 35.45, valence: 1 },
  bicarbonate: { molarMass: 61.02, valence: 1 },
  creatinine: { molarMass: 113.12, valence: null },
  glucose: { molarMass: 180.16, valence: null },
  bun: { molarMass: 28.02, valence: null },
  calcium: { molarMass: 40.08, valence: 2 },
  albumin: { molarMass: 66_500, valence: null },
  /** LDL: the v1.0 code used 386.654 for total and HDL cholesterol and 861.338 for triglycerides. */
  cholesterol: { molarMass: 386.654, valence: null },
  triglycerides: { molarMass: 861.338, valence: null },
  /** Albumin-corrected anion gap passed no molar mass: only g ↔ g conversions can work. */
  albuminNoMass: { molarMass: null, valence: null },
} as const satisfies Record<string, V1Analyte>;

// The v1.0 converter's tables. 'pmol' was 1e-9 there; kept as it was, no data row uses it.
const V1_MOLE: Record<string, number> = { mol: 1, mmol: 0.001, µmol: 0.000001, pmol: 0.000000001 };
const V1_GRAM: Record<string, number> = { kg: 1000, g: 1, mg: 0.001, µg: 0.000001 };
const V1_LITRE: Record<string, number> = { L: 1, dL: 0.1, mL: 0.001, µL: 0.000001, 'mm^3': 0.000001, 'cm^3': 0.001, 'm^3': 1000 };

class V1ConversionError extends Error {}

function factor(table: Record<string, number>, unit: string): number {
  const f = table[unit];
  if (f === undefined) throw new V1ConversionError(`v1.0 converter has no unit '${unit}'`);
  return f;
}

/** mol ↔ mol or g ↔ g: factor and product each rounded. */
function v1SameKind(value: number, from: string, to: string): number {
  if (from === to) return value;
  const table = from.includes('mol') && to.includes('mol') ? V1_MOLE : V1_GRAM;
  const f = roundLikeV1(factor(table, from) / factor(table, to));
  return roundLikeV1(value * f);
}

function needMolarMass(a: V1Analyte): number {
  if (a.molarMass === null) throw new V1ConversionError('v1.0 converter was given no molar mass');
  return a.molarMass;
}
function needValence(a: V1Analyte): number {
  if (a.valence === null) throw new V1ConversionError('v1.0 converter was given no valence');
  return a.valence;
}

/** The v1.0 mass-unit step (mol, g or mEq), with every intermediate rounded as the original did. */
function v1Mass(value: number, from: string, to: string, a: V1Analyte): number {
  const has = (u: string, s: string) => u.includes(s);
  if ((has(from, 'g') && has(to, 'g')) || (has(from, 'mol') && has(to, 'mol'))) return v1SameKind(value, from, to);
  if (has(from, 'mol') && has(to, 'g')) {
    const mol = v1SameKind(value, from, 'mol');
    const grams = roundLikeV1(mol * needMolarMass(a));
    return v1SameKind(grams, 'g', to);
  }
  if (has(from, 'g') && has(to, 'mol')) {
    const grams = v1SameKind(value, from, 'g');
    const mol = roundLikeV1(grams / needMolarMass(a));
    return v1SameKind(mol, 'mol', to);
  }
  if (has(from, 'mol') && has(to, 'mEq')) {
    const mmol = from === 'mmol' ? value : v1SameKind(value, from, 'mmol');
    return roundLikeV1(mmol * needValence(a));
  }
  if (has(from, 'mEq') && has(to, 'mol')) {
    const mmol = roundLikeV1(value / needValence(a));
    return to === 'mmol' ? mmol : v1SameKind(mmol, 'mmol', to);
  }
  if (has(from, 'mEq') && has(to, 'g')) {
    const mmol = roundLikeV1(value / needValence(a));
    const mol = v1SameKind(mmol, 'mmol', 'mol');
    return v1Mass(mol, 'mol', to, a);
  }
  if (has(from, 'g') && has(to, 'mEq')) {
    const mmol = v1Mass(value, from, 'mmol', a);
    return roundLikeV1(mmol * needValence(a));
  }
  throw new V1ConversionError(`v1.0 converter cannot convert ${from} to ${to}`);
}

/**
 * A concentration converted the way the v1.0 label code did it: mass unit first, then volume unit,
 * rounding (3 decimals / 3 significant figures) after every multiplication. Converting µmol/L creatinine
 * this way loses most digits (40 µmol/L → 0.005 g → 0.5 mg/dL, where 0.452 is right).
 */
export function v1Concentration(value: number, unit: string, target: string, a: V1Analyte): number {
  const [fromMass, fromVolume] = splitUnit(unit);
  const [toMass, toVolume] = splitUnit(target);
  if (fromMass === toMass && fromVolume === toVolume) return value;
  const mass = fromMass === toMass ? value : v1Mass(value, fromMass, toMass, a);
  if (fromVolume === toVolume) return roundLikeV1(mass);
  const volumeFactor = roundLikeV1(factor(V1_LITRE, fromVolume) / factor(V1_LITRE, toVolume));
  return roundLikeV1(mass / volumeFactor);
}

function splitUnit(unit: string): [string, string] {
  const parts = unit.replace('μ', 'µ').split('/');
  if (parts.length !== 2) throw new V1ConversionError(`v1.0 converter needs mass/volume, got '${unit}'`);
  return [parts[0], parts[1]];
}

export interface ConcentrationSpec {
  /** For `reference`: the analyte whose molar mass (units.ts) converts mass ↔ molar units. */
  analyte?: Analyte;
  /** For `medcalc-v1.0`: the molar mass and valence the original code passed. */
  v1: V1Analyte;
}

/**
 * A concentration in `target` under the inputs' convention: exact conversion (units.ts) for `reference`,
 * the v1.0 step-rounded chain for `medcalc-v1.0`. Records the conversion as a trace step and a missing
 * input when the value is absent or its unit cannot be converted.
 */
export function readConcentration(inputs: Inputs, key: string, target: string, spec: ConcentrationSpec, required = true): number | undefined {
  if (!inputs.isV1) {
    const q = inputs.quantity(key, false);
    // units.ts converts mmol ↔ mEq through mg/dL, which leaves float dust (an anion gap of exactly 0
    // comes out as -1e-14); for a monovalent ion the two are the same number.
    if (q && spec.analyte && MONOVALENT.has(spec.analyte) && isMolarOrEquivalent(q[1]) && isMolarOrEquivalent(target)) {
      if (q[1] !== target) inputs.step(`${key}: ${q[0]} ${q[1]} = ${q[0]} ${target} (monovalent)`, { value: q[0], unit: q[1] }, q[0]);
      return q[0];
    }
    return inputs.concentration(key, target, spec.analyte, required);
  }
  const q = inputs.quantity(key, required);
  if (!q) return undefined;
  try {
    const out = v1Concentration(q[0], q[1], target, spec.v1);
    if (q[1] !== target) inputs.step(`${key}: ${q[0]} ${q[1]} → ${target} (v1.0 step-rounded conversion)`, { value: q[0], unit: q[1] }, out);
    return out;
  } catch (error) {
    if (error instanceof V1ConversionError) {
      inputs.missing.push(`${key} (unit '${q[1]}' not convertible to ${target} by the v1.0 code)`);
      return undefined;
    }
    throw error;
  }
}

const MONOVALENT = new Set<Analyte>(['sodium', 'potassium', 'chloride', 'bicarbonate']);

function isMolarOrEquivalent(unit: string): boolean {
  return /^(mmol|meq)\/l$/i.test(unit.trim());
}

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
  return inputs.step('weight: lbs × 0.453592 → kg (v1.0, rounded)', { lbs: q[0] }, roundLikeV1(q[0] * 0.453592));
}

/** Sex as the data writes it; anything but 'Female' / 'Male' is reported missing. */
export function readSex(inputs: Inputs): 'Male' | 'Female' | undefined {
  const sex = inputs.text('sex');
  if (sex === undefined) return undefined;
  if (sex === 'Male' || sex === 'Female') return sex;
  inputs.missing.push(`sex ('${sex}' is neither Male nor Female)`);
  return undefined;
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
  const albumin = readConcentration(inputs, 'Albumin', 'g/dL', { v1: V1_ANALYTE.albuminNoMass });
  if (albumin !== undefined) flagImplausible(inputs, 'albumin', albumin, [1, 7], 'g/dL');
  return albumin;
}

/** Rounds like the original under v1.0 (it rounded every intermediate result); identity otherwise. */
export function v1Round(inputs: Inputs, x: number): number {
  return inputs.isV1 ? roundLikeV1(x) : x;
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

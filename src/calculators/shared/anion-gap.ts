/**
 * The anion-gap family, which six calculators share: anion gap → delta gap → delta ratio, each
 * optionally albumin corrected.
 */
import { entities, shape } from '../define.js';
import type { Inputs } from './inputs.js';
import { readConcentration } from './lab-units.js';
import { flagImplausible } from './plausibility.js';
import { V1_ANALYTE, roundIfV1 } from './v1-quirks.js';

/** Normal values the anion-gap family compares against (MDCalc; Kraut & Madias, CJASN 2007). */
export const NORMAL_ANION_GAP = 12;
export const NORMAL_BICARBONATE = 24;
export const NORMAL_ALBUMIN_G_DL = 4;

export interface Electrolytes {
  sodium: number;
  chloride: number;
  bicarbonate: number;
}

/** Serum sodium, chloride and bicarbonate in mEq/L (monovalent: numerically equal to mmol/L). */
export function readElectrolytes(inputs: Inputs): Electrolytes | undefined {
  const sodium = readConcentration(inputs, 'Sodium', 'mEq/L', { analyte: 'sodium', v1: V1_ANALYTE.sodium });
  const chloride = readConcentration(inputs, 'Chloride', 'mEq/L', { analyte: 'chloride', v1: V1_ANALYTE.chloride });
  const bicarbonate = readConcentration(inputs, 'Bicarbonate', 'mEq/L', {
    analyte: 'bicarbonate',
    v1: V1_ANALYTE.bicarbonate,
  });
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
export const electrolytesAndAlbuminSchema = entities({ ...ELECTROLYTES, Albumin: shape.quantity }, [
  'Sodium',
  'Chloride',
  'Bicarbonate',
  'Albumin',
]);

/**
 * The albumin-corrected anion gap from the entities (electrolytes, albumin), with the bicarbonate the
 * delta ratio needs; undefined, with the missing inputs recorded, when it cannot be formed.
 */
export function readCorrectedAnionGap(inputs: Inputs): { corrected: number; bicarbonate: number } | undefined {
  const e = readElectrolytes(inputs);
  const albumin = readAlbumin(inputs);
  if (!e || albumin === undefined) return undefined;
  return { corrected: correctedAnionGapOf(inputs, anionGapOf(inputs, e), albumin), bicarbonate: e.bicarbonate };
}

/** Anion gap = Na − (Cl + HCO₃⁻), mEq/L. */
export function anionGapOf(inputs: Inputs, e: Electrolytes): number {
  const gap = e.sodium - (e.chloride + e.bicarbonate);
  return inputs.step('anion gap = Na − (Cl + HCO₃)', { ...e }, roundIfV1(inputs, gap));
}

/** Albumin-corrected anion gap = AG + 2.5 × (4 − albumin g/dL) (Figge, Crit Care Med 1998). */
export function correctedAnionGapOf(inputs: Inputs, gap: number, albumin: number): number {
  const corrected = gap + 2.5 * (NORMAL_ALBUMIN_G_DL - albumin);
  return inputs.step(
    'albumin-corrected anion gap = AG + 2.5 × (4 − albumin)',
    { anionGap: gap, albuminGdL: albumin },
    roundIfV1(inputs, corrected),
  );
}

/** Delta gap = (anion gap) − 12. */
export function deltaGapOf(inputs: Inputs, gap: number, label = 'anion gap'): number {
  return inputs.step(
    `delta gap = ${label} − ${NORMAL_ANION_GAP}`,
    { [label]: gap },
    roundIfV1(inputs, gap - NORMAL_ANION_GAP),
  );
}

/**
 * Delta ratio = delta gap / (24 − HCO₃⁻). Undefined when bicarbonate is exactly 24 (recorded as missing:
 * the ratio cannot be formed).
 */
export function deltaRatioOf(inputs: Inputs, delta: number, bicarbonate: number): number | undefined {
  const denominator = NORMAL_BICARBONATE - bicarbonate;
  if (denominator === 0) {
    inputs.missing.push('Bicarbonate (equals 24 mEq/L: the delta ratio has a zero denominator)');
    return undefined;
  }
  return inputs.step(
    'delta ratio = delta gap / (24 − HCO₃)',
    { deltaGap: delta, bicarbonate },
    roundIfV1(inputs, delta / denominator),
  );
}

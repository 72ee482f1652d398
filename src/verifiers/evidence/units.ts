/**
 * Units as notes write them, and how a number in one unit of an analyte reads in another. A note's
 * number followed by a unit of the same analyte but a different one from the entity's is the
 * "grounded in another unit" outcome (the note says 120 µmol/L, the entity 120 mg/dL).
 *
 * Conversion factors are the standard SI ones (molar masses): creatinine 88.4 µmol/L per mg/dL,
 * bilirubin 17.1, glucose 0.0555 mmol/L per mg/dL, urea nitrogen 0.357, calcium 0.2495,
 * cholesterol 0.02586, triglycerides 0.01129 (AMA Manual of Style, SI conversion table).
 */

export type UnitId =
  | 'mg/dL'
  | 'µmol/L'
  | 'mmol/L'
  | 'mEq/L'
  | 'g/dL'
  | 'g/L'
  | 'mg/L'
  | 'kg'
  | 'lb'
  | 'g'
  | 'cm'
  | 'm'
  | 'in'
  | 'degC'
  | 'degF'
  | 'bpm'
  | 'mmHg'
  | '%'
  | 'per-µL'
  | 'U/L'
  | 'msec'
  | 'breaths';

/** How the note writes each unit (tested against the lower-cased text right after a number). */
const NOTE_UNITS: [UnitId, RegExp][] = [
  ['mg/dL', /^\s*mg\s*\/\s*d[l]\b/],
  ['µmol/L', /^\s*(?:µ|μ|u|micro)mol\s*\/\s*l\b/],
  ['mmol/L', /^\s*mmol\s*\/\s*(?:l|liter|litre)\b/],
  ['mEq/L', /^\s*meq\s*\/\s*(?:l|liter|litre)\b/],
  ['g/dL', /^\s*g\s*\/\s*dl\b/],
  ['g/L', /^\s*g\s*\/\s*(?:l|liter|litre)\b/],
  ['mg/L', /^\s*mg\s*\/\s*(?:l|liter|litre)\b/],
  ['kg', /^\s*(?:kg|kilograms?)\b/],
  ['lb', /^\s*(?:lbs?|pounds?)\b/],
  ['g', /^\s*(?:g|grams?)\b(?!\s*\/)/],
  ['cm', /^\s*(?:cm|centimet(?:er|re)s?)\b/],
  ['m', /^\s*(?:m|met(?:er|re)s?)\b(?!\s*[/²2])/],
  ['in', /^\s*(?:in|inch(?:es)?|")(?![a-z])/],
  ['degC', /^\s*(?:°|º|degrees?\s*)?\s*c(?:elsius)?\b/],
  ['degF', /^\s*(?:°|º|degrees?\s*)?\s*f(?:ahrenheit)?\b/],
  ['bpm', /^\s*(?:bpm|beats)/],
  ['mmHg', /^\s*mm\s*hg/],
  ['%', /^\s*(?:%|percent)/],
  ['U/L', /^\s*(?:u|iu|units?)\s*\/\s*(?:l|liter|litre)\b/],
  ['msec', /^\s*(?:ms|msec|milliseconds?)\b/],
];

/** The unit written right after a number, if any is recognised. */
export function unitAfter(after: string): UnitId | undefined {
  for (const [id, re] of NOTE_UNITS) if (re.test(after)) return id;
  return undefined;
}

/** The entity's unit as the data spells it ("mm hg", "degrees fahreinheit", "µL"). */
export function entityUnitId(unit: string): UnitId | undefined {
  const u = unit.toLowerCase().trim();
  const table: Record<string, UnitId> = {
    'mg/dl': 'mg/dL',
    'µmol/l': 'µmol/L',
    'μmol/l': 'µmol/L',
    'umol/l': 'µmol/L',
    'mmol/l': 'mmol/L',
    'meq/l': 'mEq/L',
    'g/dl': 'g/dL',
    'g/l': 'g/L',
    'mg/l': 'mg/L',
    kg: 'kg',
    lbs: 'lb',
    lb: 'lb',
    g: 'g',
    cm: 'cm',
    m: 'm',
    in: 'in',
    'degrees celsius': 'degC',
    'degrees celsisus': 'degC',
    'degrees fahrenheit': 'degF',
    'degrees fahreinheit': 'degF',
    'beats per minute': 'bpm',
    bpm: 'bpm',
    'mm hg': 'mmHg',
    mmhg: 'mmHg',
    '%': '%',
    'u/l': 'U/L',
    msec: 'msec',
    'breaths per minute': 'breaths',
    µl: 'per-µL',
    'm^3': 'per-µL',
  };
  return table[u];
}

/** Units that are the same quantity numerically (mEq/L and mmol/L for a monovalent ion). */
export function sameUnit(a: UnitId, b: UnitId, monovalent: boolean): boolean {
  if (a === b) return true;
  return monovalent && ((a === 'mEq/L' && b === 'mmol/L') || (a === 'mmol/L' && b === 'mEq/L'));
}

/** Factor from `from` to `to` for an analyte, or undefined when the two are not interconvertible here. */
export function conversionFactor(analyte: string | undefined, from: UnitId, to: UnitId): number | undefined {
  if (from === to) return 1;
  const generic: Partial<Record<UnitId, Partial<Record<UnitId, number>>>> = {
    kg: { lb: 2.20462, g: 1000 },
    lb: { kg: 0.453592 },
    g: { kg: 0.001 },
    cm: { m: 0.01, in: 1 / 2.54 },
    m: { cm: 100, in: 100 / 2.54 },
    in: { cm: 2.54, m: 0.0254 },
    'g/dL': { 'g/L': 10, 'mg/dL': 1000 },
    'g/L': { 'g/dL': 0.1 },
    'mg/dL': {},
  };
  const molar: Record<string, number> = {
    creatinine: 88.4,
    bilirubin: 17.1,
    glucose: 0.0555,
    bun: 0.357,
    calcium: 0.2495,
    cholesterol: 0.02586,
    triglycerides: 0.01129,
  };
  if (analyte && analyte in molar) {
    const f = molar[analyte];
    const si: UnitId = analyte === 'creatinine' || analyte === 'bilirubin' ? 'µmol/L' : 'mmol/L';
    if (from === 'mg/dL' && to === si) return f;
    if (from === si && to === 'mg/dL') return 1 / f;
  }
  return generic[from]?.[to];
}

/** Temperatures convert with an offset, not a factor. */
export function temperatureInUnit(value: number, from: UnitId, to: UnitId): number | undefined {
  if (from === to) return value;
  if (from === 'degC' && to === 'degF') return (value * 9) / 5 + 32;
  if (from === 'degF' && to === 'degC') return ((value - 32) * 5) / 9;
  return undefined;
}

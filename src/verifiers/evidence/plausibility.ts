/**
 * Values a living patient can have, per analyte and unit. The bounds are deliberately wide (well past
 * the critical-value limits labs phone through), so a value outside them is nearly always a unit slip
 * or an extraction error, never an ill patient. Sources: reference intervals and critical limits from
 * Tietz Clinical Guide to Laboratory Tests (4th ed., 2006) and Harrison's Principles of Internal
 * Medicine (21st ed.), Appendix "Laboratory values of clinical importance", widened to the extremes
 * reported as survived in the case literature (sodium 99–200 mmol/L, glucose 2,656 mg/dL, pH 6.5–8.0,
 * temperature 13.7–46.5 °C); body size from the Guinness records (heaviest 635 kg, tallest 272 cm).
 */

export interface PlausibleRange {
  range: [number, number];
  source: string;
}

const LAB =
  "Tietz Clinical Guide to Laboratory Tests (4th ed.) and Harrison's 21st ed. appendix, widened to survived extremes";
const BODY = 'Guinness World Records extremes of human body size';
const VITAL = 'survivable extremes of vital signs (ATLS 10th ed.; hypothermia and hyperthermia case reports)';

/** Entity key → the data's unit spelling (lower-cased) → range. */
export const PLAUSIBLE: Record<string, Record<string, PlausibleRange>> = {
  age: {
    years: { range: [0, 125], source: 'oldest documented human: 122 years' },
    months: { range: [0, 1500], source: 'oldest documented human' },
  },
  weight: {
    kg: { range: [0.3, 650], source: BODY },
    lbs: { range: [0.6, 1430], source: BODY },
    g: { range: [300, 650_000], source: BODY },
  },
  height: {
    cm: { range: [20, 275], source: BODY },
    m: { range: [0.2, 2.75], source: BODY },
    in: { range: [8, 108], source: BODY },
  },
  creatinine: { 'mg/dl': { range: [0.1, 30], source: LAB }, 'µmol/l': { range: [9, 2700], source: LAB } },
  'Pre-operative creatinine': { 'mg/dl': { range: [0.1, 30], source: LAB } },
  Albumin: {
    'g/dl': { range: [0.5, 7], source: LAB },
    'g/l': { range: [5, 70], source: LAB },
    'mg/dl': { range: [500, 7000], source: LAB },
  },
  Bilirubin: { 'mg/dl': { range: [0.05, 80], source: LAB }, 'µmol/l': { range: [1, 1400], source: LAB } },
  'Blood Urea Nitrogen (BUN)': {
    'mg/dl': { range: [1, 300], source: LAB },
    'mmol/l': { range: [0.3, 110], source: LAB },
  },
  Glucose: { 'mg/dl': { range: [10, 3000], source: LAB }, 'mmol/l': { range: [0.5, 170], source: LAB } },
  Calcium: { 'mg/dl': { range: [2, 25], source: LAB }, 'mmol/l': { range: [0.5, 6.3], source: LAB } },
  Sodium: { 'meq/l': { range: [90, 210], source: LAB }, 'mmol/l': { range: [90, 210], source: LAB } },
  Potassium: { 'meq/l': { range: [1, 12], source: LAB }, 'mmol/l': { range: [1, 12], source: LAB } },
  Chloride: { 'meq/l': { range: [50, 160], source: LAB }, 'mmol/l': { range: [50, 160], source: LAB } },
  Bicarbonate: { 'meq/l': { range: [1, 70], source: LAB }, 'mmol/l': { range: [1, 70], source: LAB } },
  'Total cholesterol': { 'mg/dl': { range: [30, 3000], source: LAB }, 'mmol/l': { range: [0.8, 78], source: LAB } },
  'high-density lipoprotein cholesterol': {
    'mg/dl': { range: [3, 250], source: LAB },
    'mmol/l': { range: [0.08, 6.5], source: LAB },
  },
  Triglycerides: { 'mg/dl': { range: [10, 30_000], source: LAB }, 'mmol/l': { range: [0.1, 340], source: LAB } },
  Hemoglobin: { 'g/dl': { range: [1, 26], source: LAB } },
  Hematocrit: { '%': { range: [3, 80], source: LAB } },
  'Platelet count': { µl: { range: [500, 3_000_000], source: LAB }, l: { range: [5e8, 3e12], source: LAB } },
  'White blood cell count': {
    µl: { range: [50, 1_000_000], source: LAB },
    'm^3': { range: [50, 1_000_000], source: LAB },
    l: { range: [5e7, 1e12], source: LAB },
  },
  'Aspartate aminotransferase': { 'u/l': { range: [1, 60_000], source: LAB } },
  'Alanine aminotransferase': { 'u/l': { range: [1, 60_000], source: LAB } },
  'international normalized ratio': { '': { range: [0.5, 25], source: LAB } },
  pH: { '': { range: [6.5, 8.0], source: LAB } },
  'Heart Rate or Pulse': {
    'beats per minute': { range: [10, 350], source: VITAL },
    bpm: { range: [10, 350], source: VITAL },
  },
  'Systolic Blood Pressure': {
    'mm hg': { range: [20, 320], source: VITAL },
    mmhg: { range: [20, 320], source: VITAL },
  },
  'Diastolic Blood Pressure': { 'mm hg': { range: [5, 220], source: VITAL }, mmhg: { range: [5, 220], source: VITAL } },
  'respiratory rate': { 'breaths per minute': { range: [1, 100], source: VITAL } },
  Temperature: {
    'degrees celsius': { range: [13, 47], source: VITAL },
    'degrees celsisus': { range: [13, 47], source: VITAL },
    'degrees fahrenheit': { range: [55, 117], source: VITAL },
    'degrees fahreinheit': { range: [55, 117], source: VITAL },
  },
  'O₂ saturation percentage': { '%': { range: [20, 100], source: VITAL } },
  'FiO₂': { '%': { range: [21, 100], source: 'inspired oxygen fraction: room air 21% to pure oxygen 100%' } },
  'Partial pressure of oxygen (PaO₂) for Apache II': { 'mm hg': { range: [10, 700], source: LAB } },
  'PaCO₂': { 'mm hg': { range: [5, 200], source: LAB } },
  'QT interval': {
    msec: {
      range: [150, 900],
      source: 'electrocardiography reference texts (Goldberger, Clinical Electrocardiography)',
    },
  },
  'Glasgow Coma Score': { '': { range: [3, 15], source: 'Teasdale & Jennett 1974: GCS is 3–15' } },
  'cycle length': {
    '': {
      range: [15, 90],
      source: 'menstrual cycle lengths (FIGO 2018: normal 24–38 days; beyond 90 days is amenorrhoea)',
    },
  },
};

/** The range for an entity's value in its unit, when the table has one. */
export function plausibleRange(key: string, unit: string): PlausibleRange | undefined {
  return PLAUSIBLE[key]?.[unit.toLowerCase().trim()];
}

/**
 * What a calculator's answer can be. Scores have their published minimum and maximum; formulas get
 * the range their inputs' plausible ranges allow, rounded outward (a FIB-4 of 37,493 needs an
 * impossible input). Sources: each score's original publication as cited by its calculator.
 */
export const RESULT_RANGES: Record<number, PlausibleRange> = {
  2: { range: [0, 400], source: 'Cockcroft-Gault with plausible inputs' },
  3: { range: [0, 250], source: 'CKD-EPI 2021 with plausible inputs' },
  4: { range: [0, 9], source: 'CHA2DS2-VASc: 0–9 points (Lip 2010)' },
  5: { range: [10, 250], source: 'mean arterial pressure from plausible pressures' },
  6: { range: [5, 250], source: 'BMI from plausible body sizes' },
  7: { range: [2, 25], source: 'corrected calcium with plausible inputs' },
  8: { range: [0, 12.5], source: "Wells' PE: 0–12.5 points (Wells 2000)" },
  9: { range: [0, 250], source: 'MDRD with plausible inputs' },
  15: { range: [5, 15], source: 'Child-Pugh: 5–15 points' },
  16: { range: [-2, 9], source: "Wells' DVT: −2 to 9 points (Wells 2003)" },
  17: { range: [0, 6], source: 'RCRI: 0–6 criteria (Lee 1999)' },
  18: { range: [0, 10], source: 'HEART: 0–10 points (Six 2008)' },
  19: { range: [0, 100], source: 'FIB-4 from plausible inputs (Sterling 2006; > 3.25 is already advanced fibrosis)' },
  20: { range: [-1, 5], source: 'Centor/McIsaac: −1 to 5 points' },
  21: { range: [3, 15], source: 'GCS: 3–15 (Teasdale & Jennett 1974)' },
  23: { range: [6, 40], source: 'MELD Na: 6–40 (UNOS policy bounds)' },
  25: { range: [0, 9], source: 'HAS-BLED: 0–9 points (Pisters 2010)' },
  26: { range: [90, 220], source: 'corrected sodium from plausible inputs' },
  27: { range: [0, 23], source: 'Glasgow-Blatchford: 0–23 points (Blatchford 2000)' },
  28: { range: [0, 71], source: 'APACHE II: 0–71 points (Knaus 1985)' },
  29: { range: [0, 400], source: 'PSI/PORT points (Fine 1997)' },
  30: { range: [150, 500], source: 'serum osmolality from plausible inputs' },
  32: { range: [0, 37], source: 'Charlson: 0–37 points (Charlson 1987)' },
  33: { range: [0, 5], source: 'FeverPAIN: 0–5 points (Little 2013)' },
  36: { range: [0, 60], source: 'Caprini points (Caprini 2005)' },
  39: { range: [-20, 70], source: 'anion gap from plausible electrolytes' },
  43: { range: [0, 24], source: 'SOFA: 0–24 points (Vincent 1996)' },
  45: { range: [0, 5], source: 'CURB-65: 0–5 points (Lim 2003)' },
  46: { range: [0, 100], source: 'Framingham risk is a percentage' },
  48: { range: [0, 8], source: 'PERC: 0–8 criteria (Kline 2004)' },
  51: { range: [0, 4], source: 'SIRS: 0–4 criteria (Bone 1992)' },
  60: { range: [0.1, 5], source: 'body surface area from plausible body sizes' },
};

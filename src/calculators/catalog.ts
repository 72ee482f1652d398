import type { ComputableKind } from '../label/types.js';

/** What the store, importer and validator need to know of a calculator, independent of its formula. */
export interface CatalogEntry {
  id: number;
  slug: string;
  /** The v1.0 name first, then names other uploads use. */
  names: string[];
  /** v1.0 category spelling. */
  category: string;
  /** Decided by calculator id, as the MedCalc-Bench grader does, not by the Output Type column. */
  kind: ComputableKind;
}

/** The 55 calculators of MedCalc-Bench v1.0. */
export const CATALOG: readonly CatalogEntry[] = [
  { id: 2, slug: 'creatinine-clearance', names: ["Creatinine Clearance (Cockcroft-Gault Equation)"], category: 'lab', kind: 'decimal' },
  { id: 3, slug: 'ckd-epi-gfr', names: ["CKD-EPI Equations for Glomerular Filtration Rate"], category: 'lab', kind: 'decimal' },
  { id: 4, slug: 'cha2ds2-vasc', names: ["CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk"], category: 'risk', kind: 'integer' },
  { id: 5, slug: 'mean-arterial-pressure', names: ["Mean Arterial Pressure (MAP)"], category: 'physical', kind: 'decimal' },
  { id: 6, slug: 'bmi', names: ["Body Mass Index (BMI)"], category: 'physical', kind: 'decimal' },
  { id: 7, slug: 'calcium-correction', names: ["Calcium Correction for Hypoalbuminemia"], category: 'lab', kind: 'decimal' },
  { id: 8, slug: 'wells-pe', names: ["Wells' Criteria for Pulmonary Embolism"], category: 'risk', kind: 'decimal' },
  { id: 9, slug: 'mdrd-gfr', names: ["MDRD GFR Equation"], category: 'lab', kind: 'decimal' },
  { id: 10, slug: 'ideal-body-weight', names: ["Ideal Body Weight"], category: 'physical', kind: 'decimal' },
  { id: 11, slug: 'qtc-bazett', names: ["QTc Bazett Calculator"], category: 'physical', kind: 'decimal' },
  { id: 13, slug: 'estimated-due-date', names: ["Estimated Due Date"], category: 'date', kind: 'date' },
  { id: 15, slug: 'child-pugh', names: ["Child-Pugh Score for Cirrhosis Mortality"], category: 'severity', kind: 'integer' },
  { id: 16, slug: 'wells-dvt', names: ["Wells' Criteria for DVT"], category: 'risk', kind: 'integer' },
  { id: 17, slug: 'rcri', names: ["Revised Cardiac Risk Index for Pre-Operative Risk"], category: 'risk', kind: 'integer' },
  { id: 18, slug: 'heart-score', names: ["HEART Score for Major Cardiac Events"], category: 'risk', kind: 'integer' },
  { id: 19, slug: 'fib-4', names: ["Fibrosis-4 (FIB-4) Index for Liver Fibrosis"], category: 'lab', kind: 'decimal' },
  { id: 20, slug: 'centor-mcisaac', names: ["Centor Score (Modified/McIsaac) for Strep Pharyngitis"], category: 'severity', kind: 'integer' },
  { id: 21, slug: 'gcs', names: ["Glasgow Coma Score (GCS)"], category: 'severity', kind: 'integer' },
  { id: 22, slug: 'maintenance-fluids', names: ["Maintenance Fluids Calculations"], category: 'physical', kind: 'decimal' },
  { id: 23, slug: 'meld-na', names: ["MELD Na (UNOS/OPTN)"], category: 'lab', kind: 'decimal' },
  { id: 24, slug: 'steroid-conversion', names: ["Steroid Conversion Calculator"], category: 'dosage', kind: 'decimal' },
  { id: 25, slug: 'has-bled', names: ["HAS-BLED Score for Major Bleeding Risk"], category: 'risk', kind: 'integer' },
  { id: 26, slug: 'sodium-correction', names: ["Sodium Correction for Hyperglycemia"], category: 'lab', kind: 'decimal' },
  { id: 27, slug: 'glasgow-blatchford', names: ["Glasgow-Blatchford Bleeding Score (GBS)"], category: 'risk', kind: 'integer' },
  { id: 28, slug: 'apache-ii', names: ["APACHE II Score"], category: 'risk', kind: 'integer' },
  { id: 29, slug: 'psi-port', names: ["PSI Score: Pneumonia Severity Index for CAP"], category: 'severity', kind: 'integer' },
  { id: 30, slug: 'serum-osmolality', names: ["Serum Osmolality"], category: 'lab', kind: 'decimal' },
  { id: 31, slug: 'homa-ir', names: ["HOMA-IR (Homeostatic Model Assessment for Insulin Resistance)"], category: 'lab', kind: 'decimal' },
  { id: 32, slug: 'charlson', names: ["Charlson Comorbidity Index (CCI)"], category: 'risk', kind: 'integer' },
  { id: 33, slug: 'feverpain', names: ["FeverPAIN Score for Strep Pharyngitis"], category: 'diagnosis', kind: 'integer' },
  { id: 36, slug: 'caprini', names: ["Caprini Score for Venous Thromboembolism (2005)"], category: 'risk', kind: 'integer' },
  { id: 38, slug: 'free-water-deficit', names: ["Free Water Deficit"], category: 'lab', kind: 'decimal' },
  { id: 39, slug: 'anion-gap', names: ["Anion Gap"], category: 'lab', kind: 'decimal' },
  { id: 40, slug: 'fena', names: ["Fractional Excretion of Sodium (FENa)"], category: 'lab', kind: 'decimal' },
  { id: 43, slug: 'sofa', names: ["Sequential Organ Failure Assessment (SOFA) Score"], category: 'risk', kind: 'integer' },
  { id: 44, slug: 'ldl-calculated', names: ["LDL Calculated"], category: 'lab', kind: 'decimal' },
  { id: 45, slug: 'curb-65', names: ["CURB-65 Score for Pneumonia Severity"], category: 'risk', kind: 'integer' },
  { id: 46, slug: 'framingham-hard-chd', names: ["Framingham Risk Score for Hard Coronary Heart Disease"], category: 'lab', kind: 'decimal' },
  { id: 48, slug: 'perc', names: ["PERC Rule for Pulmonary Embolism"], category: 'diagnosis', kind: 'integer' },
  { id: 49, slug: 'mme', names: ["Morphine Milligram Equivalents (MME) Calculator"], category: 'dosage', kind: 'decimal' },
  { id: 51, slug: 'sirs', names: ["SIRS Criteria"], category: 'diagnosis', kind: 'integer' },
  { id: 56, slug: 'qtc-fridericia', names: ["QTc Fridericia Calculator"], category: 'physical', kind: 'decimal' },
  { id: 57, slug: 'qtc-framingham', names: ["QTc Framingham Calculator"], category: 'physical', kind: 'decimal' },
  { id: 58, slug: 'qtc-hodges', names: ["QTc Hodges Calculator"], category: 'physical', kind: 'decimal' },
  { id: 59, slug: 'qtc-rautaharju', names: ["QTc Rautaharju Calculator"], category: 'physical', kind: 'decimal' },
  { id: 60, slug: 'body-surface-area', names: ["Body Surface Area Calculator"], category: 'physical', kind: 'decimal' },
  { id: 61, slug: 'target-weight', names: ["Target weight"], category: 'physical', kind: 'decimal' },
  { id: 62, slug: 'adjusted-body-weight', names: ["Adjusted Body Weight"], category: 'physical', kind: 'decimal' },
  { id: 63, slug: 'delta-gap', names: ["Delta Gap"], category: 'lab', kind: 'decimal' },
  { id: 64, slug: 'delta-ratio', names: ["Delta Ratio"], category: 'lab', kind: 'decimal' },
  { id: 65, slug: 'albumin-corrected-anion-gap', names: ["Albumin Corrected Anion Gap"], category: 'lab', kind: 'decimal' },
  { id: 66, slug: 'albumin-corrected-delta-gap', names: ["Albumin Corrected Delta Gap"], category: 'lab', kind: 'decimal' },
  { id: 67, slug: 'albumin-corrected-delta-ratio', names: ["Albumin Corrected Delta Ratio"], category: 'lab', kind: 'decimal' },
  { id: 68, slug: 'estimated-conception', names: ["Estimated of Conception", "Estimated Date of Conception"], category: 'date', kind: 'date' },
  { id: 69, slug: 'gestational-age', names: ["Estimated Gestational Age"], category: 'date', kind: 'gestational-age' },
];

const byId = new Map(CATALOG.map((entry) => [entry.id, entry]));
const byName = new Map(CATALOG.flatMap((entry) => entry.names.map((name) => [normalizeName(name), entry] as const)));
const bySlug = new Map(CATALOG.map((entry) => [entry.slug, entry]));

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function catalogById(id: number): CatalogEntry | undefined {
  return byId.get(id);
}

export function catalogByName(name: string): CatalogEntry | undefined {
  return byName.get(normalizeName(name));
}

export function catalogBySlug(slug: string): CatalogEntry | undefined {
  return bySlug.get(slug);
}

/** The MedCalc-Bench category spellings of later uploads, mapped to v1.0's. */
export const CATEGORY_ALIASES: Record<string, string> = { 'lab test': 'lab', 'dosage conversion': 'dosage' };

/**
 * Decision thresholds at which a score changes what a clinician does. A recomputed value on the other
 * side of one from the label is a clinically significant disagreement and goes first in triage,
 * whatever its relative size. Each value is "score ≥ t means the higher-risk action".
 */
export const DECISION_THRESHOLDS: Record<number, { thresholds: number[]; source: string }> = {
  4: {
    thresholds: [1, 2],
    source: 'CHA2DS2-VASc: anticoagulation considered at 1 (men) and recommended at ≥ 2 (ESC 2020)',
  },
  8: { thresholds: [2, 4.5], source: "Wells' PE: > 4 PE likely (two-tier); 2–6 moderate (three-tier)" },
  15: { thresholds: [7, 10], source: 'Child-Pugh: class B at 7, class C at 10' },
  16: { thresholds: [2], source: "Wells' DVT: ≥ 2 DVT likely" },
  17: { thresholds: [1, 2, 3], source: 'RCRI risk classes' },
  18: { thresholds: [4, 7], source: 'HEART: 4–6 moderate, ≥ 7 high risk' },
  20: { thresholds: [2, 4], source: 'Centor/McIsaac: test at 2–3, treat empirically at ≥ 4' },
  21: { thresholds: [9, 13], source: 'GCS: ≤ 8 severe (intubation), 9–12 moderate, ≥ 13 mild' },
  23: { thresholds: [15, 20, 30, 40], source: 'MELD Na bands for transplant listing and 90-day mortality' },
  25: { thresholds: [3], source: 'HAS-BLED: ≥ 3 high bleeding risk' },
  27: { thresholds: [1], source: 'Glasgow-Blatchford: 0 may be managed as an outpatient' },
  28: { thresholds: [15, 25], source: 'APACHE II severity bands' },
  29: { thresholds: [71, 91, 131], source: 'PSI classes II–V' },
  32: { thresholds: [3, 5], source: 'Charlson: 10-year survival bands' },
  33: { thresholds: [2, 4], source: 'FeverPAIN: delayed prescribing at 2–3, antibiotics at ≥ 4' },
  36: { thresholds: [3, 5], source: 'Caprini: moderate 3–4, high ≥ 5' },
  43: { thresholds: [2, 11], source: 'SOFA: ≥ 2 organ dysfunction (Sepsis-3)' },
  45: { thresholds: [2, 3], source: 'CURB-65: 2 consider admission, ≥ 3 severe' },
  46: { thresholds: [10, 20], source: 'Framingham 10-year hard CHD risk bands (%)' },
  48: { thresholds: [1], source: 'PERC: any criterion positive means PE cannot be ruled out' },
  51: { thresholds: [2], source: 'SIRS: ≥ 2 criteria' },
};

/** True when the label and the recomputed value fall on different sides of a decision threshold. */
export function crossesThreshold(calculatorId: number, label: number, value: number): boolean {
  const entry = DECISION_THRESHOLDS[calculatorId];
  if (!entry) return false;
  for (const t of entry.thresholds) if (label >= t !== value >= t) return true;
  return false;
}

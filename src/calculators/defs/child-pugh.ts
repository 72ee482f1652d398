import { defineCalculator, entities, shape } from '../define.js';
import { readChoice } from '../shared/choices.js';
import type { Inputs } from '../shared/inputs.js';
import { readConcentration } from '../shared/lab-units.js';
import { PointsTally, type ScoreBand } from '../shared/tally.js';
import { V1_ANALYTE } from '../shared/v1-quirks.js';

const INR = 'international normalized ratio';
const ASCITES = { absent: 1, slight: 2, moderate: 3 };
const ENCEPHALOPATHY = { 'No Encephalopathy': 1, 'Grade 0': 1, 'Grade 1-2': 2, 'Grade 3-4': 3 };

// Bands as MDCalc writes them; both ends of a middle band belong to it (bilirubin 3.0 → 2 points).
const BILIRUBIN_MG_DL: ScoreBand[] = [
  { label: '< 2 mg/dL', when: (x) => x < 2, points: 1 },
  { label: '2–3 mg/dL', when: (x) => x <= 3, points: 2 },
  { label: '> 3 mg/dL', when: () => true, points: 3 },
];
const ALBUMIN_G_DL: ScoreBand[] = [
  { label: '> 3.5 g/dL', when: (x) => x > 3.5, points: 1 },
  { label: '2.8–3.5 g/dL', when: (x) => x >= 2.8, points: 2 },
  { label: '< 2.8 g/dL', when: () => true, points: 3 },
];
const INR_BANDS: ScoreBand[] = [
  { label: '< 1.7', when: (x) => x < 1.7, points: 1 },
  { label: '1.7–2.3', when: (x) => x <= 2.3, points: 2 },
  { label: '> 2.3', when: () => true, points: 3 },
];
// The v1.0 code's bands: bilirubin exactly 2 fell between "< 2" and "2 < b < 3" and scored nothing,
// 3 scored 3; albumin 2.8 scored 3.
const V1_BILIRUBIN_MG_DL: ScoreBand[] = [
  { label: '< 2 mg/dL', when: (x) => x < 2, points: 1 },
  { label: 'between 2 and 3 mg/dL (exclusive)', when: (x) => x > 2 && x < 3, points: 2 },
  { label: '≥ 3 mg/dL', when: (x) => x >= 3, points: 3 },
  { label: 'exactly 2 mg/dL: no band matched', when: () => true, points: 0 },
];
const V1_ALBUMIN_G_DL: ScoreBand[] = [
  { label: '> 3.5 g/dL', when: (x) => x > 3.5, points: 1 },
  { label: '2.8 < albumin ≤ 3.5 g/dL', when: (x) => x > 2.8, points: 2 },
  { label: '≤ 2.8 g/dL', when: () => true, points: 3 },
];

/** Child-Pugh score for cirrhosis (Pugh et al., Br J Surg 1973;60:646–9). */
export const childPugh = defineCalculator({
  id: 15,
  slug: 'child-pugh',
  names: ['Child-Pugh Score for Cirrhosis Mortality'],
  category: 'severity',
  kind: 'integer',
  v1Source: 'calculator_implementations/child_pugh_score.py',
  reference: 'Pugh RNH et al. Br J Surg 1973;60:646-9; MDCalc "Child-Pugh Score for Cirrhosis Mortality"',
  entitySchema: entities(
    {
      Bilirubin: shape.quantity,
      Albumin: shape.quantity,
      [INR]: shape.number,
      Ascites: shape.text,
      Encephalopathy: shape.text,
    },
    ['Bilirubin', 'Albumin', INR],
  ),
  compute(inputs) {
    // v1.0 converted bilirubin with a molar mass of 548.66 g/mol (bilirubin is 584.66).
    const bilirubin = readConcentration(inputs, 'Bilirubin', 'mg/dL', {
      analyte: 'bilirubin',
      v1: V1_ANALYTE.bilirubinChildPugh,
    });
    const albumin = readConcentration(inputs, 'Albumin', 'g/dL', { analyte: 'albumin', v1: V1_ANALYTE.albumin });
    const inr = inputs.number(INR);
    const findings = inputs.isV1 ? undefined : readFindings(inputs);
    if (inputs.incomplete || bilirubin === undefined || albumin === undefined || inr === undefined)
      return inputs.incomputable();
    if (!findings) return scoreV1(inputs, bilirubin, albumin, inr);
    const { ascites, encephalopathy } = findings;

    const tally = new PointsTally(inputs);
    tally.band('Bilirubin', bilirubin, BILIRUBIN_MG_DL);
    tally.band('Albumin', albumin, ALBUMIN_G_DL);
    tally.band('INR', inr, INR_BANDS);
    tally.add(`Ascites: ${ascites.phrase}`, ascites.value);
    tally.add(`Encephalopathy: ${encephalopathy.phrase}`, encephalopathy.value);
    return tally.finish('Child-Pugh', 'integer');
  },
});

/** Ascites and encephalopathy are findings: not reported means absent / none, as in MedCalc. */
function readFindings(inputs: Inputs) {
  const ascites = inputs.has('Ascites')
    ? readChoice(inputs, 'Ascites', ASCITES)
    : { phrase: 'not reported (absent)', value: 1 };
  const encephalopathy = inputs.has('Encephalopathy')
    ? readChoice(inputs, 'Encephalopathy', ENCEPHALOPATHY)
    : { phrase: 'not reported (none)', value: 1 };
  return ascites && encephalopathy ? { ascites, encephalopathy } : undefined;
}

/**
 * The v1.0 label code, with its own bilirubin and albumin bands (above). Ascites was compared with
 * 'Absent'/'Slight'/'Moderate' case-sensitively, so the data's lowercase values never scored (only an
 * unreported ascites got its 1 point); encephalopathy matched only 'No Encephalopathy', 'Grade 1-2'
 * and 'Grade 3-4' ('Grade 0' scored nothing).
 */
function scoreV1(inputs: Inputs, bilirubin: number, albumin: number, inr: number) {
  const tally = new PointsTally(inputs);
  tally.band('INR', inr, INR_BANDS);
  tally.band('v1.0 bilirubin', bilirubin, V1_BILIRUBIN_MG_DL);
  tally.band('v1.0 albumin', albumin, V1_ALBUMIN_G_DL);
  const v1Finding = (key: string, table: Record<string, number>) => {
    const value = inputs.raw(key);
    const points = value === undefined ? 1 : (table[String(value)] ?? 0);
    tally.add(`v1.0 ${key.toLowerCase()} (exact, case-sensitive match; unreported = 1)`, points, {
      [key]: value ?? 'not reported',
    });
  };
  v1Finding('Ascites', { Absent: 1, Slight: 2, Moderate: 3 });
  v1Finding('Encephalopathy', { 'No Encephalopathy': 1, 'Grade 1-2': 2, 'Grade 3-4': 3 });
  return tally.finish('Child-Pugh (v1.0)', 'integer');
}

import { defineCalculator, entities, shape } from '../define.js';
import type { Inputs } from '../shared/inputs.js';
import { convertDrugMass } from '../shared/measure-units.js';
import { roundV1 } from '../shared/v1-quirks.js';

interface Factor {
  /** MME per unit of daily dose. */
  mme: number;
  /** The unit the factor is per: mg, µg (buccal fentanyl) or µg/h (transdermal fentanyl). */
  per: 'mg' | 'µg' | 'µg/h';
}

/**
 * CDC Clinical Practice Guideline for Prescribing Opioids for Pain, United States, 2022 (Dowell D et al.,
 * MMWR Recomm Rep 2022;71(3):1-95), Table: MME conversion factors. Keyed by lower-case drug name so the
 * data's tall-man spellings ('HYDROmorphone', 'FentANYL patch') match. Buprenorphine has no factor there.
 */
const CDC_2022: Record<string, Factor> = {
  codeine: { mme: 0.15, per: 'mg' },
  'fentanyl buccal': { mme: 0.13, per: 'µg' },
  'fentanyl patch': { mme: 2.4, per: 'µg/h' },
  hydrocodone: { mme: 1, per: 'mg' },
  hydromorphone: { mme: 5, per: 'mg' },
  methadone: { mme: 4.7, per: 'mg' },
  morphine: { mme: 1, per: 'mg' },
  oxycodone: { mme: 1.5, per: 'mg' },
  oxymorphone: { mme: 3, per: 'mg' },
  tapentadol: { mme: 0.4, per: 'mg' },
  tramadol: { mme: 0.2, per: 'mg' },
};

/**
 * The v1.0 code's factors, keyed by exact spelling. They equal CDC 2022 (plus buprenorphine 10); its µg
 * branch was spelled 'FentaNYL patch', so the data's 'FentANYL patch' went through the mg branch.
 */
const V1_FACTORS: Record<string, number> = {
  Codeine: 0.15,
  'FentaNYL buccal': 0.13,
  'FentANYL patch': 2.4,
  HYDROcodone: 1,
  HYDROmorphone: 5,
  Methadone: 4.7,
  Morphine: 1,
  OxyCODONE: 1.5,
  OxyMORphone: 3,
  Tapentadol: 0.4,
  TraMADol: 0.2,
  Buprenorphine: 10,
};
const V1_MICROGRAM_DRUGS = new Set(['FentaNYL buccal', 'FentaNYL patch']);

/** The data's drug spellings: each has '<drug> Dose' [n, unit] and '<drug> Dose Per Day' [n, 'per day']. */
const DATA_DRUGS = [
  'Codeine',
  'FentaNYL buccal',
  'FentANYL patch',
  'HYDROcodone',
  'HYDROmorphone',
  'Methadone',
  'Morphine',
  'OxyCODONE',
  'OxyMORphone',
  'Tapentadol',
  'TraMADol',
];

const MICROGRAMS_PER_HOUR = /^(µ|μ|mc|u)g\s*\/\s*h(r|our)?$|^(µ|μ|mc|u)g$/i;

/** The drugs named by '<drug> Dose' keys, in the entities' order (the v1.0 code summed in that order). */
function drugNames(inputs: Inputs): string[] {
  return Object.keys(inputs.entities).flatMap((key) => {
    const m = /^(.+) Dose$/.exec(key);
    return m ? [m[1]] : [];
  });
}

/** A daily dose in the factor's unit, or undefined (recorded as missing). */
function dailyDose(inputs: Inputs, name: string, per: Factor['per']): number | undefined {
  const dose = inputs.quantity(`${name} Dose`);
  const perDay = inputs.number(`${name} Dose Per Day`);
  if (!dose || perDay === undefined) return undefined;
  let amount: number | undefined;
  if (per === 'µg/h') {
    // Fentanyl patches come in µg/h strengths only (12–100); the data writes their number with 'mg'
    // (e.g. [60, 'mg']), which as milligrams would be a thousandfold overdose. Read the number as µg/h.
    amount = dose[0];
    if (!MICROGRAMS_PER_HOUR.test(dose[1].trim()))
      inputs.step(
        `${name} Dose: '${dose[1]}' read as µg/h (patches exist only in µg/h)`,
        { value: dose[0], unit: dose[1] },
        amount,
      );
  } else {
    amount = convertDrugMass(inputs, `${name} Dose`, dose[0], dose[1], per);
  }
  if (amount === undefined) return undefined;
  return inputs.step(`${name}: ${amount} ${per}/dose × ${perDay} doses/day`, { dose: amount, perDay }, amount * perDay);
}

/** Morphine milligram equivalents per day: Σ dose × doses/day × CDC 2022 conversion factor. */
export const mme = defineCalculator({
  id: 49,
  slug: 'mme',
  names: ['Morphine Milligram Equivalents (MME) Calculator'],
  category: 'dosage',
  kind: 'decimal',
  v1Source: 'calculator_implementations/mme.py',
  reference:
    'CDC Clinical Practice Guideline for Prescribing Opioids for Pain, United States, 2022 (Dowell D et al., ' +
    'MMWR Recomm Rep 2022;71(3):1-95), MME conversion factors',
  entitySchema: entities(
    Object.fromEntries(
      DATA_DRUGS.flatMap((drug) => [
        [`${drug} Dose`, shape.quantity],
        [`${drug} Dose Per Day`, shape.quantity],
      ]),
    ),
  ),
  compute(inputs) {
    const names = drugNames(inputs);
    if (names.length === 0) {
      inputs.missing.push('opioid doses (no "<drug> Dose" entity)');
      return inputs.incomputable();
    }
    return inputs.isV1 ? computeV1(inputs, names) : computeCdc2022(inputs, names);
  },
});

function computeCdc2022(inputs: Inputs, names: string[]) {
  inputs.step(
    'conversion factors: CDC 2022 opioid guideline (fentanyl buccal per µg, fentanyl patch per µg/h)',
    undefined,
    'CDC 2022',
  );
  let total = 0;
  for (const name of names) {
    const factor = CDC_2022[name.trim().toLowerCase().replace(/\s+/g, ' ')];
    if (!factor) {
      inputs.missing.push(`${name} Dose (no CDC 2022 MME conversion factor)`);
      continue;
    }
    const daily = dailyDose(inputs, name, factor.per);
    if (daily === undefined) continue;
    total += inputs.step(
      `${name}: ${daily} ${factor.per}/day × ${factor.mme} MME/${factor.per}`,
      { daily, factor: factor.mme },
      daily * factor.mme,
    );
  }
  if (inputs.incomplete) return inputs.incomputable();
  return inputs.result('decimal', inputs.step('MME/day = sum over opioids', undefined, total));
}

function computeV1(inputs: Inputs, names: string[]) {
  let total = 0;
  for (const name of names) {
    const factor = V1_FACTORS[name];
    if (factor === undefined) {
      inputs.missing.push(`${name} Dose (not in the v1.0 factor table)`);
      continue;
    }
    const dose = inputs.quantity(`${name} Dose`);
    const perDay = inputs.number(`${name} Dose Per Day`);
    if (!dose || perDay === undefined) continue;
    const amount = convertDrugMass(
      inputs,
      `${name} Dose`,
      dose[0],
      dose[1],
      V1_MICROGRAM_DRUGS.has(name) ? 'µg' : 'mg',
    );
    if (amount === undefined) continue;
    // v1.0 added doses/day × factor × dose to the running total and rounded the total after each drug.
    total = inputs.step(
      `${name}: + ${perDay} × ${factor} × ${amount}, total rounded`,
      { perDay, factor, amount },
      roundV1(total + perDay * factor * amount),
    );
  }
  if (inputs.incomplete) return inputs.incomputable();
  return inputs.result('decimal', total);
}

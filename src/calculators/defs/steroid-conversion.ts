import { defineCalculator, entities, shape } from '../define.js';
import type { Inputs } from '../shared/inputs.js';
import { convertDrugMass } from '../shared/measure-units.js';
import { roundV1 } from '../shared/v1-quirks.js';

/**
 * Glucocorticoid dose equivalents (mg of equal anti-inflammatory effect), the table of MDCalc's Steroid
 * Conversion Calculator (after Meikle AW, Tyler FH, Am J Med 1977;63:200-207), keyed by lower-case
 * "drug route" so the data's tall-man spellings ('PrednisoLONE PO') match.
 */
const EQUIVALENT_MG: Record<string, number> = {
  'betamethasone iv': 0.75,
  'cortisone po': 25,
  'dexamethasone iv': 0.75,
  'dexamethasone po': 0.75,
  'hydrocortisone iv': 20,
  'hydrocortisone po': 20,
  'methylprednisolone iv': 4,
  'methylprednisolone po': 4,
  'prednisolone po': 5,
  'prednisone po': 5,
  'triamcinolone iv': 4,
};

/**
 * The v1.0 code's table: potency relative to dexamethasone (the same table divided by 0.75, rounded to
 * two decimals), keyed by the exact spelling; it rounded the ratio of two entries to 3 decimals.
 */
const V1_RELATIVE: Record<string, number> = {
  'Betamethasone IV': 1,
  'Cortisone PO': 33.33,
  'Dexamethasone IV': 1,
  'Dexamethasone PO': 1,
  'Hydrocortisone IV': 26.67,
  'Hydrocortisone PO': 26.67,
  'MethylPrednisoLONE IV': 5.33,
  'MethylPrednisoLONE PO': 5.33,
  'PrednisoLONE PO': 6.67,
  'PredniSONE PO': 6.67,
  'Triamcinolone IV': 5.33,
};

const INPUT = 'input steroid';
const TARGET = 'target steroid';

function normalize(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The input steroid ['Dexamethasone PO', 7.96, 'mg'] as name, dose and unit. */
function readInputSteroid(inputs: Inputs): { name: string; dose: number; unit: string } | undefined {
  const v = inputs.raw(INPUT);
  if (
    Array.isArray(v) &&
    v.length === 3 &&
    typeof v[0] === 'string' &&
    typeof v[1] === 'number' &&
    typeof v[2] === 'string'
  ) {
    if (v[1] >= 0) return { name: v[0], dose: v[1], unit: v[2] };
    inputs.missing.push(`${INPUT} (negative dose)`);
    return undefined;
  }
  inputs.missing.push(INPUT);
  return undefined;
}

/**
 * Steroid conversion: target dose = input dose × (target equivalent / input equivalent), MDCalc's equivalence table.
 */
export const steroidConversion = defineCalculator({
  id: 24,
  slug: 'steroid-conversion',
  names: ['Steroid Conversion Calculator'],
  category: 'dosage',
  kind: 'decimal',
  v1Source: 'calculator_implementations/steroid_conversion_calculator.py',
  reference:
    'MDCalc "Steroid Conversion Calculator" equivalent doses (betamethasone 0.75, cortisone 25, dexamethasone ' +
    '0.75, hydrocortisone 20, methylprednisolone 4, prednisolone 5, prednisone 5, triamcinolone 4 mg); Meikle & ' +
    'Tyler, Am J Med 1977',
  entitySchema: entities(
    {
      [INPUT]: { type: 'array', prefixItems: [shape.text, shape.number, shape.text], minItems: 3, maxItems: 3 },
      [TARGET]: shape.text,
    },
    [INPUT, TARGET],
  ),
  compute(inputs) {
    const input = readInputSteroid(inputs);
    const target = inputs.text(TARGET);
    if (!input || target === undefined) return inputs.incomputable();
    const table = inputs.isV1 ? V1_RELATIVE : EQUIVALENT_MG;
    const key = (name: string) => (inputs.isV1 ? name : normalize(name));
    const from = table[key(input.name)];
    const to = table[key(target)];
    if (from === undefined) inputs.missing.push(`${INPUT} ('${input.name}' is not in the equivalence table)`);
    if (to === undefined) inputs.missing.push(`${TARGET} ('${target}' is not in the equivalence table)`);
    const mg = convertDrugMass(inputs, INPUT, input.dose, input.unit, 'mg');
    if (inputs.incomplete || from === undefined || to === undefined || mg === undefined) return inputs.incomputable();
    if (inputs.isV1) {
      const factor = inputs.step(
        `v1.0 factor = ${to} / ${from} (potency relative to dexamethasone), rounded`,
        { from, to },
        roundV1(to / from),
      );
      return inputs.result(
        'decimal',
        inputs.step(`${mg} mg ${input.name} × ${factor}, rounded`, { mg, factor }, roundV1(mg * factor)),
      );
    }
    inputs.step(
      'equivalence table: MDCalc Steroid Conversion (mg of equal glucocorticoid effect)',
      { [input.name]: from, [target]: to },
      to / from,
    );
    const dose = inputs.step(`${target} dose = ${input.name} dose × ${to} / ${from}`, { mg }, (mg * to) / from);
    return inputs.result('decimal', dose);
  },
});

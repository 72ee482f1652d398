import type { CalculatorDefinition, CalcResult } from '../../calculators/types.js';
import type { Entities } from '../../label/types.js';
import { analyteMentions, groundEntity, type NoteIndex } from './ground.js';
import { numberMentions } from './numbers.js';
import { plausibleRange, RESULT_RANGES } from './plausibility.js';
import { synonymsOf } from './synonyms.js';
import type { EvidenceSpan, ImplausibleFinding, LabelEvidence } from './types.js';

export interface EvidenceInput {
  note: string;
  entities: Entities;
  calculator?: Pick<CalculatorDefinition, 'id' | 'entitySchema'>;
  /** The reference calculator's result on the stored entities (its warnings and its value are checked). */
  reference?: CalcResult | null;
}

/**
 * The offline evidence checks of one label: every entity grounded in the note, every value and the
 * result checked against plausible ranges, every required input looked for. Pure and deterministic.
 */
export function checkEvidence(input: EvidenceInput): LabelEvidence {
  const index: NoteIndex = { note: input.note, numbers: numberMentions(input.note) };
  const groundings = Object.entries(input.entities).map(([key, value]) => groundEntity(key, value, index));
  const implausible: ImplausibleFinding[] = [];
  for (const [key, value] of Object.entries(input.entities)) {
    const pair =
      Array.isArray(value) && typeof value[0] === 'number'
        ? { v: value[0], unit: typeof value[value.length - 1] === 'string' ? (value[value.length - 1] as string) : '' }
        : typeof value === 'number'
          ? { v: value, unit: '' }
          : undefined;
    if (!pair) continue;
    const r = plausibleRange(key, pair.unit);
    if (r && (pair.v < r.range[0] || pair.v > r.range[1]))
      implausible.push({ what: key, value: pair.v, unit: pair.unit, range: r.range, source: r.source });
  }
  const adultWeight = implausibleAdultWeight(input.entities);
  if (adultWeight) implausible.push(adultWeight);
  const ref = input.reference;
  if (input.calculator && ref && !ref.incomputable && typeof ref.value === 'number') {
    const r = RESULT_RANGES[input.calculator.id];
    if (r && (ref.value < r.range[0] || ref.value > r.range[1]))
      implausible.push({ what: 'result', value: ref.value, unit: '', range: r.range, source: r.source });
  }
  const calculatorWarnings = ref ? ref.steps.filter((s) => /^warning\b/i.test(s.what)).map((s) => s.what) : [];
  const missingFromNote: string[] = [];
  const required = input.calculator
    ? [...requiredKeys(input.calculator.entitySchema), ...(NEEDED_INPUTS[input.calculator.id] ?? [])]
    : [];
  for (const key of required) {
    const syn = synonymsOf(key);
    if (!syn?.measured) continue;
    if (key in input.entities && typeof input.entities[key] !== 'boolean') {
      const g = groundings.find((x) => x.entity === key);
      // A required measured value that the note neither names nor contains came from nowhere: the
      // note most likely lacks it, the paper's N/A.
      if (g && g.status === 'not-found' && analyteMentions(input.note, syn, index).length === 0)
        missingFromNote.push(key);
    } else if (analyteMentions(input.note, syn, index).length === 0) {
      missingFromNote.push(key);
    }
  }
  return { groundings, implausible, missingFromNote, calculatorWarnings };
}

/**
 * Inputs a published formula uses that have no safe default, beyond the entity schema's required
 * keys (which list what the implementation cannot run without): MDRD's race coefficient (Levey et al.,
 * Ann Intern Med 2006), the HEART score's ECG and troponin components (Six et al., Neth Heart J 2008).
 */
const NEEDED_INPUTS: Record<number, string[]> = {
  9: ['Race'],
  18: ['Initial troponin', 'Electrocardiogram Test'],
  // Centor/McIsaac (McIsaac et al., CMAJ 1998) and FeverPAIN (Little et al., BMJ 2013) score findings of
  // a throat examination.
  20: ['Exudate or swelling on tonsils', 'Tender/swollen anterior cervical lymph nodes'],
  33: ['Purulent tonsils', 'Severe tonsil inflammation'],
};

/**
 * An adult (18 years or older) weighing under 25 kg: below the lowest weights survived in extreme
 * starvation (BMI about 7–9 at adult heights; Henry et al., "Minimum BMI compatible with life", and
 * WHO BMI classification), so the number is almost certainly a child's, a unit slip or a misread.
 */
function implausibleAdultWeight(entities: Entities): ImplausibleFinding | undefined {
  const age = entities.age;
  const weight = entities.weight;
  if (!Array.isArray(age) || !Array.isArray(weight) || typeof age[0] !== 'number' || typeof weight[0] !== 'number')
    return undefined;
  const years = age[1] === 'months' ? age[0] / 12 : age[0];
  const unit = String(weight[1]);
  const kg = unit === 'lbs' || unit === 'lb' ? weight[0] * 0.453592 : unit === 'g' ? weight[0] / 1000 : weight[0];
  if (years < 18 || kg >= 25) return undefined;
  return {
    what: 'weight',
    value: weight[0],
    unit,
    range: [25, 650],
    source: 'adult weight below the minimum compatible with life (BMI ≈ 7–9 at adult heights)',
  };
}

function requiredKeys(schema: Record<string, unknown>): string[] {
  const r = schema.required;
  return Array.isArray(r) ? r.filter((k): k is string => typeof k === 'string') : [];
}

/** The spans a review page highlights (the entities that were found, and where). */
export function evidenceSpans(evidence: LabelEvidence): EvidenceSpan[] {
  return evidence.groundings.map(({ entity, start, end, text, status }) => ({ entity, start, end, text, status }));
}

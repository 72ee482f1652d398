import type { EntityValue } from '../../label/types.js';
import { type NumberMention, sameNumber, textAfter } from './numbers.js';
import { synonymsOf, type EntitySynonyms } from './synonyms.js';
import type { EntityGrounding, GroundingStatus } from './types.js';
import { conversionFactor, temperatureInUnit, entityUnitId, sameUnit, type UnitId, unitAfter } from './units.js';

/** How far (characters) a number may sit from a mention of its analyte: "creatinine was elevated at 1.4". */
const BEFORE_WINDOW = 60;
const AFTER_WINDOW = 25;
/** Cues that the finding after them is absent ("denies chest pain", "no history of hypertension"). */
const NEGATION =
  /\b(?:no|not|denie[sd]|denying|without|negative for|absence of|absent|free of|ruled out|never had|never)\b[^.;\n]*$/i;

interface Mention {
  start: number;
  end: number;
}

export interface NoteIndex {
  note: string;
  numbers: NumberMention[];
  /** Mentions found so far, per synonym entry (several entities and checks share an entry). */
  mentions?: Map<EntitySynonyms, Mention[]>;
}

/** Where the note names an entity (by its synonym table entry). */
export function analyteMentions(note: string, syn: EntitySynonyms, index?: NoteIndex): Mention[] {
  const known = index?.mentions?.get(syn);
  if (known) return known;
  const out: Mention[] = [];
  for (const m of note.matchAll(syn.names)) out.push({ start: m.index, end: m.index + m[0].length });
  if (index) {
    index.mentions ??= new Map();
    index.mentions.set(syn, out);
  }
  return out;
}

function near(number: NumberMention, mentions: Mention[]): boolean {
  return mentions.some(
    (a) =>
      (a.end <= number.start && number.start - a.end <= BEFORE_WINDOW) ||
      (a.start >= number.end && a.start - number.end <= AFTER_WINDOW) ||
      (a.start <= number.start && a.end >= number.end),
  );
}

function result(
  entity: string,
  status: GroundingStatus,
  detail: string,
  measured: boolean,
  span?: { start: number; end: number; text: string },
): EntityGrounding {
  return { entity, status, detail, measured, start: span?.start ?? -1, end: span?.end ?? -1, text: span?.text ?? '' };
}

/** The values, in other units, that a note could write for the entity's value (a correct conversion). */
function equivalents(value: number, unit: UnitId | undefined, syn: EntitySynonyms | undefined): number[] {
  const out = [value];
  // Counts: per µL as written (149000), in thousands (149 K, 149 × 10³/µL), per L (1.49 × 10¹¹), and entities stored
  // per L.
  if (syn?.count) out.push(value / 1000, value * 1e6, value / 1e6, value * 1000, value / 1e9);
  if (!unit) return out;
  for (const to of [
    'mg/dL',
    'µmol/L',
    'mmol/L',
    'g/dL',
    'g/L',
    'kg',
    'lb',
    'cm',
    'm',
    'in',
    'degC',
    'degF',
  ] as UnitId[]) {
    if (to === unit) continue;
    const t = syn?.analyte === 'temperature' ? temperatureInUnit(value, unit, to) : undefined;
    const f = conversionFactor(syn?.analyte, unit, to);
    if (t !== undefined) out.push(t);
    else if (f !== undefined) out.push(value * f);
  }
  return out;
}

function closeTo(mention: NumberMention, value: number): boolean {
  return sameNumber(mention, value) || Math.abs(mention.value - value) <= 0.02 * Math.abs(value);
}

/** Grounds one numeric entity (a [value, unit] pair or a bare number such as INR or pH). */
function groundNumber(key: string, value: number, unit: string | undefined, index: NoteIndex): EntityGrounding {
  const syn = synonymsOf(key);
  const measured = syn?.measured === true;
  const unitId = unit ? entityUnitId(unit) : undefined;
  const exact = index.numbers.filter(
    (m) =>
      sameNumber(m, value) || (syn?.count === true && equivalents(value, undefined, syn).some((v) => sameNumber(m, v))),
  );
  if (!syn) {
    const hit = exact[0];
    return hit
      ? result(key, 'grounded', 'the number is in the note (no synonym table for this key)', false, hit)
      : result(key, 'not-found', 'the number is not in the note (no synonym table for this key)', false);
  }
  const mentions = analyteMentions(index.note, syn, index);
  const nearExact = exact.filter((m) => near(m, mentions));
  for (const m of nearExact) {
    const written = unitAfter(textAfter(index.note, m));
    if (!written || !unitId || sameUnit(written, unitId, syn.monovalent === true) || syn.count)
      return result(key, 'grounded', 'the number is written next to the analyte', measured, m);
  }
  const others = equivalents(value, unitId, syn).slice(1);
  const converted = index.numbers.find((m) => near(m, mentions) && others.some((v) => closeTo(m, v)));
  if (converted)
    return result(
      key,
      'grounded',
      `the note writes it in another unit (${converted.text}${textAfter(index.note, converted).slice(0, 10)}), ` +
        `converted correctly`,
      measured,
      converted,
    );
  if (nearExact.length > 0) {
    const m = nearExact[0];
    return result(
      key,
      'grounded-other-unit',
      `the note writes ${m.text} ${unitAfter(textAfter(index.note, m))}, the entity says ${value} ${unit}`,
      measured,
      m,
    );
  }
  if (exact.length > 0)
    return result(key, 'grounded', 'the number is in the note, away from any name of the analyte', measured, exact[0]);
  const nearAny = index.numbers.filter((m) => near(m, mentions));
  if (mentions.length > 0 && nearAny.length > 0) {
    const m = nearAny[0];
    return result(
      key,
      'contradicted',
      `the note names it near ${nearAny
        .slice(0, 3)
        .map((x) => x.text)
        .join(', ')}, never ${value}`,
      measured,
      m,
    );
  }
  return result(
    key,
    'not-found',
    mentions.length > 0
      ? 'the note names it but gives no number for it'
      : 'the note neither names it nor has the number',
    measured,
  );
}

/** Grounds a true/false finding: true wants an un-negated mention, false a negated one or none. */
function groundBoolean(key: string, value: boolean, index: NoteIndex): EntityGrounding {
  const note = index.note;
  const syn = synonymsOf(key);
  if (!syn) return result(key, 'not-found', 'no synonym table for this finding', false);
  const mentions = analyteMentions(note, syn, index).map((m) => ({
    ...m,
    negated: NEGATION.test(note.slice(Math.max(0, m.start - BEFORE_WINDOW), m.start)),
  }));
  const positive = mentions.find((m) => !m.negated);
  const negative = mentions.find((m) => m.negated);
  const span = (m: Mention) => ({ start: m.start, end: m.end, text: note.slice(m.start, m.end) });
  if (value) {
    if (positive) return result(key, 'grounded', 'the finding is stated', false, span(positive));
    if (negative) return result(key, 'contradicted', 'the note states it is absent', false, span(negative));
    return result(key, 'not-found', 'the note does not mention it', false);
  }
  if (negative && !positive) return result(key, 'grounded', 'the note states it is absent', false, span(negative));
  if (positive)
    return result(key, 'contradicted', 'the note mentions the finding without a negation', false, span(positive));
  return result(key, 'grounded', 'not mentioned, consistent with absent', false);
}

const SEX: Record<string, RegExp> = {
  male: /\b(?:man|male|gentleman|boy|he|his|him|mr)\b/gi,
  female: /\b(?:woman|female|lady|girl|she|her|mrs|ms|pregnan\w*)\b/gi,
};

function groundString(key: string, value: string, note: string): EntityGrounding {
  if (key === 'sex') {
    const want = value.toLowerCase() === 'male' ? SEX.male : SEX.female;
    const other = value.toLowerCase() === 'male' ? SEX.female : SEX.male;
    const hit = [...note.matchAll(want)][0];
    if (hit)
      return result(key, 'grounded', 'the note uses words of this sex', false, {
        start: hit.index,
        end: hit.index + hit[0].length,
        text: hit[0],
      });
    const against = [...note.matchAll(other)][0];
    if (against)
      return result(key, 'contradicted', 'the note uses words of the other sex only', false, {
        start: against.index,
        end: against.index + against[0].length,
        text: against[0],
      });
    return result(key, 'not-found', 'the note does not say', false);
  }
  const at = note.toLowerCase().indexOf(value.toLowerCase());
  if (at >= 0)
    return result(key, 'grounded', 'the text is in the note', false, {
      start: at,
      end: at + value.length,
      text: note.slice(at, at + value.length),
    });
  return result(key, 'not-found', 'the text is not in the note verbatim', false);
}

/** The evidence for one entity of a label in its note. */
export function groundEntity(key: string, value: EntityValue, index: NoteIndex): EntityGrounding {
  if (typeof value === 'boolean') return groundBoolean(key, value, index);
  if (typeof value === 'number') return groundNumber(key, value, undefined, index);
  if (typeof value === 'string') return groundString(key, value, index.note);
  if (Array.isArray(value)) {
    const number = value.find((v): v is number => typeof v === 'number');
    const unit = value[value.length - 1];
    if (number !== undefined) return groundNumber(key, number, typeof unit === 'string' ? unit : undefined, index);
  }
  return result(key, 'not-found', 'a value of this shape is not grounded', false);
}

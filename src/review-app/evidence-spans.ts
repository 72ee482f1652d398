import type { Entities, EntityValue } from '../label/types.js';

/**
 * Where an entity's evidence is in the note, in the shape src/verifiers' grounding gives:
 * `status` is `found` when the text is there, `not-found` when the entity's value appears nowhere.
 */
export interface EvidenceSpan {
  entity: string;
  start: number;
  end: number;
  text: string;
  status: 'found' | 'not-found';
}

/** Finds entity evidence in a note. The page takes any locator; this one is the simple default. */
export type EvidenceLocator = (note: string, entities: Entities) => EvidenceSpan[];

/**
 * A plain-text locator, honest about what it can do: for a measured value ([90, "kg"]) it finds the
 * number as written (90, 90.0) where no digit touches it; for a text value ("Female", a date) the text
 * itself, case-insensitively; for a finding (true/false) nothing, since the note words it freely. One
 * span per entity: the first occurrence. Entities it cannot place are `not-found`, never guessed.
 */
export const findEvidenceInText: EvidenceLocator = (note, entities) => {
  const spans: EvidenceSpan[] = [];
  const lower = note.toLowerCase();
  for (const [entity, value] of Object.entries(entities)) {
    const hit = candidates(value)
      .map((c) => firstStandalone(lower, c.toLowerCase()))
      .filter((h) => h !== undefined)
      .sort((a, b) => a![0] - b![0])[0];
    if (hit) spans.push({ entity, start: hit[0], end: hit[1], text: note.slice(hit[0], hit[1]), status: 'found' });
    else spans.push({ entity, start: -1, end: -1, text: '', status: 'not-found' });
  }
  return spans;
};

function candidates(value: EntityValue): string[] {
  if (typeof value === 'number') return numberForms(value);
  if (typeof value === 'string') return value.trim().length >= 2 ? [value.trim()] : [];
  if (Array.isArray(value) && typeof value[0] === 'number') return numberForms(value[0]);
  return [];
}

function numberForms(n: number): string[] {
  const plain = String(n);
  const forms = new Set([plain, n.toLocaleString('en-US')]);
  if (Number.isInteger(n)) forms.add(`${n}.0`);
  return [...forms];
}

/** [start, end) of the first occurrence of `needle` not glued to another digit or letter-digit run. */
function firstStandalone(hay: string, needle: string): [number, number] | undefined {
  if (needle === '') return undefined;
  const numeric = /^[\d.,]+$/.test(needle);
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1] ?? ' ';
    const after = hay[at + needle.length] ?? ' ';
    const glued = numeric
      ? /[\d.]/.test(before) || /\d/.test(after) || (after === '.' && /\d/.test(hay[at + needle.length + 1] ?? ''))
      : /[a-z0-9]/.test(before) || /[a-z0-9]/.test(after);
    if (!glued) return [at, at + needle.length];
  }
  return undefined;
}

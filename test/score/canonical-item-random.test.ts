import { describe, expect, it } from 'vitest';
import type { Label } from '../../src/label/types.js';
import { CanonicalItemCache, canonicalScoringItem } from '../../src/score/canonical-item.js';
import { scoringItem } from '../../src/score/items.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { mulberry32 } from '../../src/stats/random.js';
import { makeLabel } from '../helpers/labels.js';

// Pieces that sit where the reader looks: member-like lines, the keys it wants and their neighbours in
// sort order, escapes, control characters, non-ASCII (UTF-8 of two, three and four bytes).
const PIECES = [
  'a',
  'Z',
  '0',
  '7',
  ' ',
  '"',
  '\\',
  '\n',
  '\t',
  '\u0001',
  '\u007f',
  'é',
  '×10⁹',
  '😀',
  '\u2028',
  '\n  "id": ',
  '"id": ',
  '\n  "split": "x"',
  '\n  "source": {',
  '\n    "row": 5',
  '"row": ',
  ',\n',
  '}',
  '{',
  '\n  "answer": {',
  '\n  "calculator": null',
];
const KEYS = [
  'answer0',
  'answe',
  'calculatorx',
  'i',
  'id ',
  'id"',
  'idx',
  'sourcd',
  'sourcf',
  'spli',
  'split0',
  'row',
  '',
  ' id',
];

function randomText(next: () => number, max = 8): string {
  let out = '';
  const n = Math.floor(next() * max);
  for (let k = 0; k < n; k++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)];
}

function randomRow(next: () => number): unknown {
  return pick(next, [
    Math.floor(next() * 100000),
    0,
    7,
    2 ** 53 - 1,
    10 ** 15,
    10 ** 15 - 1,
    123456789012345,
    -3,
    1.5,
    1e21,
    1e-7,
    '12',
    null,
    [1],
    { row: 3 },
    true,
  ]);
}

function randomSource(next: () => number): unknown {
  const source: Record<string, unknown> = { ...makeLabel().source };
  const shape = next();
  if (shape < 0.1) delete source.row;
  else source.row = randomRow(next);
  if (next() < 0.3) source.nested = { row: randomRow(next), deeper: { row: 9 } };
  if (next() < 0.3) source[pick(next, ['row"', 'rows', 'ro', 'Row', 'row '])] = randomRow(next);
  if (next() < 0.2) source.note = randomText(next);
  if (shape > 0.97) return pick(next, [null, 'row 1', [source], {}]);
  return source;
}

function randomLabel(next: () => number): Record<string, unknown> {
  const label: Record<string, unknown> = {
    ...makeLabel(),
    id: next() < 0.5 ? `synth-${Math.floor(next() * 1e6)}` : randomText(next) || 'x',
    split: next() < 0.7 ? pick(next, ['test', 'synth', 'demo']) : randomText(next),
    calculator:
      next() < 0.95
        ? {
            id: Math.floor(next() * 70),
            name: randomText(next) || 'BMI',
            category: pick(next, ['lab', 'physical', randomText(next)]),
          }
        : pick(next, [null, 'calc', [1], {}]),
    source: randomSource(next),
    note: randomText(next, 40),
    explanation: randomText(next, 20),
    question: randomText(next),
    entities: { [randomText(next, 3)]: randomText(next, 3), id: randomText(next, 2), split: [randomText(next, 2)] },
    answer: pick(next, [
      { kind: 'decimal', value: next() * 100, lower: next(), upper: 1e21 },
      { kind: 'integer', value: Math.floor(next() * 10), lower: 0, upper: 9 },
      { kind: 'date', value: randomText(next, 3), lower: '2021-03-07', upper: '2021-03-07' },
      { kind: 'gestational-age', value: [9, 6], lower: [9, 6], upper: [9, 6] },
      { kind: 'incomputable', value: null, reason: randomText(next) },
    ]),
  };
  if (next() < 0.3) label.revision = { previous: label.answer, rationale: randomText(next) };
  if (next() < 0.3) label[pick(next, KEYS)] = next() < 0.5 ? randomText(next) : { id: 'evil', row: 1 };
  if (next() < 0.05) delete label[pick(next, ['id', 'split', 'answer', 'calculator', 'source'])];
  return label;
}

/** What the full parse gives (undefined where it cannot make an item: the caller then reports the label). */
function fullParse(bytes: Buffer): ReturnType<typeof scoringItem> | undefined {
  try {
    return scoringItem(JSON.parse(bytes.toString('utf8')) as Label);
  } catch {
    return undefined;
  }
}

describe('canonicalScoringItem against the full parse', () => {
  it('gives the full parse item for random canonical labels, or undefined only where it must', () => {
    const next = mulberry32(11).uniform;
    const cache = new CanonicalItemCache();
    let cut = 0;
    for (let k = 0; k < 4000; k++) {
      const label = randomLabel(next);
      const bytes = Buffer.from(canonicalJson(label), 'utf8');
      const item = canonicalScoringItem(bytes, cache);
      const wellFormed =
        ['id', 'split', 'answer', 'calculator', 'source'].every((key) => key in label) &&
        [label.calculator, label.source].every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
      if (wellFormed) expect(item, canonicalJson(label)).toBeDefined();
      if (item) {
        cut++;
        expect(item, canonicalJson(label)).toEqual(fullParse(bytes));
      }
    }
    expect(cut).toBeGreaterThan(3000);
  });

  it('gives the full parse item for byte mutations that are still canonical, and only then is relied on', () => {
    const next = mulberry32(12).uniform;
    const cache = new CanonicalItemCache();
    const alphabet = Buffer.from('0123456789-.e"\\ ,:{}[]\nabnrtu', 'latin1');
    let checked = 0;
    for (let k = 0; k < 3000; k++) {
      const bytes = Buffer.from(canonicalJson(randomLabel(next)), 'utf8');
      // Mostly inside the members read (the first few hundred bytes and the last few hundred).
      const at =
        next() < 0.5
          ? Math.floor(next() * Math.min(bytes.length, 300))
          : bytes.length - 1 - Math.floor(next() * Math.min(bytes.length, 400));
      const mutated = Buffer.from(bytes);
      mutated[at] = alphabet[Math.floor(next() * alphabet.length)];
      let parsed: unknown;
      try {
        parsed = JSON.parse(mutated.toString('utf8'));
      } catch {
        continue;
      }
      // The reader is only handed bytes that hashed to a manifest item, that is, canonical bytes.
      if (canonicalJson(parsed) !== mutated.toString('utf8')) continue;
      checked++;
      const item = canonicalScoringItem(mutated, cache);
      if (item) expect(item).toEqual(fullParse(mutated));
    }
    expect(checked).toBeGreaterThan(500);
  });
});

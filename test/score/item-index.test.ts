import { describe, expect, it } from 'vitest';
import { ItemIndex, type ScoringItem } from '../../src/score/items.js';

/** The index as it was built before its maps were made lazily: the reference the class must agree with. */
function eagerIndex(versions: readonly (readonly ScoringItem[])[]) {
  const ids: string[] = [];
  const byId = new Map<string, number>();
  const byRow = new Map<number, number>();
  const rows: number[] = [];
  for (const items of versions) {
    for (const item of items) {
      if (byId.has(item.id)) continue;
      const at = ids.length;
      ids.push(item.id);
      byId.set(item.id, at);
      const other = byRow.get(item.row);
      byRow.set(item.row, other === undefined ? at : -1);
      rows.push(item.row);
    }
  }
  const uniqueRows = rows.map((row, at) => (byRow.get(row) === at ? row : -1));
  return { ids, byId, byRow, uniqueRows };
}

/** A small seeded generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function item(id: string, row: number): ScoringItem {
  return {
    id,
    split: 'test',
    row,
    calculatorId: 4,
    calculatorName: 'CHA2DS2-VASc',
    category: 'risk',
    answer: { kind: 'integer', value: 1, lower: 1, upper: 1 },
  };
}

function randomVersion(next: () => number): ScoringItem[] {
  const n = Math.floor(next() * 30);
  const items = Array.from({ length: n }, () => item(`test-${Math.floor(next() * 40)}`, Math.floor(next() * 25)));
  // Half the versions come sorted by id with each id once, as loadVersionItems hands them over.
  if (next() < 0.5) {
    const seen = new Map(items.map((i) => [i.id, i]));
    return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return items;
}

describe('ItemIndex', () => {
  it('agrees with the eager index on random versions: positions by id and by row, unique rows', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const versions = Array.from({ length: next() < 0.6 ? 1 : 2 }, () => randomVersion(next));
      const want = eagerIndex(versions);
      const index = ItemIndex.of(versions);
      expect(index.ids, `seed ${seed}`).toEqual(want.ids);
      expect(index.size).toBe(want.ids.length);
      // Asked in a random order: the rows' table first, or the ids' map first.
      if (next() < 0.5) for (let k = 0; k < index.size; k++) expect(index.uniqueRowAt(k)).toBe(want.uniqueRows[k]);
      for (let id = 0; id < 45; id++) expect(index.positionOf(`test-${id}`)).toBe(want.byId.get(`test-${id}`));
      for (let row = 0; row < 30; row++) expect(index.positionOfRow(row), `seed ${seed}`).toBe(want.byRow.get(row));
      for (let k = 0; k < index.size; k++) expect(index.uniqueRowAt(k), `seed ${seed}`).toBe(want.uniqueRows[k]);
    }
  });

  it('a version sorted with each id once is indexed in its own order; an unsorted one keeps first appearances', () => {
    const sorted = [item('a', 1), item('b', 2), item('c', 1)];
    expect(ItemIndex.of([sorted]).ids).toEqual(['a', 'b', 'c']);
    expect(ItemIndex.of([sorted]).positionOfRow(1)).toBe(-1);
    const repeated = [item('b', 2), item('a', 1), item('b', 3)];
    const index = ItemIndex.of([repeated]);
    expect(index.ids).toEqual(['b', 'a']);
    expect(index.positionOfRow(3)).toBeUndefined();
  });
});

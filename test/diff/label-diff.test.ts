import { diff } from 'json-diff-ts';
import { describe, expect, it } from 'vitest';
import { diffLabel, withoutSharedMembers } from '../../src/diff/label-diff.js';
import type { Label } from '../../src/label/types.js';
import { mulberry32 } from '../../src/stats/random.js';

const OPTIONS = { embeddedObjKeys: { signoffs: 'signature' } };

/** A random JSON value, small enough that two of them often share members. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 5 : 8));
  if (pick === 0) return null;
  if (pick === 1) return Math.floor(next() * 3);
  if (pick === 2) return ['a', 'b', '', '__proto__'][Math.floor(next() * 4)];
  if (pick === 3) return next() < 0.5;
  if (pick === 4) return -0;
  if (pick === 5) return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
  if (pick === 6)
    return Array.from({ length: Math.floor(next() * 3) }, (_, k) => ({ signature: `s${k}`, v: randomValue(next, 3) }));
  const out: Record<string, unknown> = {};
  for (const key of ['a', 'b', 'c', '1', 'signoffs', '__proto__']) {
    if (next() < 0.45) Object.defineProperty(out, key, { value: randomValue(next, depth + 1), enumerable: true });
  }
  return out;
}

/** `value` with some of its members changed, added or removed (the rest shared), as a relabel does. */
function mutate(value: unknown, next: () => number, depth: number): unknown {
  if (next() < 0.15) return randomValue(next, depth);
  if (Array.isArray(value)) return next() < 0.3 ? [...value].reverse() : value.map((v) => mutate(v, next, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (next() < 0.1) continue;
    Object.defineProperty(out, key, { value: next() < 0.6 ? v : mutate(v, next, depth + 1), enumerable: true });
  }
  if (next() < 0.2) out.added = randomValue(next, depth + 1);
  return out;
}

/** The changeset as JSON, or json-diff-ts' error (it throws on sign-offs that are not objects). */
function changesetOrError(before: object, after: object): string {
  try {
    return JSON.stringify(diff(before, after, OPTIONS));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('withoutSharedMembers', () => {
  it('leaves json-diff-ts a changeset equal to the one of the whole objects', () => {
    const next = mulberry32(11).uniform;
    let pruned = 0;
    for (let trial = 0; trial < 3000; trial++) {
      // JSON text in and out, as labels are read: own __proto__ members, -0 and key order as JSON.parse makes them.
      const members = ['a', 'b', 'c', '1', 'signoffs', ...(trial % 10 ? [] : ['__proto__'])];
      const before = JSON.parse(
        `{${members.map((key) => `${JSON.stringify(key)}: ${JSON.stringify(randomValue(next, 1))}`).join(', ')}}`,
      );
      const after = JSON.parse(JSON.stringify(mutate(before, next, 0)));
      if (typeof after !== 'object' || after === null || Array.isArray(after)) continue;
      const [a, b] = withoutSharedMembers(before, after);
      if (Object.keys(a).length < Object.keys(before).length) pruned++;
      expect(changesetOrError(a, b)).toBe(changesetOrError(before, after));
    }
    expect(pruned).toBeGreaterThan(1000);
  });

  it('drops shared members at every level of objects, never inside arrays', () => {
    const before = { note: 'long', source: { row: 1, noteId: 'x' }, entities: [1, 2, 3], signoffs: [] };
    const after = { note: 'long', source: { row: 1, noteId: 'y' }, entities: [1, 2, 4], signoffs: [] };
    expect(withoutSharedMembers(before, after)).toEqual([
      { source: { noteId: 'x' }, entities: [1, 2, 3] },
      { source: { noteId: 'y' }, entities: [1, 2, 4] },
    ]);
  });

  it('keeps an object with an own __proto__ member whole', () => {
    const before = JSON.parse('{"__proto__": {"a": 1}, "b": 1}');
    const after = JSON.parse('{"__proto__": {"a": 1}, "b": 2}');
    const [a, b] = withoutSharedMembers(before, after);
    expect(a).toBe(before);
    expect(b).toBe(after);
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
  });
});

describe('diffLabel', () => {
  it('names the changed fields of a label, the shared ones left out', () => {
    const before = {
      id: 'test-000001',
      calculator: { id: 2, name: 'X', category: 'lab' },
      source: { row: 1, noteId: 'pmc-1' },
      note: 'n'.repeat(5000),
      answer: { kind: 'decimal', value: 4, lower: 3.8, upper: 4.2 },
      revision: null,
      signoffs: [],
    } as unknown as Label;
    const after = { ...before, answer: { ...before.answer, value: 5 }, source: { row: 1, noteId: 'pmc-2' } } as Label;
    const d = diffLabel('labels/test/x/test-000001.json', before, after);
    expect(d.fields.map((f) => f.path)).toEqual(['source.noteId', 'answer.value']);
    expect(JSON.stringify(d.changeset)).toBe(JSON.stringify(diff(before, after, OPTIONS)));
  });
});

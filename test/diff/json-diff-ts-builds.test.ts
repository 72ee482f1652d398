import { createRequire } from 'node:module';
import * as esm from 'json-diff-ts/dist/index.js';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/stats/random.js';

// src/diff/label-diff.ts imports json-diff-ts' ES module build by path (the package's "main" is its
// CommonJS build, slower to load from an ES module). Both builds must give the same changesets.
const cjs: typeof esm = createRequire(import.meta.url)('json-diff-ts');
const OPTIONS = { embeddedObjKeys: { signoffs: 'signature' } };

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 5 : 8));
  if (pick === 0) return null;
  if (pick === 1) return Math.floor(next() * 3) / 2;
  if (pick === 2) return ['a', 'b', '', 'long text '.repeat(8)][Math.floor(next() * 4)];
  if (pick === 3) return next() < 0.5;
  if (pick === 4) return [Math.floor(next() * 3), 'years'];
  if (pick === 5) return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
  if (pick === 6)
    return Array.from({ length: Math.floor(next() * 3) }, (_, k) => ({ signature: `s${k}`, v: randomValue(next, 3) }));
  const out: Record<string, unknown> = {};
  for (const key of ['a', 'b', 'c', '1', 'signoffs']) if (next() < 0.45) out[key] = randomValue(next, depth + 1);
  return out;
}

function outcome(build: typeof esm, before: object, after: object): string {
  try {
    const changeset = build.diff(before, after, OPTIONS);
    return JSON.stringify([changeset, build.atomizeChangeset(changeset)]);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('json-diff-ts builds', () => {
  it('the ES module build and the CommonJS build give the same changesets', () => {
    expect(cjs.diff).not.toBe(esm.diff);
    const next = mulberry32(7).uniform;
    for (let trial = 0; trial < 2000; trial++) {
      const before = { x: randomValue(next, 0), signoffs: randomValue(next, 1) };
      const after = next() < 0.2 ? before : { x: randomValue(next, 0), signoffs: randomValue(next, 1) };
      expect(outcome(esm, before, after)).toBe(outcome(cjs, before, after));
    }
  });
});

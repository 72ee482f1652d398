import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CompactItems } from '../../src/release/compact-items.js';
import { type ManifestItem, manifestOf, rootHash } from '../../src/release/manifest.js';
import { mulberry32 } from '../../src/stats/random.js';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

describe('CompactItems (a release holds its new manifest items so)', () => {
  it('gives back the same items, in order, across buffer chunks', () => {
    const item = (k: number): ManifestItem => [`id-${k}`, hex(`a${k}`), hex(`b${k}`), hex(`c${k}`)];
    const items = Array.from({ length: 70_000 }, (_, k) => item(k));
    const compact = new CompactItems();
    for (const item of items) compact.push(item);
    expect(compact.length).toBe(70_000);
    expect(compact.toItems()).toEqual(items);
  });

  it('refuses a hash that is not 64 lowercase hex digits instead of storing a different one', () => {
    const compact = new CompactItems();
    expect(() => compact.push(['x', 'A'.repeat(64), hex('b'), hex('c')])).toThrow(/not a sha256 hex digest/);
    expect(() => compact.push(['x', hex('a'), 'f'.repeat(63), hex('c')])).toThrow(/not a sha256 hex digest/);
    expect(compact.length).toBe(0);
  });

  it('sorted by id is the manifest manifestOf makes: same items, same order (ties as pushed), same root', () => {
    const random = mulberry32(11);
    // Ids out of order, some repeated (a tie keeps the order pushed, as manifestOf's stable sort does),
    // across more than one buffer chunk.
    const items = Array.from({ length: 70_000 }, (_, k): ManifestItem => {
      const id = `id-${random.nextIndex(50_000)}${k % 7 === 0 ? 'é' : ''}`;
      return [id, hex(`a${k}`), hex(`b${k}`), hex(`c${k}`)];
    });
    const compact = new CompactItems();
    for (const item of items) compact.push(item);
    const sorted = compact.sortedById();
    const expected = manifestOf(items);
    expect(sorted.length).toBe(expected.items.length);
    expect([...sorted]).toEqual(expected.items);
    expect(rootHash(sorted)).toBe(expected.root);
    expect(sorted.at(0)).toEqual(expected.items[0]);
    expect(sorted.at(-1)).toEqual(expected.items.at(-1));
    expect(sorted.at(70_000)).toBeUndefined();
    expect(JSON.parse(JSON.stringify({ items: sorted }))).toEqual({ items: expected.items });
  });
});

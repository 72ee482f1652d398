import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CompactItems } from '../../src/release/compact-items.js';
import type { ManifestItem } from '../../src/release/manifest.js';

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
});

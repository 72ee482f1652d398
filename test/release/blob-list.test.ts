import { describe, expect, it } from 'vitest';
import { BlobList, BlobListBuilder } from '../../src/release/blob-list.js';

describe('BlobList', () => {
  it('hands back the blobs it was given, in order, paths of any length and characters', () => {
    const refs = [
      { path: 'labels/a/demo-0001.json', oid: '1'.repeat(40) },
      { path: 'labels/größe/体重 💊.json', oid: 'a'.repeat(40) },
      { path: 'x', oid: 'f'.repeat(40) },
    ];
    const list = new BlobList(refs);
    expect(list.length).toBe(3);
    expect([...list]).toEqual(refs);
    expect(list.at(1)).toEqual(refs[1]);
    expect([...new BlobList([])]).toEqual([]);
    expect(() => new BlobList([refs[0], { path: 'y', oid: 'b'.repeat(64) }])).toThrow(/not a blob id/);
  });

  it('built one blob at a time (over several joined parts) and reordered, hands back the same blobs', () => {
    const refs = Array.from({ length: 10000 }, (_, k) => ({
      path: `labels/${k % 7 ? 'a' : 'größe'}/item-${k}${'x'.repeat(k % 5)}.json`,
      oid: k.toString(16).padStart(40, '0'),
    }));
    const builder = new BlobListBuilder();
    for (const ref of refs) builder.add(ref);
    const list = new BlobList(builder);
    expect([...list]).toEqual(refs);
    expect(list.pathAt(9999)).toBe(refs[9999].path);
    const places = [9999, 0, 4096, 4095, 17, 17];
    expect([...list.ordered(places)]).toEqual(places.map((k) => refs[k]));
    expect([...new BlobList(new BlobListBuilder())]).toEqual([]);
  });
});

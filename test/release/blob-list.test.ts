import { describe, expect, it } from 'vitest';
import { BlobList } from '../../src/release/blob-list.js';

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
});

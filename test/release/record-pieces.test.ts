import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ManifestItem, manifestOf, rootHash } from '../../src/release/manifest.js';
import { type ReleaseRecord, parseReleaseRecord, serializeReleaseRecordPieces } from '../../src/release/record.js';

const hex = (n: number, salt: string) => createHash('sha256').update(`${salt}${n}`).digest('hex');
const item = (k: number): ManifestItem => [`test-${String(k).padStart(7, '0')}`, hex(k, 'a'), hex(k, 'b'), hex(k, 'c')];
const items = (n: number): ManifestItem[] => Array.from({ length: n }, (_, k) => item(k));

/** The record as it was written before it was written in pieces (one string): the bytes must not change. */
function oneString(record: ReleaseRecord): string {
  const { manifest, ...rest } = record;
  const head = JSON.stringify({ ...rest, manifest: { ...manifest, items: [] } }, null, 2);
  const lines = [...manifest.items].map((i) => `      ${JSON.stringify(i)}`).join(',\n');
  return head.replace('"items": []', manifest.items.length ? `"items": [\n${lines}\n    ]` : '"items": []') + '\n';
}

function recordOf(n: number): ReleaseRecord {
  return {
    schema: 'medcalc-steward/release@1',
    name: 'bench "items": []',
    version: '1.0.0',
    previousVersion: null,
    date: '2026-12-02',
    labelCommit: 'a'.repeat(40),
    verifierOnlyAllowed: false,
    statistics: {} as ReleaseRecord['statistics'],
    checked: { rules: 'sha256:' + 'b'.repeat(64), signed: [] },
    manifest: manifestOf(items(n)),
  };
}

describe('the release record written in pieces', () => {
  it.each([0, 1, 3, 12_000])('has the bytes and the sha256 of the one-string record (%i items)', (n) => {
    const record = recordOf(n);
    const { pieces: iterable, sha256 } = serializeReleaseRecordPieces(record);
    const pieces = [...iterable];
    const text = oneString(record);
    if (n === 12_000) expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(text);
    // Made afresh for each reader (the hash, then the file writer): the same pieces again.
    expect([...iterable]).toEqual(pieces);
    expect(sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('hashes the root in slices as it hashed the joined lines', () => {
    const list = items(9_000);
    const joined =
      'sha256:' +
      createHash('sha256')
        .update(list.map((i) => `${i.join(' ')}\n`).join(''))
        .digest('hex');
    expect(rootHash(list)).toBe(joined);
    expect(rootHash([])).toBe('sha256:' + createHash('sha256').update('').digest('hex'));
  });

  it('still catches a record whose items do not hash to its root', () => {
    const text = oneString(recordOf(3)).replace(hex(1, 'b'), 'f'.repeat(64));
    expect(() => parseReleaseRecord(text, 'r.json')).toThrow(/RELEASE|root|corrupted/);
  });
});

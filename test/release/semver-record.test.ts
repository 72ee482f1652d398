import { describe, expect, it } from 'vitest';
import { buildManifest, rootHash } from '../../src/release/manifest.js';
import { parseReleaseRecord, serializeReleaseRecord, type ReleaseRecord } from '../../src/release/record.js';
import { compareSemver, parseSemver, tagOf } from '../../src/core/semver.js';
import { makeLabel } from '../helpers/labels.js';

describe('semver', () => {
  it('parses, compares and tags', () => {
    expect(parseSemver('v1.10.0')).toEqual([1, 10, 0]);
    expect(compareSemver(parseSemver('1.10.0'), parseSemver('1.9.3'))).toBeGreaterThan(0);
    expect(tagOf('1.1.0')).toBe('v1.1.0');
  });
  for (const bad of ['1.0', '01.0.0', '1.0.0-rc.1', 'latest', '']) {
    it(`rejects "${bad}" as input error`, () => expect(() => parseSemver(bad)).toThrow(/is not a release version/));
  }
});

describe('manifest and release record', () => {
  const labels = [makeLabel({ id: 'demo-0002' }), makeLabel()];
  const manifest = buildManifest(labels);
  const record = {
    schema: 'medcalc-steward/release@1',
    name: 'demo',
    version: '1.0.0',
    previousVersion: null,
    date: '2026-11-23',
    labelCommit: 'a'.repeat(40),
    verifierOnlyAllowed: false,
    statistics: {
      total: 2,
      added: 2,
      removed: 0,
      relabeled: 0,
      madeIncomputable: 0,
      confirmed: 0,
      unchanged: 0,
      byCategory: {},
      byCalculator: {},
      physicianSigned: 0,
      verifierOnly: 0,
      agreement: { rule: 'r', items: 0 },
    },
    manifest,
  } as unknown as ReleaseRecord;

  it('sorts items by id and hashes a root over them', () => {
    expect(manifest.items.map((i) => i[0])).toEqual(['demo-0001', 'demo-0002']);
    expect(manifest.root).toBe(rootHash(manifest.items));
    expect(buildManifest([...labels].reverse()).root).toBe(manifest.root);
    expect(buildManifest([makeLabel({ note: 'changed' }), labels[0]]).root).not.toBe(manifest.root);
  });
  it('round-trips and rejects a corrupted record', () => {
    const text = serializeReleaseRecord(record);
    const parsed = parseReleaseRecord(text, 'r.json');
    expect({ ...parsed, manifest: { ...parsed.manifest, items: [...parsed.manifest.items.items()] } }).toEqual(record);
    const tampered = text.replace(manifest.items[0][1], 'f'.repeat(64));
    expect(() => parseReleaseRecord(tampered, 'r.json')).toThrow(/corrupted release record: its items hash to/);
    expect(() => parseReleaseRecord('{"schema": 1', 'r.json')).toThrow(/r\.json: invalid JSON/);
    expect(() => parseReleaseRecord(JSON.stringify({ ...record, version: 'one' }), 'r.json')).toThrow(
      /corrupted release record: r\.json \/version/,
    );
  });
});

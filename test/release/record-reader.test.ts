import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StewardError } from '../../src/errors/index.js';
import { ExportTally } from '../../src/release/export-tally.js';
import { type ManifestItem, buildManifest, manifestOf, rootHash } from '../../src/release/manifest.js';
import { ManifestIndex } from '../../src/release/manifest-index.js';
import { type ReleaseRecord, parseReleaseRecord, serializeReleaseRecord } from '../../src/release/record.js';
import { sha256Hex } from '../../src/store/canonical.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { makeLabel } from '../helpers/labels.js';

const hex = (seed: string) => sha256Hex(seed);

/** A record of the given items (sorted and hashed as a release writes them, unless `raw`). */
function recordOf(items: ManifestItem[], raw = false): ReleaseRecord {
  const manifest = raw
    ? { algorithm: 'sha256' as const, count: items.length, root: rootHash(items), items }
    : manifestOf(items);
  return {
    schema: 'medcalc-steward/release@1',
    name: 'demo',
    version: '1.0.0',
    previousVersion: null,
    date: '2026-11-23',
    labelCommit: 'a'.repeat(40),
    verifierOnlyAllowed: false,
    statistics: {
      total: items.length,
      added: items.length,
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
}

const item = (id: string): ManifestItem => [id, hex(`${id} label`), hex(`${id} csv`), hex(`${id} jsonl`)];
const items3 = [item('demo-0001'), item('demo-0002'), item('demo-0003')];

/** The StewardError parseReleaseRecord throws for `text`. */
function problemOf(text: string): StewardError {
  try {
    parseReleaseRecord(text, 'changelogs/v1.0.0.json');
  } catch (error) {
    if (error instanceof StewardError) return error;
    throw error;
  }
  throw new Error('the record was accepted');
}

describe('parseReleaseRecord: the manifest items read compactly', () => {
  it('gives the items as written, from text or bytes, whatever the JSON layout', () => {
    const record = recordOf(items3);
    const written = serializeReleaseRecord(record);
    for (const text of [written, JSON.stringify(record), JSON.stringify(record, null, '\t').replace(/,/g, ' ,\r\n ')]) {
      for (const source of [text, Buffer.from(text, 'utf8')]) {
        const parsed = parseReleaseRecord(source, 'r.json');
        const { items, ...facts } = parsed.manifest;
        expect(facts).toEqual({ algorithm: 'sha256', count: 3, root: record.manifest.root });
        expect([...items.items()]).toEqual(items3);
        expect(parsed.statistics).toEqual(record.statistics);
      }
    }
  });

  it('answers lookups by id and place, and compares raw digests', () => {
    const { items } = parseReleaseRecord(serializeReleaseRecord(recordOf(items3)), 'r.json').manifest;
    expect(items.count).toBe(3);
    expect(items.idAt(1)).toBe('demo-0002');
    expect(items.indexOf('demo-0003')).toBe(2);
    expect(items.indexOf('demo-0000')).toBe(-1);
    expect(items.indexOf('demo-0004')).toBe(-1);
    expect(items.has('demo-0001')).toBe(true);
    expect(items.hashOf('demo-0002', 2)).toBe(hex('demo-0002 csv'));
    expect(items.hashOf('nope', 2)).toBeUndefined();
    expect(items.get('demo-0003')).toEqual(items3[2]);
    expect(items.matches(0, 3, Buffer.from(hex('demo-0001 jsonl'), 'hex'))).toBe(true);
    expect(items.matches(0, 1, Buffer.from(hex('demo-0001 jsonl'), 'hex'))).toBe(false);
    expect(items.column(1).toString('hex')).toBe(items3.map((i) => i[1]).join(''));
    expect([...items.ids()]).toEqual(['demo-0001', 'demo-0002', 'demo-0003']);
    expect(ManifestIndex.of([...items3].reverse()).get('demo-0002')).toEqual(items3[1]);
  });

  it('reads an empty manifest and ids with escapes and characters outside ASCII, hashing the root as rootHash does', () => {
    expect(parseReleaseRecord(serializeReleaseRecord(recordOf([])), 'r.json').manifest.items.count).toBe(0);
    const odd = ['a"quote', 'back\\slash', 'caf\u00e9', 'line\u2028sep', 'pill \u{1F48A}', 'tab\there'].map(item);
    const record = recordOf(odd);
    const parsed = parseReleaseRecord(serializeReleaseRecord(record), 'r.json');
    expect([...parsed.manifest.items.items()]).toEqual(record.manifest.items);
    for (const [k, i] of [...record.manifest.items].entries()) expect(parsed.manifest.items.indexOf(i[0])).toBe(k);
  });

  it('names the file, the item and its entry for an item of the wrong shape', () => {
    const written = serializeReleaseRecord(recordOf(items3));
    const cases: [string, string, RegExp][] = [
      [
        items3[1][2],
        items3[1][2].toUpperCase(),
        /\/manifest\/items\/1\/2 \(line \d+, column \d+\): must be a sha256 digest/,
      ],
      [items3[0][1], items3[0][1].slice(1), /\/manifest\/items\/0\/1 .*must be a sha256 digest/],
      [items3[2][3], `${items3[2][3].slice(2)}zz`, /\/manifest\/items\/2\/3 .*must be a sha256 digest/],
      [`"${items3[0][0]}"`, '7', /\/manifest\/items\/0\/0 .*must be string/],
      [`,"${items3[1][3]}"]`, ']', /\/manifest\/items\/1 .*it has 3 entries/],
      [`,"${items3[1][3]}"]`, `,"${items3[1][3]}","x"]`, /\/manifest\/items\/1 .*it has 5 entries/],
      [JSON.stringify(items3[2]), '{"id":"demo-0003"}', /\/manifest\/items\/2 .*not object/],
    ];
    for (const [from, to, message] of cases) {
      expect(written.includes(from)).toBe(true);
      const error = problemOf(written.replace(from, to));
      expect(error.code).toBe('RELEASE_INVALID');
      expect(error.message).toMatch(/^corrupted release record: changelogs\/v1\.0\.0\.json \/manifest\/items\//);
      expect(error.message).toMatch(message);
      expect(error.data.pointer).toMatch(/^\/manifest\/items\/\d/);
    }
  });

  it('names the item where the JSON breaks', () => {
    const written = serializeReleaseRecord(recordOf(items3));
    const cut = problemOf(written.slice(0, written.indexOf(items3[1][2]) + 10));
    expect(cut.code).toBe('RELEASE_BROKEN_JSON');
    expect(cut.message).toMatch(
      /^changelogs\/v1\.0\.0\.json: invalid JSON at \/manifest\/items\/1 \(line 32, column \d+\)/,
    );
    const noComma = problemOf(written.replace(`${JSON.stringify(items3[0])},`, JSON.stringify(items3[0])));
    expect(noComma.code).toBe('RELEASE_BROKEN_JSON');
    expect(noComma.message).toMatch(/invalid JSON at \/manifest\/items\/1 .*expected "," or "]" after an item/);
    const outside = problemOf(written.replace('"name": "demo"', '"name": demo'));
    expect(outside.code).toBe('RELEASE_BROKEN_JSON');
    expect(outside.message).toMatch(/^changelogs\/v1\.0\.0\.json: invalid JSON: /);
  });

  it('refuses a duplicate id, ids out of order and a second manifest, even when the root agrees', () => {
    const twice = problemOf(serializeReleaseRecord(recordOf([items3[0], items3[1], items3[1]], true)));
    expect(twice.code).toBe('RELEASE_INVALID');
    expect(twice.message).toMatch(
      /\/manifest\/items\/2\/0 \(line \d+, column \d+\): duplicate id "demo-0002" \(item 1 has it too\)/,
    );
    const unsorted = problemOf(serializeReleaseRecord(recordOf([items3[1], items3[0]], true)));
    expect(unsorted.message).toMatch(/\/manifest\/items\/1\/0 .*"demo-0001" is out of order/);
    const written = serializeReleaseRecord(recordOf(items3));
    const second = problemOf(written.replace('"name": "demo"', '"manifest": {}, "name": "demo"'));
    expect(second.message).toMatch(/"manifest" twice/);
  });

  it('refuses a hash changed to another valid digest, and a wrong count: the root no longer agrees', () => {
    const written = serializeReleaseRecord(recordOf(items3));
    const tampered = problemOf(written.replace(items3[1][3], hex('other')));
    expect(tampered.code).toBe('RELEASE_ROOT_MISMATCH');
    expect(tampered.message).toMatch(/changelogs\/v1\.0\.0\.json: corrupted release record: its items hash to/);
    expect(problemOf(written.replace('"count": 3', '"count": 4')).code).toBe('RELEASE_ROOT_MISMATCH');
    expect(problemOf(written.replace('"algorithm": "sha256"', '"algorithm": "md5"')).message).toMatch(
      /changelogs\/v1\.0\.0\.json \/manifest\/algorithm/,
    );
  });

  it('makes verify --release exit nonzero with the file and the pointer of a tampered item', async () => {
    const dir = await benchmarkWith('reader', [makeLabel(), makeLabel({ id: 'demo-0002' })]);
    expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
    const out = join(dir, '..', 'v1.jsonl');
    expect((await runCli(['export', '--version', '1.0.0', '--format', 'jsonl', '--out', out, '--dir', dir])).code).toBe(
      0,
    );
    const record = recordOf(buildManifest([makeLabel(), makeLabel({ id: 'demo-0002' })]).items);
    const file = join(dir, '..', 'tampered.json');
    writeFileSync(file, serializeReleaseRecord(record).replace(record.manifest.items.at(1)![3], 'x'.repeat(64)));
    const result = await runCli(['verify', out, '--release', file]);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(
      /tampered\.json \/manifest\/items\/1\/3 \(line \d+, column \d+\): must be a sha256 digest/,
    );
  });
});

describe('ExportTally', () => {
  it('lists changed items in the order found, missing ones in manifest order, repeats and strangers', () => {
    const manifest = ManifestIndex.of(items3);
    const tally = new ExportTally(manifest, 3);
    const digest = (seed: string) => Buffer.from(hex(seed), 'hex');
    tally.add('demo-0003', digest('wrong'));
    tally.add('demo-9999', digest('x'));
    tally.add('demo-0001', digest('demo-0001 jsonl'));
    tally.add('demo-0001', digest('wrong again'));
    tally.add('demo-9999', digest('x'));
    tally.add('demo-0003', digest('demo-0003 jsonl'));
    expect(tally.result()).toEqual({
      // The last occurrence is judged: demo-0003 ends right, demo-0001 ends wrong.
      changed: ['demo-0001'],
      missing: ['demo-0002'],
      unexpected: ['demo-9999'],
      reading: { items: 3, duplicated: ['demo-0001', 'demo-9999', 'demo-0003'], unreadable: [] },
    });
  });
});

/**
 * The streaming paths (exports from git or the disk, verify, score's items) give exactly what the
 * in-memory paths they replaced gave: on the real 1,047 rows of ../shared and on synthetic labels made
 * to be awkward (several splits whose ids do not follow Row Numbers, shared Row Numbers, multi-byte and
 * escaped text, a hand-formatted file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../src/exporters/export.js';
import { medcalcCsvFormat } from '../../src/exporters/medcalc-csv.js';
import { RowsOutOfOrder, writePinnedExport } from '../../src/exporters/pinned-stream.js';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import type { Label } from '../../src/label/types.js';
import { loadLabels } from '../../src/release/load-labels.js';
import { pinnedCsv, pinnedJsonl } from '../../src/release/pinned-export.js';
import { openRelease } from '../../src/release/stream-release.js';
import { scoringItemsOf } from '../../src/score/items.js';
import { loadVersionItems } from '../../src/score/load-items.js';
import { loadVersionLabels } from '../../src/score/load-version.js';
import { readAllLabels } from '../../src/store/read.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { gitCli, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { HAS_SHARED, V1_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

/** Every export the CLI makes of `dir`, compared with the in-memory renderings of the same labels. */
async function expectStreamingEqualsInMemory(dir: string, version: string): Promise<void> {
  const out = testdir();
  const release = await loadLabels({ dir, version });
  // Pinned JSONL, to a file and to standard output.
  const jsonlFile = join(out, 'pinned.jsonl');
  expect(
    (await runCli(['export', '--version', version, '--format', 'jsonl', '--out', jsonlFile, '--dir', dir])).code,
  ).toBe(0);
  expect(readFileSync(jsonlFile, 'utf8')).toBe(pinnedJsonl(release).join(''));
  const stdout = await runCli(['export', '--version', version, '--format', 'jsonl', '--dir', dir]);
  expect(stdout.out).toBe(pinnedJsonl(release).join(''));
  // Pinned CSV and its sidecar.
  const csvFile = join(out, 'pinned.csv');
  expect((await runCli(['export', '--version', version, '--out', csvFile, '--dir', dir])).code).toBe(0);
  const { csv, sidecar } = pinnedCsv(release);
  expect(readFileSync(csvFile, 'utf8')).toBe(csv.join(''));
  expect(readFileSync(`${csvFile}.manifest.json`, 'utf8')).toBe(sidecar);
  // Both verify, streaming.
  for (const file of [jsonlFile, csvFile]) {
    const verified = await runCli(['verify', file, '--dir', dir, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, items: release.labels.length });
  }
  // Working-tree exports, both formats, whole and by split.
  const onDisk = (await readAllLabels(dir)).map((f) => f.label);
  for (const format of ['jsonl', 'medcalc-csv'] as const) {
    expect((await runCli(['export', '--format', format, '--dir', dir])).out).toBe(
      renderExport(onDisk, { format }).join(''),
    );
    const split = onDisk[0].split;
    expect((await runCli(['export', '--format', format, '--split', split, '--dir', dir])).out).toBe(
      renderExport(onDisk, { format, split }).join(''),
    );
    // To a file: JSONL is then written in the paths' order, straight out (writePathOrderedExport).
    const file = join(out, `tree.${format}`);
    for (const only of [undefined, split]) {
      const args = ['export', '--format', format, '--out', file, '--dir', dir, ...(only ? ['--split', only] : [])];
      expect((await runCli(args)).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(renderExport(onDisk, { format, split: only }).join(''));
    }
  }
  // Score's items, cut down as they stream, equal those cut from the loaded labels.
  for (const v of [version, undefined, `v${version}`]) {
    const streamed = await loadVersionItems({ dir, version: v });
    const loaded = await loadVersionLabels({ dir, version: v });
    expect(streamed.items).toEqual(scoringItemsOf(loaded.labels));
    expect(streamed.note).toBe(loaded.note);
  }
}

describe.skipIf(!HAS_SHARED)('streaming equals in-memory on the real v1.0 (../shared)', () => {
  it('exports, verify and score items of the 1,047 real labels, released', async () => {
    const parent = testdir();
    expect((await runCli(['init', 'b', '--name', 'real', '--dir', parent])).code).toBe(0);
    const dir = join(parent, 'b');
    await importMedcalcBench({ dir, source: V1_CSV, split: 'test', sourceVersion: '1.0' });
    expect((await runCli(['commit', '-m', 'import v1.0', '--dir', dir])).code).toBe(0);
    expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
    await expectStreamingEqualsInMemory(dir, '1.0.0');
  }, 120_000);
});

describe('streaming equals in-memory on synthetic labels', () => {
  it('several splits, ids out of Row Number order, shared rows, escaped and multi-byte text, a hand-formatted file', async () => {
    const labels: Label[] = [];
    const texts = [
      'café — 37 °C, "quoted": yes',
      'back\\slash and tab\t and\nnewline',
      'emoji 🩺 and CJK 体温',
      'a "key": "value" look-alike, {brace} [bracket]',
    ];
    for (let k = 0; k < 40; k++) {
      const split = k % 3 === 0 ? 'alpha' : 'beta';
      const base = makeLabel();
      // Row Numbers run against the ids, and repeat across the two splits.
      labels.push(
        makeLabel({
          id: `${split}-${String(k).padStart(4, '0')}`,
          split,
          note: `${texts[k % texts.length]} #${k}`,
          source: { ...base.source, row: 100 - (k % 20) },
        }),
      );
    }
    const dir = await benchmarkWith('awkward', labels);
    // One file hand-formatted (same content, other bytes): a release accepts it and exports it canonically.
    const file = join(dir, 'labels/alpha/bmi/alpha-0003.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 4) + '\n');
    expect((await runCli(['commit', '-m', 'hand-formatted', '--dir', dir])).code).toBe(0);
    expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
    await expectStreamingEqualsInMemory(dir, '1.0.0');
  }, 120_000);

  it('ids in Row Number order, rows repeated: the CSV is written in one pass, and equals the sorted one', async () => {
    const labels = Array.from({ length: 30 }, (_, k) =>
      makeLabel({
        id: `demo-${String(k).padStart(4, '0')}`,
        note: `note ${k} — é 🩺 "q"`,
        source: { ...makeLabel().source, row: 1 + Math.floor(k / 3) },
      }),
    );
    const dir = await benchmarkWith('in-order', labels);
    expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
    await expectStreamingEqualsInMemory(dir, '1.0.0');
    // The one pass and the sorted pass give the same bytes; the one pass refuses a release out of order.
    const csvOf = async (release: string, rowsInOrder: boolean) => {
      const pieces: string[] = [];
      const sink = { write: (p: string | Uint8Array) => pieces.push(Buffer.from(p).toString('utf8')) };
      await writePinnedExport(await openRelease({ dir: release, version: '1.0.0' }), medcalcCsvFormat, sink, sink, {
        rowsInOrder,
      });
      return pieces.join('');
    };
    expect(await csvOf(dir, true)).toBe(await csvOf(dir, false));
    const shuffled = await benchmarkWith('one-out-of-order', [
      ...labels.slice(0, 20),
      makeLabel({ id: 'demo-0020', source: { ...makeLabel().source, row: 2 } }),
      ...labels.slice(21),
    ]);
    expect((await runCli(['release', '1.0.0', '--dir', shuffled])).code).toBe(0);
    await expect(csvOf(shuffled, true)).rejects.toBeInstanceOf(RowsOutOfOrder);
    await expectStreamingEqualsInMemory(shuffled, '1.0.0');
  }, 120_000);

  it('a label changed at the tag is refused, and no output file is left', async () => {
    const dir = await benchmarkWith('tampered', [makeLabel(), makeLabel({ id: 'demo-0002', note: 'Another note.' })]);
    expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
    // Move the tag to a commit whose label differs from the release manifest.
    const file = join(dir, 'labels/demo/bmi/demo-0002.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Another note.', 'A changed note.'));
    gitCli(dir, ['commit', '-qam', 'tamper']);
    gitCli(dir, ['tag', '-f', '-a', 'v1.0.0', '-m', 'moved']);
    const out = join(testdir(), 'x.csv');
    const refused = await runCli(['export', '--version', '1.0.0', '--out', out, '--dir', dir]);
    expect(refused.code).toBe(1);
    // The tag no longer sits on the record's commit (the release's signature check), or the label differs from the
    // manifest.
    expect(refused.err).toMatch(
      /do not match the release manifest: 1 changed \(demo-0002\)|release 1\.0\.0 \(v1\.0\.0\) is no/,
    );
    expect(() => readFileSync(out)).toThrow();
    expect(() => readFileSync(`${out}.manifest.json`)).toThrow();
  });
});

/**
 * A working-tree JSONL export to a file takes its order from the label files' paths and writes each line
 * as it is read (writePathOrderedExport). Whatever the tree holds, the file must be what the sorting
 * export makes (renderExport of the labels on disk), and its errors the same: labels out of their
 * path's place, one id in two folders, keys the engine reorders, broken files.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../src/exporters/export.js';
import { jsonlFormat } from '../../src/exporters/jsonl.js';
import { NotInPathOrder, writePathOrderedExport } from '../../src/exporters/path-ordered-export.js';
import { BufferedSink } from '../../src/exporters/sink.js';
import type { Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { listLabelFiles, readAllLabels } from '../../src/store/read.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

async function labelsIn(dir: string): Promise<Label[]> {
  return (await readAllLabels(dir)).map((f) => f.label);
}

/** The JSONL export of dir's tree to a file, which must equal the sorting export's text. */
async function expectFileExportSorted(dir: string, split?: string): Promise<void> {
  const out = join(testdir(), 'tree.jsonl');
  const args = ['export', '--format', 'jsonl', '--out', out, '--dir', dir, ...(split ? ['--split', split] : [])];
  const result = await runCli(args);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(renderExport(await labelsIn(dir), { format: 'jsonl', split }).join(''));
  // No temp file of the abandoned fast attempt is left beside it.
  expect(readdirSync(dirname(out))).toEqual(['tree.jsonl']);
}

function place(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const labels = (n: number) =>
  Array.from({ length: n }, (_, k) => {
    const split = k % 2 ? 'alpha' : 'beta';
    const base = makeLabel();
    return makeLabel({
      id: `${split}-${String(50 - k).padStart(4, '0')}`,
      split,
      // Two calculators' folders, so the id order crosses folders.
      calculator: k % 3 ? base.calculator : { id: 2, name: 'Creatinine Clearance', category: 'lab' },
      source: { ...base.source, row: k + 1, calculatorId: k % 3 ? base.source.calculatorId : 2 },
      note: `note ${k} — 体温 "q"`,
    });
  });

describe('the working-tree JSONL export to a file, in path order', () => {
  it('equals the sorting export: ids across folders and splits, whole and by split', async () => {
    const dir = await benchmarkWith('paths', labels(30));
    await expectFileExportSorted(dir);
    await expectFileExportSorted(dir, 'alpha');
    // The path-order writer itself took this tree (no fallback), and wrote the sorted lines.
    const pieces: Buffer[] = [];
    const sink = new BufferedSink((bytes) => pieces.push(Buffer.from(bytes)));
    expect(await writePathOrderedExport(dir, await listLabelFiles(dir), jsonlFormat, sink)).toBe(true);
    sink.flush();
    expect(Buffer.concat(pieces).toString('utf8')).toBe(
      renderExport(await labelsIn(dir), { format: 'jsonl' }).join(''),
    );
  });

  it('a label whose file names another id or split is still placed by its content', async () => {
    const dir = await benchmarkWith('moved', labels(12));
    const [first] = await labelsIn(dir);
    // The label's file moved under another name, and another's content moved into another split's folder.
    const from = readdirSync(join(dir, 'labels', first.split), { recursive: true }).find((p) =>
      String(p).endsWith(`${first.id}.json`),
    );
    const folder = join(dir, 'labels', first.split, dirname(String(from)));
    renameSync(join(dir, 'labels', first.split, String(from)), join(folder, 'zz-0000.json'));
    const other = makeLabel({ id: 'alpha-0900', split: 'alpha', note: 'filed under beta' });
    place(dir, 'labels/beta/bmi/alpha-0900.json', canonicalJson(other));
    await expectFileExportSorted(dir);
    await expectFileExportSorted(dir, 'alpha');
    await expectFileExportSorted(dir, 'beta');
    // Here the path-order writer gives up, and the export was made by the sort.
    const files = await listLabelFiles(dir);
    await expect(writePathOrderedExport(dir, files, jsonlFormat, new BufferedSink(() => {}))).rejects.toThrow(
      NotInPathOrder,
    );
  });

  it('one id in two folders keeps the path order of the two, as the sort does', async () => {
    const dir = await benchmarkWith('twice', labels(6));
    const twin = makeLabel({ id: 'beta-0050', split: 'beta', note: 'the same id again' });
    place(dir, 'labels/beta/zz-other/beta-0050.json', canonicalJson(twin));
    place(dir, 'labels/beta/aa-other/beta-0050.json', canonicalJson({ ...twin, note: 'and a third' }));
    await expectFileExportSorted(dir);
  });

  it('keys out of canonical order, and array-index keys the engine puts first, are sorted as before', async () => {
    const dir = await benchmarkWith('keys', labels(4));
    const label = makeLabel({ id: 'beta-0700', split: 'beta', entities: { '10': 1, '9': 2, b: 3, a: 4 } as never });
    // Hand-written with its keys reversed at the top level.
    const reversed = Object.fromEntries(Object.entries(label).reverse());
    place(dir, 'labels/beta/bmi/beta-0700.json', JSON.stringify(reversed, null, 2));
    await expectFileExportSorted(dir);
  });

  it('a broken file fails as the sorting export fails, naming it, and leaves no output', async () => {
    const dir = await benchmarkWith('broken', labels(6));
    place(dir, 'labels/alpha/bmi/alpha-0001.json', '{"id": ');
    place(dir, 'labels/beta/bmi/beta-0001.json', '{"id": "beta-0001", ]');
    const toStdout = await runCli(['export', '--format', 'jsonl', '--dir', dir]);
    const out = join(testdir(), 'tree.jsonl');
    const toFile = await runCli(['export', '--format', 'jsonl', '--out', out, '--dir', dir]);
    expect(toStdout.code).not.toBe(0);
    expect(toFile.code).toBe(toStdout.code);
    expect(toFile.err).toBe(toStdout.err);
    expect(toFile.err).toMatch(/labels\/alpha\/bmi\/alpha-0001\.json/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  it('a split with no labels is refused, as before', async () => {
    const dir = await benchmarkWith('nosplit', labels(4));
    const out = join(testdir(), 'tree.jsonl');
    const result = await runCli(['export', '--format', 'jsonl', '--split', 'gamma', '--out', out, '--dir', dir]);
    expect(result.err).toMatch(/no labels in split "gamma"/);
    expect(result.code).not.toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyExport } from '../../src/release/verify-export.js';
import { benchmarkWith } from '../helpers/benchmark.js';
import { runCli } from '../helpers/cli.js';
import { useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';

beforeAll(useTestIdentity);

/** A released benchmark of three labels, one with multi-byte characters, and its pinned JSONL export. */
async function releasedExport(
  notes = ['Patientin, 72 Jahre, Größe 1,65 m — “nüchtern”, 体重 60 kg 🩺.', 'A plain note.', 'Ünïcödé at the end: é'],
): Promise<{ dir: string; out: string; lines: string[] }> {
  const dir = await benchmarkWith(
    'bytes',
    notes.map((note, k) => makeLabel({ id: `demo-000${k + 1}`, note })),
  );
  expect((await runCli(['release', '1.0.0', '--dir', dir])).code).toBe(0);
  const out = join(dir, '..', 'v1.jsonl');
  expect((await runCli(['export', '--version', '1.0.0', '--format', 'jsonl', '--out', out, '--dir', dir])).code).toBe(
    0,
  );
  return { dir, out, lines: readFileSync(out, 'utf8').split('\n') };
}

describe('verify of a pinned JSONL export, byte by byte', () => {
  it('accepts the export as written, with multi-byte UTF-8 and with or without the final newline', async () => {
    const { dir, out, lines } = await releasedExport();
    expect(lines).toHaveLength(5); // header, three items, the empty string after the final newline
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: true, items: 3 });
    writeFileSync(out, lines.slice(0, 4).join('\n'));
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: true, items: 3 });
  });

  it('names the item whose multi-byte text changed by one character, and the one missing or added', async () => {
    const { dir, out, lines } = await releasedExport();
    writeFileSync(out, [lines[0], lines[1].replace('Größe', 'Grösse'), lines[2], lines[3], ''].join('\n'));
    expect(await verifyExport({ file: out, dir })).toMatchObject({
      ok: false,
      changed: ['demo-0001'],
      missing: [],
      unexpected: [],
    });

    writeFileSync(out, [lines[0], lines[1], lines[3], ''].join('\n'));
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: false, changed: [], missing: ['demo-0002'] });

    const extra = JSON.stringify({ ...JSON.parse(lines[2]), id: 'demo-0009' });
    writeFileSync(out, [...lines.slice(0, 4), extra, ''].join('\n'));
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: false, unexpected: ['demo-0009'] });
  });

  it('finds items out of order by id (the slow path), and reports a line repeated', async () => {
    const { dir, out, lines } = await releasedExport();
    writeFileSync(out, [lines[0], lines[3], lines[1], lines[2], ''].join('\n'));
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: true, items: 3 });
    writeFileSync(out, [lines[0], lines[1], lines[2], lines[3], lines[3], ''].join('\n'));
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: false, duplicated: ['demo-0003'] });
  });

  it('hashes lines that cross the 8 MB read chunks, multi-byte characters split between chunks included', async () => {
    // 'é' is two bytes: a 4.5 MB note of them makes each line ~9 MB, so every line crosses a chunk boundary.
    const big = 'é'.repeat(4.5 * 2 ** 20);
    const { dir, out, lines } = await releasedExport([big, 'short', big + ' end']);
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: true, items: 3 });
    writeFileSync(out, [lines[0], lines[1], lines[2], lines[3].replace(' end', ' End'), ''].join('\n'));
    expect(await verifyExport({ file: out, dir })).toMatchObject({ ok: false, changed: ['demo-0003'] });
  }, 60_000);
});

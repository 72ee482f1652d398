import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { parseCsvTable, writeCsv } from '../../src/core/csv.js';
import { ReviewService } from '../../src/review-app/service.js';
import { readAllLabels } from '../../src/store/read.js';
import { runCli } from '../helpers/cli.js';
import { gitCli } from '../helpers/git.js';
import { snapshotTree, testdir } from '../helpers/tempdir.js';
import { demoReviewBenchmark } from './fixture.js';

type Fill = Partial<
  Record<
    | 'decision'
    | 'corrected value'
    | 'incomputable reason'
    | 'error category'
    | 'y* (Physician label)'
    | 'Physician Note (Optional)',
    string
  >
>;

function fillSheet(file: string, fills: Record<string, Fill>): void {
  const table = parseCsvTable(readFileSync(file, 'utf8'), { file });
  const rows = table.rows.map((r) => table.header.map((h) => fills[r.cells.uid]?.[h as keyof Fill] ?? r.cells[h]));
  writeFileSync(file, writeCsv(table.header, rows));
}

describe('the spreadsheet round trip: review --export-sheet, then signoff --from', () => {
  async function exported() {
    const bench = await demoReviewBenchmark();
    const file = join(testdir(), 'queue.csv');
    const r = await runCli(['review', '--export-sheet', file, '--reviewer', 'dr-a', '--dir', bench.dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^6 item\(s\) to review written to /);
    return { ...bench, file };
  }

  it("writes the queue in triage order with the paper's columns and empty structured ones; reads them back, structured winning over free text", async () => {
    const { dir, keyA, file } = await exported();
    const table = parseCsvTable(readFileSync(file, 'utf8'), { file });
    expect(table.header).toEqual([
      'uid',
      'Calculator Name',
      'Question',
      'Patient Note',
      'y_orig',
      'y_new',
      'y* (Physician label)',
      'Physician Note (Optional)',
      'decision',
      'corrected value',
      'incomputable reason',
      'error category',
      'queue status',
      'content hash',
    ]);
    const queue = await new ReviewService({ dir, blind: false }).queue();
    expect(table.rows.map((r) => r.cells.uid)).toEqual(queue.items.map((i) => i.id)); // the page's triage order
    expect(table.rows.map((r) => r.cells.uid).sort()).toEqual([
      'demo-0001',
      'demo-0003',
      'demo-0008',
      'demo-0009',
      'demo-0010',
      'demo-0012',
    ]);
    expect(table.rows.find((r) => r.cells.uid === 'demo-0003')!.cells).toMatchObject({
      y_orig: '3',
      y_new: '4',
      decision: '',
      'queue status': 'proposed',
      'content hash': expect.stringMatching(/^sha256:/),
    });
    fillSheet(file, {
      'demo-0001': { decision: 'approve' },
      'demo-0003': {
        decision: 'correct',
        'corrected value': '5',
        'y* (Physician label)': '6 points',
        'error category': 'extraction-error',
      },
      'demo-0009': {
        decision: 'incomputable',
        'incomputable reason': 'several-values',
        'Physician Note (Optional)': 'two LMPs',
      },
      'demo-0010': { decision: 'keep-previous' },
      'demo-0012': { 'y* (Physician label)': '321 mOsm/kg' }, // free text only: read as the paper's files are
    });
    const r = await runCli(['signoff', '--from', file, '--reviewer', 'dr-a', '--key', keyA, '--dir', dir, '--json']);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    expect({
      approved: result.approved.sort(),
      amended: result.amended.sort(),
      rejected: result.rejected.map((x: { id: string }) => x.id),
      skipped: result.skipped,
    }).toEqual({
      approved: ['demo-0001'],
      // 321 is not the proposed 320: a physician value that differs in any way is an amend to it.
      amended: ['demo-0003', 'demo-0009', 'demo-0012'],
      rejected: ['demo-0010'],
      skipped: 1,
    });
    const labels = new Map((await readAllLabels(dir)).map((e) => [e.label.id, e.label]));
    expect(labels.get('demo-0003')!.signoffs).toMatchObject([
      { decision: 'amend', value: '5', parsedValue: 5, note: 'error category: extraction-error' },
    ]);
    expect(labels.get('demo-0003')!.answer).toMatchObject({ kind: 'integer', value: 5 });
    expect(labels.get('demo-0009')!.signoffs).toMatchObject([
      { decision: 'amend', value: 'N/A', parsedValue: null, note: 'incomputable: several values over time; two LMPs' },
    ]);
    expect(labels.get('demo-0010')!.signoffs).toMatchObject([{ decision: 'reject', value: "('9 weeks', '6 days')" }]);
    expect(labels.get('demo-0012')!.signoffs).toMatchObject([
      { decision: 'amend', value: '321 mOsm/kg', parsedValue: 321 },
    ]);
    const check = await runCheck({ dir });
    for (const l of check.labels.filter((x) => x.signoffs.length))
      for (const s of l.signoffs) expect([l.id, s.signatureValid, s.stale]).toEqual([l.id, true, false]);
    expect(gitCli(dir, ['log', '-1', '--format=%s']).trim()).toBe(
      'Import 5 review-sheet sign-off(s) by dr-a from queue.csv: 1 approve, 3 amend, 1 reject',
    );
  });

  it('refuses the whole sheet when a label changed since the export, or a structured cell is wrong; nothing changes', async () => {
    const { dir, keyA, file } = await exported();
    fillSheet(file, {
      'demo-0001': { decision: 'approve' },
      'demo-0003': { decision: 'correct', 'corrected value': '4.5' },
      'demo-0008': { decision: 'incomputable' },
      'demo-0012': { decision: 'maybe' },
    });
    expect(
      (
        await runCli([
          'propose',
          'demo-0001',
          '--value',
          '24',
          '--category',
          'extraction-error',
          '--rationale',
          'A third weight.',
          '--dir',
          dir,
        ])
      ).code,
    ).toBe(0);
    const before = snapshotTree(dir);
    const head = gitCli(dir, ['rev-parse', 'HEAD']);
    const r = await runCli(['signoff', '--from', file, '--reviewer', 'dr-a', '--key', keyA, '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('4 bad row(s); nothing was changed');
    expect(r.err).toMatch(/row \d+ \(line \d+\): demo-0001 changed since the sheet was exported/);
    expect(r.err).toMatch(/row \d+ \(line \d+\): decision \/value\/number: 4\.5 is not a whole number/);
    expect(r.err).toMatch(/row \d+ \(line \d+\): incomputable reason "" is not one of/);
    expect(r.err).toMatch(
      /row \d+ \(line \d+\): decision "maybe" is not approve, keep-previous, correct or incomputable/,
    );
    expect(snapshotTree(dir)).toEqual(before);
    expect(gitCli(dir, ['rev-parse', 'HEAD'])).toBe(head);
  });
});

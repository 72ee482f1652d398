import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Answer, Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { runCli } from '../helpers/cli.js';
import { tag, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

const int = (value: number): Answer => ({ kind: 'integer', value, lower: value, upper: value });

function label(row: number, calculator: Label['calculator'], answer: Answer): Label {
  const id = `test-${String(row).padStart(4, '0')}`;
  return makeLabel({
    id,
    split: 'test',
    calculator,
    source: {
      dataset: 'test',
      version: '1.0',
      row,
      calculatorId: calculator.id,
      noteId: `n-${row}`,
      noteType: 'Synthetic',
      outputType: 'integer',
    },
    answer,
  });
}

const CHA = { id: 4, name: 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', category: 'risk' };
const GCS = { id: 21, name: 'Glasgow Coma Score (GCS)', category: 'severity' };
const DUE = { id: 13, name: 'Estimated Due Date', category: 'date' };

function write(dir: string, slug: string, l: Label): void {
  const file = join(dir, 'labels', l.split, slug, `${l.id}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, canonicalJson(l));
}

/** A benchmark with three labels tagged v1.0.0, then GCS 16 → 11 tagged v1.1.0. */
async function twoVersions(): Promise<{ parent: string; dir: string }> {
  const parent = testdir();
  expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
  const dir = join(parent, 'bench');
  write(dir, 'cha2ds2-vasc', label(1, CHA, int(3)));
  write(dir, 'gcs', label(2, GCS, int(16)));
  write(
    dir,
    'estimated-due-date',
    label(3, DUE, { kind: 'date', value: '03/07/2021', lower: '03/07/2021', upper: '03/07/2021' }),
  );
  expect((await runCli(['commit', '-m', 'v1.0 labels', '--dir', dir])).code).toBe(0);
  await tag(dir, 'v1.0.0');
  const gcsPath = join(dir, 'labels/test/gcs/test-0002.json');
  const gcs = JSON.parse(readFileSync(gcsPath, 'utf8')) as Label;
  gcs.answer = int(11);
  gcs.status = 'relabeled';
  writeFileSync(gcsPath, canonicalJson(gcs));
  expect((await runCli(['commit', '-m', 'GCS counts verbal once', '--dir', dir])).code).toBe(0);
  await tag(dir, 'v1.1.0');
  return { parent, dir };
}

const jsonl = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('steward score', () => {
  it('scores under two versions with --compare, and names the flipped item and its label change', async () => {
    const { parent, dir } = await twoVersions();
    writeFileSync(
      join(parent, 'p.jsonl'),
      jsonl([
        { id: 'test-0001', answer: '3', model: 'a' },
        { row: 2, answer: '11', model: 'a' },
        { id: 'test-0003', answer: '3/7/2021', model: 'a' },
        { id: 'test-0002', answer: '16', model: 'b' },
      ]),
    );
    const r = await runCli([
      'score',
      join(parent, 'p.jsonl'),
      '--version',
      '1.0.0',
      '--compare',
      '1.1.0',
      '--dir',
      dir,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.versions).toEqual([
      { name: '1.0.0', items: 3 },
      { name: '1.1.0', items: 3 },
    ]);
    expect(report.notes[0]).toMatch(/tag v1\.0\.0 has no release record/);
    const [a, b] = report.models;
    expect(a.scores.map((s: { accuracy: { correct: number } }) => s.accuracy.correct)).toEqual([2, 3]);
    expect(a.comparison.flips).toEqual([
      expect.objectContaining({
        id: 'test-0002',
        answer: '11',
        direction: 'wrong → right',
        base: { label: '16', outcome: 'wrong' },
        compare: { label: '11', outcome: 'correct' },
      }),
    ]);
    expect(b.scores.map((s: { accuracy: { correct: number } }) => s.accuracy.correct)).toEqual([1, 0]);
    expect(b.scores[0].missing).toEqual(['test-0001', 'test-0003']);
    expect(b.comparison.counts).toEqual({ both: 0, onlyBase: 1, onlyCompare: 0, neither: 2 });

    const text = await runCli([
      'score',
      join(parent, 'p.jsonl'),
      '--version',
      '1.0.0',
      '--compare',
      '1.1.0',
      '--dir',
      dir,
    ]);
    expect(text.out).toContain('Model a (3 predictions)');
    expect(text.out).toContain('1.0.0: accuracy 66.7% (2/3)');
    expect(text.out).toMatch(/1\.0\.0 → 1\.1\.0, on the 3 item\(s\) in both:/);
    expect(text.out).toContain('test-0002  wrong → right  label 16 → 11  answer "11"');
    expect(text.out).toContain('no prediction for 2 item(s), counted wrong: test-0001, test-0003');

    const md = await runCli([
      'score',
      join(parent, 'p.jsonl'),
      '--version',
      '1.0.0',
      '--compare',
      '1.1.0',
      '--dir',
      dir,
      '--md',
      '--by',
      'calculator',
    ]);
    expect(md.out).toContain('## Scores on 1.0.0 (3 items) and 1.1.0 (3 items)');
    expect(md.out).toContain('| calculator | 1.0.0 | 95% CI | 1.1.0 | 95% CI |');
    expect(md.out).toContain('| test-0002 | Glasgow Coma Score (GCS) | `11` | 16 | 11 | wrong → right |');
  });

  it("reads the harness's output CSV by Row Number, and defaults to the working tree", async () => {
    const { parent, dir } = await twoVersions();
    writeFileSync(
      join(parent, 'harness.csv'),
      'Row Number,Calculator ID,LLM Answer,Result\n1,4,2.5,Incorrect\n2,21,11.4,Correct\n3,13,03/07/2021,Correct\n',
    );
    const r = await runCli(['score', join(parent, 'harness.csv'), '--dir', dir, '--json']);
    expect(r.code).toBe(0);
    const [m] = JSON.parse(r.out).models;
    expect(m.model).toBe('harness');
    // The harness's own verdicts (its Result column): Python's round(2.5) is 2, not the label 3, where
    // Math.round would have made row 1 right.
    expect(m.scores[0]).toMatchObject({ version: 'working tree', outcomes: { correct: 2, wrong: 1 } });
  });

  it('--extract reads raw model outputs', async () => {
    const { parent, dir } = await twoVersions();
    writeFileSync(
      join(parent, 'raw.jsonl'),
      jsonl([
        { row: 1, answer: '{"step_by_step_thinking": "age 75: 2, ...", "answer": "3 points"}' },
        { row: 2, answer: 'The GCS is 11.' },
        { row: 3, answer: '{"answer": "3/7/2021"}' },
      ]),
    );
    const r = await runCli([
      'score',
      join(parent, 'raw.jsonl'),
      '--version',
      '1.1.0',
      '--extract',
      '--dir',
      dir,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.extract).toBe(true);
    expect(report.models[0].scores[0].outcomes).toMatchObject({ correct: 2, 'no-answer-field': 1 });
  });

  it('reads predictions from standard input with -', async () => {
    const { dir } = await twoVersions();
    let out = '';
    const code = await main(['score', '-', '--version', '1.1.0', '--dir', dir, '--json'], {
      out: (t) => (out += t),
      err: () => {},
      isTTY: false,
      stdin: async () => jsonl([{ id: 'test-0002', answer: '11' }]),
    });
    expect(code).toBe(0);
    expect(JSON.parse(out).models[0]).toMatchObject({ model: 'model', predictions: 1 });
  });

  it('predictions for unknown or duplicate items: exit 2 naming them', async () => {
    const { parent, dir } = await twoVersions();
    writeFileSync(
      join(parent, 'unknown.jsonl'),
      jsonl([
        { id: 'test-0001', answer: '3' },
        { id: 'test-0042', answer: '1' },
        { row: 99, answer: '1' },
      ]),
    );
    const unknown = await runCli(['score', join(parent, 'unknown.jsonl'), '--version', '1.0.0', '--dir', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/2 prediction\(s\) for items not in 1\.0\.0: test-0042 \(line 2\), row 99 \(line 3\)/);
    const asJson = await runCli(['score', join(parent, 'unknown.jsonl'), '--version', '1.0.0', '--dir', dir, '--json']);
    expect(JSON.parse(asJson.out).error).toMatchObject({
      code: 'PREDICTIONS_UNKNOWN_ITEMS',
      data: {
        unknown: [
          { item: 'test-0042', line: 2 },
          { item: 'row 99', line: 3 },
        ],
      },
    });

    writeFileSync(
      join(parent, 'dup.jsonl'),
      jsonl([
        { id: 'test-0001', answer: '3' },
        { row: 1, answer: '4' },
      ]),
    );
    const dup = await runCli(['score', join(parent, 'dup.jsonl'), '--dir', dir]);
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/1 item\(s\) predicted more than once by one model: test-0001 \(lines 1, 2\)/);
  });

  it('an unknown version, a missing file, a bad --by: exit 2', async () => {
    const { parent, dir } = await twoVersions();
    writeFileSync(join(parent, 'p.jsonl'), jsonl([{ id: 'test-0001', answer: '3' }]));
    const version = await runCli(['score', join(parent, 'p.jsonl'), '--version', '9.9.9', '--dir', dir]);
    expect(version.code).toBe(2);
    expect(version.err).toMatch(/9\.9\.9/);
    const ref = await runCli(['score', join(parent, 'p.jsonl'), '--version', 'no-such-branch', '--dir', dir]);
    expect(ref.code).toBe(2);
    expect(ref.err).toMatch(/no-such-branch/);
    const missing = await runCli(['score', join(parent, 'nope.jsonl'), '--dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.jsonl: no such file/);
    const by = await runCli(['score', join(parent, 'p.jsonl'), '--by', 'model', '--dir', dir]);
    expect(by.code).toBe(2);
  });

  it("an unreadable predictions file is the error even while the version is read, and the read's files go", async () => {
    const { parent, dir } = await twoVersions();
    // Long enough to be parsed in several turns, the version's read under way meanwhile.
    const good = Array.from({ length: 30000 }, (_, k) => `{"id": "test-${k}", "answer": "1"}`).join('\n');
    writeFileSync(join(parent, 'bad.jsonl'), `${good}\n{"id": "test-0001", "answer": \n`);
    const tmp = join(parent, 'tmp');
    mkdirSync(tmp);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      for (const version of ['v1.1.0', '1.0.0', '9.9.9']) {
        const r = await runCli(['score', join(parent, 'bad.jsonl'), '--version', version, '--dir', dir, '--json']);
        expect(r.code).toBe(2);
        expect(JSON.parse(r.out).error.code, version).toBe('PREDICTIONS_BAD_JSON');
        expect(r.err).toMatch(/line 30001: invalid JSON/);
        expect(readdirSync(tmp), version).toEqual([]);
      }
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    writeFileSync(join(parent, 'empty.jsonl'), '\n');
    const empty = await runCli(['score', join(parent, 'empty.jsonl'), '--version', '9.9.9', '--dir', dir]);
    expect(empty.err).toMatch(/no predictions in the file/);
  });

  it('a version released with steward release is read verified against its manifest', async () => {
    const parent = testdir();
    await runCli(['init', 'bench', '--dir', parent]);
    const dir = join(parent, 'bench');
    write(dir, 'cha2ds2-vasc', label(1, CHA, int(3)));
    await runCli(['commit', '-m', 'labels', '--dir', dir]);
    const released = await runCli(['release', '1.0.0', '--dir', dir]);
    expect(released.code, released.err).toBe(0);
    writeFileSync(join(parent, 'p.jsonl'), jsonl([{ id: 'test-0001', answer: '3' }]));
    const r = await runCli(['score', join(parent, 'p.jsonl'), '--version', '1.0.0', '--dir', dir, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.notes).toEqual(['1.0.0: release v1.0.0, labels verified against its manifest']);
    expect(report.models[0].scores[0].accuracy.correct).toBe(1);
  });
});

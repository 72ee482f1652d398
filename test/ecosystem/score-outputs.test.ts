import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { runCli } from '../helpers/cli.js';
import { tag, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

const int = (value: number): Answer => ({ kind: 'integer', value, lower: value, upper: value });
const GCS = { id: 21, name: 'Glasgow Coma Score (GCS)', category: 'severity' };
const CHA = { id: 4, name: 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', category: 'risk' };

function write(dir: string, slug: string, l: Label): void {
  const file = join(dir, 'labels', l.split, slug, `${l.id}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, canonicalJson(l));
}

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

/** v1.0.0: CHA2DS2-VASc 3, GCS 16; v1.1.0: GCS relabeled to 11 and a new item test-0003. */
async function twoVersions(): Promise<string> {
  const parent = testdir();
  expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
  const dir = join(parent, 'bench');
  write(dir, 'cha2ds2-vasc', label(1, CHA, int(3)));
  write(dir, 'gcs', label(2, GCS, int(16)));
  expect((await runCli(['commit', '-m', 'v1.0', '--dir', dir])).code).toBe(0);
  await tag(dir, 'v1.0.0');
  write(dir, 'gcs', { ...label(2, GCS, int(11)), status: 'relabeled' });
  write(dir, 'gcs', label(3, GCS, int(9)));
  expect((await runCli(['commit', '-m', 'v1.1', '--dir', dir])).code).toBe(0);
  await tag(dir, 'v1.1.0');
  return dir;
}

const jsonl = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('score --per-item, --chart, and an empty predictions file', () => {
  it('writes every item of every model with its label, prediction and outcome under both versions', async () => {
    const dir = await twoVersions();
    const work = testdir({
      'p.jsonl': jsonl([
        { id: 'test-0001', answer: '3', model: 'm' },
        { id: 'test-0002', answer: '11', model: 'm' },
      ]),
    });
    const perItem = join(work, 'items.jsonl');
    const chart = join(work, 'chart.svg');
    const run = await runCli([
      'score',
      join(work, 'p.jsonl'),
      '--version',
      'v1.0.0',
      '--compare',
      'v1.1.0',
      '--per-item',
      perItem,
      '--chart',
      chart,
      '--dir',
      dir,
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const rows = readFileSync(perItem, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual([
      {
        model: 'm',
        id: 'test-0001',
        calculator: CHA.name,
        version: 'v1.0.0',
        label: '3',
        prediction: '3',
        outcome: 'correct',
        correct: true,
        compare: { version: 'v1.1.0', label: '3', outcome: 'correct', correct: true },
      },
      {
        model: 'm',
        id: 'test-0002',
        calculator: GCS.name,
        version: 'v1.0.0',
        label: '16',
        prediction: '11',
        outcome: 'wrong',
        correct: false,
        compare: { version: 'v1.1.0', label: '11', outcome: 'correct', correct: true },
      },
      {
        model: 'm',
        id: 'test-0003',
        calculator: GCS.name,
        version: 'v1.0.0',
        label: null,
        prediction: null,
        outcome: null,
        correct: null,
        compare: { version: 'v1.1.0', label: '9', outcome: 'missing', correct: false },
      },
    ]);
    const svg = readFileSync(chart, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('1/2 (50.0%');
    expect(svg).toContain('2/3 (66.7%');
  });

  it('without --compare a row has no compare field', async () => {
    const dir = await twoVersions();
    const work = testdir({ 'p.jsonl': jsonl([{ id: 'test-0001', answer: '4' }]) });
    const perItem = join(work, 'items.jsonl');
    expect(
      (await runCli(['score', join(work, 'p.jsonl'), '--version', 'v1.0.0', '--per-item', perItem, '--dir', dir])).code,
    ).toBe(0);
    const rows = readFileSync(perItem, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0]).toEqual({
      model: 'p',
      id: 'test-0001',
      calculator: CHA.name,
      version: 'v1.0.0',
      label: '3',
      prediction: '4',
      outcome: 'wrong',
      correct: false,
    });
    expect(rows[1]).toMatchObject({ id: 'test-0002', prediction: null, outcome: 'missing' });
  });

  it('an empty predictions file is an input error naming the file, and nothing is written', async () => {
    const dir = await twoVersions();
    const work = testdir({ 'empty.jsonl': '', 'blank.jsonl': '\n\n' });
    for (const name of ['empty.jsonl', 'blank.jsonl']) {
      const run = await runCli([
        'score',
        join(work, name),
        '--version',
        'v1.0.0',
        '--per-item',
        join(work, 'items.jsonl'),
        '--dir',
        dir,
      ]);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`${join(work, name)}: no predictions`);
      expect(run.out).toBe('');
    }
    expect(() => readFileSync(join(work, 'items.jsonl'))).toThrow();
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Label } from '../../src/label/types.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { writeLabels } from '../../src/store/write.js';
import { runCli } from '../helpers/cli.js';
import { gitCli } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

/** Four synthetic items of split "demo": two BMI (decimal), a CHA2DS2-VASc (integer), a due date (date). */
export function demoLabels(): Label[] {
  const base = makeLabel();
  const source = (row: number, calculatorId: number, outputType: string) => ({
    ...base.source,
    row,
    calculatorId,
    outputType,
    noteId: `n-${row}`,
  });
  return [
    makeLabel({ source: source(1, 6, 'decimal') }),
    makeLabel({
      id: 'demo-0002',
      source: source(2, 6, 'decimal'),
      entities: { weight: [90, 'kg'], height: [180, 'cm'] },
      answer: { kind: 'decimal', value: 27.778, lower: 26.3891, upper: 29.1669 },
    }),
    makeLabel({
      id: 'demo-0003',
      calculator: { id: 4, name: 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', category: 'risk' },
      source: source(3, 4, 'integer'),
      entities: { age: [80, 'years'], sex: 'Female', hypertension: true },
      answer: { kind: 'integer', value: 4, lower: 4, upper: 4 },
    }),
    makeLabel({
      id: 'demo-0004',
      calculator: { id: 13, name: 'Estimated Due Date', category: 'date' },
      source: source(4, 13, 'date'),
      entities: { 'Last menstrual date': '01/10/2020', 'cycle length': 28 },
      answer: { kind: 'date', value: '10/16/2020', lower: '10/16/2020', upper: '10/16/2020' },
    }),
  ];
}

export const PATHS = {
  bmi1: 'labels/demo/bmi/demo-0001.json',
  bmi2: 'labels/demo/bmi/demo-0002.json',
  cha: 'labels/demo/cha2ds2-vasc/demo-0003.json',
  due: 'labels/demo/estimated-due-date/demo-0004.json',
};

/** A benchmark repository (steward init) with the labels committed. */
export async function benchRepo(labels: Label[] = demoLabels()): Promise<string> {
  const parent = testdir();
  expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
  const dir = join(parent, 'bench');
  await writeLabels(dir, labels);
  expect((await runCli(['commit', '-m', 'Add demo labels', '--dir', dir])).code).toBe(0);
  return dir;
}

/** A key made by keygen in a folder outside the repository, registered for a reviewer; returns the key path. */
export async function registerReviewer(dir: string, id = 'dr-a', role = 'physician'): Promise<string> {
  const key = join(testdir(), `${id}.pem`);
  expect((await runCli(['keygen', '--out', key, '--dir', dir])).code).toBe(0);
  const added = await runCli([
    'reviewer',
    'add',
    id,
    '--name',
    `Dr ${id}`,
    '--role',
    role,
    '--specialty',
    'anesthesiology',
    '--key',
    key,
    '--dir',
    dir,
  ]);
  expect(added.code, added.err).toBe(0);
  return key;
}

/** A key that is registered for nobody. */
export async function strayKey(dir: string): Promise<string> {
  const key = join(testdir(), 'stray.pem');
  expect((await runCli(['keygen', '--out', key, '--dir', dir])).code).toBe(0);
  return key;
}

export function readLabel(dir: string, path: string): Label {
  return JSON.parse(readFileSync(join(dir, path), 'utf8')) as Label;
}

export function editLabel(dir: string, path: string, edit: (label: Label) => void): void {
  const label = readLabel(dir, path);
  edit(label);
  writeFileSync(join(dir, path), canonicalJson(label));
}

export function head(dir: string): string {
  return gitCli(dir, ['rev-parse', 'HEAD']).trim();
}

export function branches(dir: string): string[] {
  return gitCli(dir, ['branch', '--format=%(refname:short)']).trim().split('\n').sort();
}

export function lastMessage(dir: string): string {
  return gitCli(dir, ['log', '-1', '--format=%B']).trim();
}

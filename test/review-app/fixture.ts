import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { proposeBatch } from '../../src/propose/propose-batch.js';
import { readAllLabels } from '../../src/store/read.js';
import { writeLabels } from '../../src/store/write.js';
import { runCli } from '../helpers/cli.js';
import { tag, useTestIdentity } from '../helpers/git.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';
import { registerReviewer } from '../review/fixture.js';

export const BRANCH = 'relabel/review-demo';
const NOW = '2026-02-01T00:00:00.000Z';

/**
 * The demo split (this repository's own synthetic labels) as a released benchmark, with six relabels
 * proposed on a branch by a verifier, and two physicians registered. Returns the folder and key paths.
 */
export async function demoReviewBenchmark(): Promise<{ dir: string; keyA: string; keyB: string }> {
  useTestIdentity();
  const parent = testdir();
  expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
  const dir = join(parent, 'bench');
  await writeLabels(dir, (await readAllLabels(REPO_ROOT)).map((e) => e.label));
  expect((await runCli(['commit', '-m', 'Demo labels', '--dir', dir])).code).toBe(0);
  await tag(dir, 'v1.0.0');
  const keyA = await registerReviewer(dir, 'dr-a');
  const keyB = await registerReviewer(dir, 'dr-b');
  const proposals = join(testdir(), 'verifier.jsonl');
  const lines = [
    { id: 'demo-0001', value: 27.5, category: 'extraction-error', rationale: 'The note gives a later weight.' },
    { id: 'demo-0003', value: 4, rationale: 'Vascular disease is in the history.' },
    { id: 'demo-0009', value: '10/27/2024', category: 'clinical-ambiguity', rationale: 'A 35-day cycle.' },
    { id: 'demo-0010', value: [10, 1], rationale: 'Dates recounted.' },
    { id: 'demo-0012', value: 320, category: 'extraction-error', rationale: 'Glucose in mmol/L was read as mg/dL.' },
    { id: 'demo-0008', value: 12, category: 'calculator-logic-mismatch', rationale: 'The verbal score was counted twice.' },
  ];
  writeFileSync(proposals, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const batch = await proposeBatch({ dir, file: proposals, verifier: 'demo-verifier', branch: BRANCH, now: NOW });
  expect(batch.relabeled.length + batch.incomputable.length).toBe(6);
  return { dir, keyA, keyB };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { proposeBatch } from '../../src/propose/propose-batch.js';
import { readAllLabels } from '../../src/store/read.js';
import { writeLabels } from '../../src/store/write.js';
import { REPO_ROOT } from '../helpers/shared.js';

export const BRANCH = 'relabel/review-demo';
const NOW = '2026-02-01T00:00:00.000Z';

/** The six relabels the demo verifier proposes (this project's own numbers, on its own demo split). */
export const DEMO_PROPOSALS = [
  { id: 'demo-0001', value: 27.5, category: 'extraction-error', rationale: 'The note gives a later weight.' },
  { id: 'demo-0003', value: 4, rationale: 'Vascular disease is in the history.' },
  { id: 'demo-0009', value: '10/27/2024', category: 'clinical-ambiguity', rationale: 'A 35-day cycle.' },
  { id: 'demo-0010', value: [10, 1], rationale: 'Dates recounted.' },
  { id: 'demo-0012', value: 320, category: 'extraction-error', rationale: 'Glucose in mmol/L was read as mg/dL.' },
  {
    id: 'demo-0008',
    value: 12,
    category: 'calculator-logic-mismatch',
    rationale: 'The verbal score was counted twice.',
  },
];

async function cli(argv: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  if (code !== 0) throw new Error(`steward ${argv.join(' ')} exited ${code}: ${err}`);
  return out;
}

/**
 * The demo split as a released benchmark (tag v1.0.0) in `parent`/bench, physicians dr-a and dr-b
 * registered (keys in `parent`/keys), and DEMO_PROPOSALS proposed by a verifier on BRANCH.
 */
export async function buildDemoReviewBenchmark(parent: string): Promise<{ dir: string; keyA: string; keyB: string }> {
  process.env.GIT_AUTHOR_NAME ??= 'Test Steward';
  process.env.GIT_AUTHOR_EMAIL ??= 'steward@example.org';
  await cli(['init', 'bench', '--dir', parent]);
  const dir = join(parent, 'bench');
  await writeLabels(
    dir,
    (await readAllLabels(REPO_ROOT)).map((e) => e.label),
  );
  await cli(['commit', '-m', 'Demo labels', '--dir', dir]);
  const keys = join(parent, 'keys');
  mkdirSync(keys);
  const keyFor = async (id: string) => {
    const key = join(keys, `${id}.pem`);
    await cli(['keygen', '--out', key, '--dir', dir]);
    await cli([
      'reviewer',
      'add',
      id,
      '--name',
      `Dr ${id.slice(3).toUpperCase()}`,
      '--role',
      'physician',
      '--specialty',
      'anesthesiology',
      '--key',
      key,
      '--dir',
      dir,
    ]);
    return key;
  };
  const keyA = await keyFor('dr-a');
  const keyB = await keyFor('dr-b');
  // The gate trusts the reviewers registered at its base, so the physicians are registered before the tag.
  const { createTag, openRepo } = await import('../../src/git/index.js');
  await createTag(await openRepo({ dir }), {
    name: 'v1.0.0',
    message: 'release v1.0.0',
    tagger: { name: 'Test Steward', email: 'steward@example.org' },
  });
  const file = join(keys, 'verifier.jsonl');
  writeFileSync(file, DEMO_PROPOSALS.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const batch = await proposeBatch({ dir, file, verifier: 'demo-verifier', branch: BRANCH, now: NOW });
  if (batch.relabeled.length + batch.incomputable.length !== DEMO_PROPOSALS.length)
    throw new Error('the demo proposals did not all become relabels');
  return { dir, keyA, keyB };
}

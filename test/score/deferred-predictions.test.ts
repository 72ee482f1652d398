import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputError } from '../../src/errors/index.js';
import type { Label } from '../../src/label/types.js';
import { loadVersionItems } from '../../src/score/load-items.js';
import type { Prediction } from '../../src/score/predictions.js';
import { scorePredictions } from '../../src/score/score-predictions.js';
import { canonicalJson } from '../../src/store/canonical.js';
import { runCli } from '../helpers/cli.js';
import { tag, useTestIdentity } from '../helpers/git.js';
import { makeLabel } from '../helpers/labels.js';
import { testdir } from '../helpers/tempdir.js';

beforeAll(useTestIdentity);

const CHA = { id: 4, name: 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', category: 'risk' };

/** Two labels, committed, released as 1.0.0 (a record), tagged v2.0.0 bare (no record) and on a branch. */
async function benchmark(): Promise<string> {
  const parent = testdir();
  expect((await runCli(['init', 'bench', '--dir', parent])).code).toBe(0);
  const dir = join(parent, 'bench');
  for (const row of [1, 2]) {
    const id = `test-000${row}`;
    const label = makeLabel({
      id,
      split: 'test',
      calculator: CHA,
      source: {
        dataset: 'test',
        version: '1.0',
        row,
        calculatorId: 4,
        noteId: `n-${row}`,
        noteType: 'Synthetic',
        outputType: 'integer',
      },
      answer: { kind: 'integer', value: row, lower: row, upper: row },
    }) as Label;
    const file = join(dir, 'labels/test/cha2ds2-vasc', `${id}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, canonicalJson(label));
  }
  expect((await runCli(['commit', '-m', 'labels', '--dir', dir])).code).toBe(0);
  const released = await runCli(['release', '1.0.0', '--dir', dir]);
  expect(released.code, released.err).toBe(0);
  await tag(dir, 'v2.0.0');
  return dir;
}

const predictions: Prediction[] = [
  { id: 'test-0001', answer: '1', model: 'm', line: 1 },
  { id: 'test-0002', answer: '5', model: 'm', line: 2 },
];

describe('predictions parsed once the version is opened', () => {
  it('loadVersionItems says once when it is opened, for a release, a bare tag, a ref and the working tree', async () => {
    const dir = await benchmark();
    for (const version of ['1.0.0', '2.0.0', 'HEAD', undefined]) {
      let opened = 0;
      const loaded = await loadVersionItems({ dir, version, opened: () => opened++ });
      expect(opened, String(version)).toBe(1);
      expect(loaded.items.map((i) => i.id)).toEqual(['test-0001', 'test-0002']);
    }
    // A release that is not there is refused before it is opened.
    let opened = 0;
    await expect(loadVersionItems({ dir, version: '9.9.9', opened: () => opened++ })).rejects.toMatchObject({
      code: 'UNKNOWN_VERSION',
    });
    expect(opened).toBe(0);
  });

  it('a source given as a function is called once and scores as the array would', async () => {
    const dir = await benchmark();
    let calls = 0;
    const deferred = await scorePredictions({
      dir,
      version: '1.0.0',
      predictions: async () => {
        calls++;
        return predictions;
      },
    });
    const direct = await scorePredictions({ dir, version: '1.0.0', predictions });
    expect(calls).toBe(1);
    expect(deferred).toEqual(direct);
    expect(deferred.models[0].scores[0].accuracy.correct).toBe(1);
  });

  it("the predictions' error comes first, even when the version fails before it is opened", async () => {
    const dir = await benchmark();
    for (const version of ['9.9.9', '1.0.0']) {
      let calls = 0;
      await expect(
        scorePredictions({
          dir,
          version,
          predictions: async () => {
            calls++;
            throw inputError('PREDICTIONS_BAD_JSON', 'p.jsonl: line 2: invalid JSON', { file: 'p.jsonl' });
          },
        }),
      ).rejects.toMatchObject({ code: 'PREDICTIONS_BAD_JSON' });
      expect(calls).toBe(1);
    }
  });
});

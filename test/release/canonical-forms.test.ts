import { describe, expect, it } from 'vitest';
import { importMedcalcBench } from '../../src/importers/import-medcalc.js';
import { canonicalTexts } from '../../src/release/canonical-forms.js';
import { canonicalForms } from '../../src/store/canonical.js';
import { readAllLabels } from '../../src/store/read.js';
import { mulberry32 } from '../../src/stats/random.js';
import { syntheticLabel } from '../../scripts/make-synthetic-benchmark.js';
import { makeLabel } from '../helpers/labels.js';
import { HAS_SHARED, V1_CSV } from '../helpers/shared.js';
import { testdir } from '../helpers/tempdir.js';

/** canonicalTexts must be canonicalForms byte for byte: every release manifest hash depends on it. */
describe('canonicalTexts (a release hashes these)', () => {
  it('is canonicalForms on hostile values: data keys, escapes, numbers, empties, undefined', () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      1e21,
      1e-7,
      0.1 + 0.2,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
      '',
      'é\u2028"\\\n\u0000\ud800',
      [],
      {},
      [[]],
      [{}],
      { a: [] },
      { b: {} },
      [undefined, null],
      { a: undefined },
      { a: undefined, b: 1 },
      JSON.parse('{"__proto__": {"x": 1}, "constructor": 2, "toString": [3], "hasOwnProperty": null}'),
      { z: 1, Z: 2, é: 3, '': 4, '10': 5, '9': 6, '4294967295': 7, '4294967294': 8, '01': 9 },
      { a: { y: [1, { c: 'd', b: [] }], x: null }, '2': { '1': [], b: 0 } },
      // Not plain JSON data: handed to canonicalForms itself, so the result is the same by construction.
      { when: new Date(0) },
      { f: () => 1, g: 2 },
      [() => 1],
      { toJSON: () => 'x' },
    ];
    for (const value of values) expect(canonicalTexts(value)).toEqual(canonicalForms(value));
  });

  it('is canonicalForms on 2,000 synthetic labels and on test labels', () => {
    const random = mulberry32(11);
    const next = () => random.uniform();
    const labels = Array.from({ length: 2000 }, (_, i) => syntheticLabel(i, i % 2 ? 'test' : 'train', 6, next));
    labels.push(makeLabel(), makeLabel({ signoffs: [] }));
    for (const label of labels) expect(canonicalTexts(label)).toEqual(canonicalForms(label));
  });

  it.skipIf(!HAS_SHARED)('is canonicalForms on the 1,047 real v1.0 labels (../shared)', async () => {
    const dir = testdir();
    await importMedcalcBench({ dir, source: V1_CSV, split: 'test', commit: false });
    const labels = await readAllLabels(dir);
    expect(labels).toHaveLength(1047);
    for (const { label } of labels) expect(canonicalTexts(label)).toEqual(canonicalForms(label));
  });
});

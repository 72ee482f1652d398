import { describe, expect, it } from 'vitest';
import type { Label } from '../../src/label/types.js';
import { changedShare } from '../../src/release/changed-share.js';
import { formatP } from '../../src/release/notes-sections.js';
import { releaseStatistics } from '../../src/release/statistics.js';
import { contentHash } from '../../src/store/canonical.js';
import { makeLabel } from '../helpers/labels.js';

// Wilson 95% reference values: the closed form in Python floats with z = scipy.stats.norm.ppf(0.975)
// = 1.959963984540054 (centre (p + z²/2n)/(1 + z²/n), half-width z·sqrt(p(1−p)/n + z²/4n²)/(1 + z²/n)):
//   3/10 → (0.10779126740630099, 0.6032218525388546)   0/20 → (0.0, 0.16112515805281938)
//   2/2  → (0.34238022750665303, 1.0)                   5/30 → (0.0733654237184855, 0.3356435050641603)
describe('changedShare: labels of the previous release changed or made incomputable', () => {
  it('sums changed and incomputable over the previous release, with a Wilson interval; per calculator sorted by rate', () => {
    const s = changedShare(
      { changed: 3, madeIncomputable: 2, previousTotal: 30 },
      {
        changed: new Map([
          [6, 3],
          [4, 2],
        ]),
        previous: { 6: 10, 4: 2, 13: 18 },
      },
    );
    expect(s.total).toMatchObject({ k: 5, n: 30 });
    expect(s.total.lower).toBeCloseTo(0.0733654237184855, 12);
    expect(s.total.upper).toBeCloseTo(0.3356435050641603, 12);
    expect(s.byCalculator!.map((r) => [r.id, r.k, r.n])).toEqual([
      [4, 2, 2],
      [6, 3, 10],
      [13, 0, 18],
    ]);
    const [cha, bmi] = s.byCalculator!;
    expect(cha.lower).toBeCloseTo(0.34238022750665303, 12);
    expect(cha.upper).toBeCloseTo(1, 12);
    expect(bmi.lower).toBeCloseTo(0.10779126740630099, 12);
    expect(bmi.upper).toBeCloseTo(0.6032218525388546, 12);
  });

  it('equal rates go to the larger calculator first', () => {
    const s = changedShare(
      { changed: 0, madeIncomputable: 0, previousTotal: 40 },
      { changed: new Map(), previous: { 6: 20, 4: 20, 13: 0 } },
    );
    expect(s.byCalculator!.map((r) => r.id)).toEqual([4, 6]);
    expect(s.byCalculator![0].upper).toBeCloseTo(0.16112515805281938, 12);
  });

  it('without the previous release per-calculator counts, the per-calculator table is left out, not guessed', () => {
    expect(
      changedShare(
        { changed: 1, madeIncomputable: 0, previousTotal: 5 },
        { changed: new Map([[6, 1]]), previous: null },
      ).byCalculator,
    ).toBeNull();
  });
});

describe('releaseStatistics counts labels per calculator for the next release', () => {
  const integer = (value: number) => ({ kind: 'integer' as const, value, lower: value, upper: value });
  const cha = (id: string, value: number, extra: Partial<Label> = {}) =>
    makeLabel({
      id,
      calculator: { id: 4, name: 'CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk', category: 'risk' },
      answer: integer(value),
      ...extra,
    });

  it('a first release records its labels per calculator, including the new ones it did not keep', () => {
    const current = new Map([['a', makeLabel({ id: 'a' })]]);
    const s = releaseStatistics(
      {
        previous: new Map(),
        current,
        physicianRoles: ['physician'],
        omittedAdded: 3,
        omittedAddedByCalculator: { 4: 3 },
      },
      contentHash,
    );
    expect(s.changedShare).toBeNull();
    expect(s.labelsByCalculator).toEqual({ 4: 3, 6: 1 });
  });

  it('a later release takes the previous counts and moves them by what it added and removed', () => {
    const previous = new Map([
      ['x', cha('x', 2)],
      ['y', cha('y', 3)],
    ]);
    const current = new Map([
      ['x', cha('x', 5, { status: 'relabeled' })],
      ['z', makeLabel({ id: 'z' })],
    ]);
    const s = releaseStatistics(
      {
        previous,
        current,
        physicianRoles: ['physician'],
        omittedUnchanged: 6,
        previousTotal: 10,
        previousByCalculator: { 4: 4, 6: 6 },
      },
      contentHash,
    );
    expect(s.labelsByCalculator).toEqual({ 4: 3, 6: 7 });
    expect(s.changedShare).toMatchObject({ changed: 1, madeIncomputable: 0, total: { k: 1, n: 10 } });
    expect(s.changedShare!.byCalculator!.map((r) => [r.id, r.k, r.n])).toEqual([
      [4, 1, 4],
      [6, 0, 6],
    ]);
  });

  it('a previous record without per-calculator counts leaves them out rather than record a partial count', () => {
    const previous = new Map([['x', cha('x', 2)]]);
    const current = new Map([['x', cha('x', 5, { status: 'relabeled' })]]);
    const s = releaseStatistics(
      { previous, current, physicianRoles: ['physician'], omittedUnchanged: 4, previousTotal: 5 },
      contentHash,
    );
    expect(s.labelsByCalculator).toBeUndefined();
    expect(s.changedShare!.byCalculator).toBeNull();
    expect(s.changedShare!.total).toMatchObject({ k: 1, n: 5 });
  });
});

describe('formatP: three significant figures', () => {
  it.each([
    [1.429926123819314e-5, '1.43×10⁻⁵'],
    [4.2277022657799534e-5, '4.23×10⁻⁵'],
    [0.04231, '0.0423'],
    [1, '1'],
    [0.5, '0.5'],
  ])('%s → %s', (p, text) => expect(formatP(p)).toBe(text));
});

describe('recorded per-calculator counts are checked before they are used', () => {
  it('counts that do not add up to the previous release are ignored (per-calculator table left out)', () => {
    const previous = new Map([['x', makeLabel({ id: 'x' })]]);
    const current = new Map([
      [
        'x',
        makeLabel({ id: 'x', answer: { kind: 'decimal', value: 30, lower: 28.5, upper: 31.5 }, status: 'relabeled' }),
      ],
    ]);
    const s = releaseStatistics(
      {
        previous,
        current,
        physicianRoles: ['physician'],
        omittedUnchanged: 9,
        previousTotal: 10,
        previousByCalculator: { 6: 3 },
      },
      contentHash,
    );
    expect(s.changedShare!.byCalculator).toBeNull();
    expect(s.labelsByCalculator).toBeUndefined();
  });
});

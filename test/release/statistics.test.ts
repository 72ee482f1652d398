import { describe, expect, it } from 'vitest';
import type { Label, Signoff } from '../../src/label/types.js';
import { physicianAgrees as agreesWithPhysician } from '../../src/review/agreement.js';
import { releaseStatistics } from '../../src/release/statistics.js';
import { contentHash } from '../../src/store/canonical.js';
import { makeLabel } from '../helpers/labels.js';

const physician = (value: string, parsedValue: number | string | null, time = '2026-01-01T00:00:00Z'): Signoff => ({
  reviewer: 'dr-a',
  role: 'physician',
  decision: 'approve',
  value,
  parsedValue,
  time,
  contentHash: `sha256:${'0'.repeat(64)}`,
  signature: `sig-${value}-${time}`,
});

const decimal = (value: number) => ({ kind: 'decimal' as const, value, lower: value * 0.95, upper: value * 1.05 });
const integer = (value: number) => ({ kind: 'integer' as const, value, lower: value, upper: value });

describe('agreesWithPhysician (the stewardship paper rule)', () => {
  const cases: [string, Label['answer'], number | string | null, boolean][] = [
    ['both N/A', { kind: 'incomputable', value: null }, null, true],
    ['label N/A, physician number', { kind: 'incomputable', value: null }, 3, false],
    ['label number, physician N/A', integer(3), null, false],
    ['score within ±1', integer(13), 12, true],
    ['score off by 2', integer(10), 12, false],
    ['integer physician value 20 still ±1', decimal(21), 20, true],
    ['integer physician value 21 uses ±5%', decimal(22), 21, true],
    ['decimal within 5%', decimal(10.02), 10, true],
    ['decimal 5.3% off (physician 30 is above 20, so ±5%)', decimal(31.6), 30, false],
    ['physician 10 but a non-integer label makes the item continuous: ±5%, not ±1', decimal(10.9), 10, false],
    ['physician 10 and integer-like labels: ordinal, ±1', integer(11), 10, true],
    ['a zero physician value in a continuous item agrees within |label| ≤ 0.05', decimal(0.04), 0, true],
    ['a zero physician value in a continuous item: 0.06 disagrees', decimal(0.06), 0, false],
    ['negative values', decimal(-0.31), -0.31, true],
    [
      'gestational age in total days (physician 99 days = [14,1])',
      { kind: 'gestational-age', value: [14, 1], lower: [14, 1], upper: [14, 1] },
      '[14,1]',
      true,
    ],
    [
      'gestational age within 5% of total days',
      { kind: 'gestational-age', value: [14, 0], lower: [14, 0], upper: [14, 0] },
      '[14,1]',
      true,
    ],
    [
      'gestational age off by 2 days at 2 weeks (±1 rule)',
      { kind: 'gestational-age', value: [2, 0], lower: [2, 0], upper: [2, 0] },
      '[2,2]',
      false,
    ],
    [
      'dates exactly (stored as MM/DD/YYYY)',
      { kind: 'date', value: '03/21/2006', lower: '03/21/2006', upper: '03/21/2006' },
      '03/21/2006',
      true,
    ],
    [
      'dates a day apart',
      { kind: 'date', value: '03/21/2006', lower: '03/21/2006', upper: '03/21/2006' },
      '03/22/2006',
      false,
    ],
  ];
  for (const [name, answer, value, expected] of cases)
    it(name, () => expect(agreesWithPhysician(answer, value)).toBe(expected));
});

describe('releaseStatistics', () => {
  it('counts changes and agreement by hand-checked example', () => {
    // Four items with a physician value, one relabeled without, one added, one removed, one confirmed.
    const prev = new Map<string, Label>();
    const cur = new Map<string, Label>();
    const put = (id: string, before: Label | null, after: Label | null) => {
      if (before) prev.set(id, before);
      if (after) cur.set(id, after);
    };
    const base = (id: string, answer: Label['answer']) => makeLabel({ id, answer });
    // a: previous 10 wrong, proposed 12 right, physician 12 → only proposal agrees
    put('a', base('a', integer(10)), {
      ...base('a', integer(12)),
      status: 'relabeled',
      revision: {
        previous: integer(10),
        proposed: integer(12),
        category: 'calculator-logic-mismatch',
        rationale: 'r',
        proposer: 'p',
        time: '2026-01-01T00:00:00Z',
      },
      signoffs: [physician('12', 12)],
    });
    // b: previous 5 right, proposed 9 wrong, physician amended to 5 → only previous agrees; current agrees
    put('b', base('b', integer(5)), {
      ...base('b', integer(5)),
      status: 'relabeled',
      revision: {
        previous: integer(5),
        proposed: integer(9),
        category: 'unclassified',
        rationale: 'r',
        proposer: 'p',
        time: '2026-01-01T00:00:00Z',
      },
      signoffs: [physician('5', 5)],
    });
    // c: both wrong (physician N/A), current incomputable
    put('c', base('c', integer(3)), {
      ...base('c', { kind: 'incomputable', value: null }),
      status: 'incomputable',
      revision: {
        previous: integer(3),
        proposed: integer(7),
        category: 'incomputable',
        rationale: 'r',
        proposer: 'p',
        time: '2026-01-01T00:00:00Z',
      },
      signoffs: [physician('N/A', null)],
    });
    // d: physician approves the unchanged label (78.1 with a unit) → both agree
    put('d', base('d', decimal(78.1)), { ...base('d', decimal(78.1)), signoffs: [physician('78.1 ml/hr', 78.1)] });
    put('e', base('e', decimal(1)), {
      ...base('e', decimal(2)),
      status: 'relabeled',
      revision: {
        previous: decimal(1),
        category: 'extraction-error',
        rationale: 'r',
        proposer: 'p',
        verifier: 'v',
        time: '2026-01-01T00:00:00Z',
      },
    });
    put('f', null, base('f', decimal(1)));
    put('g', base('g', decimal(1)), null);
    put('h', base('h', decimal(4)), { ...base('h', decimal(4)), status: 'confirmed' });
    const s = releaseStatistics({ previous: prev, current: cur, physicianRoles: ['physician'] }, contentHash);
    expect(s).toMatchObject({
      total: 7,
      previousTotal: 7,
      added: 1,
      removed: 1,
      relabeled: 2,
      madeIncomputable: 1,
      confirmed: 1,
      otherEdits: 2,
      unchanged: 0,
    });
    expect(s.byCategory['calculator-logic-mismatch'].count).toBe(1);
    expect(s.verifierOnly).toBe(3); // the test sign-offs carry a dummy content hash, so none is bound
    const a = s.agreement;
    expect(a.items).toBe(4);
    expect(a.previous).toMatchObject({ k: 2, n: 4 }); // b, d
    expect(a.proposed).toMatchObject({ k: 2, n: 4 }); // a, d
    expect(a).not.toHaveProperty('current');
    // Dummy content hashes: no sign-off is bound, so no label counts as a physician's value by construction.
    expect(a.byConstruction).toEqual({ released: 0, previous: 0 });
    expect(a.approvedAsProposed).toBe(4);
    expect(a.types).toEqual({ ordinal: 2, continuous: 1, na: 1, exact: 0 });
    expect(a.paired).toMatchObject({ both: 1, onlyProposed: 1, onlyPrevious: 1, neither: 1 });
    expect(a.paired!.mcnemarP).toBe(1);
    expect(a.valuesWithUnits).toEqual([{ id: 'd', text: '78.1 ml/hr', value: 78.1 }]);
    // Wilson 2/4: scipy-free check by the closed form, z = 1.959963984540054
    // centre = (0.5 + z²/8)/(1 + z²/4), half = z·sqrt(0.25/4 + z²/64)/(1 + z²/4)
    const z = 1.959963984540054;
    const centre = (0.5 + (z * z) / 8) / (1 + (z * z) / 4);
    const half = (z * Math.sqrt(0.25 / 4 + (z * z) / 64)) / (1 + (z * z) / 4);
    expect(a.previous!.lower).toBeCloseTo(centre - half, 12);
    expect(a.kappa).toBeNull();
  });

  it('computes kappa when items carry two physicians', () => {
    const cur = new Map<string, Label>();
    const prev = new Map<string, Label>();
    const verdicts: [number, number][] = [
      [4, 4],
      [4, 9],
      [9, 9],
      [4, 4],
    ]; // proposal 4; physicians' values
    verdicts.forEach(([x, y], k) => {
      const id = `k${k}`;
      prev.set(id, makeLabel({ id, answer: integer(4) }));
      cur.set(
        id,
        makeLabel({
          id,
          answer: integer(4),
          signoffs: [
            physician(String(x), x, '2026-01-01T00:00:00Z'),
            { ...physician(String(y), y, '2026-01-02T00:00:00Z'), reviewer: 'dr-b' },
          ],
        }),
      );
    });
    const s = releaseStatistics({ previous: prev, current: cur, physicianRoles: ['physician'] }, contentHash);
    // Verdicts (agree?): A = [T, T, F, T], B = [T, F, F, T]; po = 3/4; pe = (3/4·2/4) + (1/4·2/4) = 1/2; κ = 0.5
    expect(s.agreement.kappa!.kappa).toBeCloseTo(0.5, 12);
    expect(s.agreement.kappa!.items).toBe(4);
  });
});

import { exactMcNemar, newcombePairedDifference } from '../stats/index.js';
import { accuracyOf } from './accuracy.js';
import { formatLabelAnswer } from './format-label.js';
import { isCorrect, OUTCOMES } from './outcome.js';
import type { IndexedVersion } from './score-version.js';
import type { Flip, VersionComparison } from './types.js';

export interface GradedVersion {
  version: IndexedVersion;
  codes: Uint8Array;
}

/**
 * One model's grades under two versions, paired by item: accuracy under each on the shared items, the
 * difference (compare − base) with Newcombe's interval, the exact McNemar p, and every item whose
 * correctness flips. The answers are the same on both sides, so a flip is the label's doing.
 */
export function compareVersions(
  base: GradedVersion,
  compare: GradedVersion,
  answers: readonly (string | undefined)[],
  pairing: Int32Array = pairVersions(base.version, compare.version),
): VersionComparison {
  const counts = { both: 0, onlyBase: 0, onlyCompare: 0, neither: 0 };
  const flips: Flip[] = [];
  let paired = 0;
  for (let i = 0; i < base.version.items.length; i++) {
    const j = pairing[i];
    if (j === -1) continue;
    const position = base.version.positions[i];
    paired++;
    const a = OUTCOMES[base.codes[i]];
    const b = OUTCOMES[compare.codes[j]];
    const rightA = isCorrect(a);
    const rightB = isCorrect(b);
    if (rightA && rightB) counts.both++;
    else if (rightA) counts.onlyBase++;
    else if (rightB) counts.onlyCompare++;
    else counts.neither++;
    if (rightA !== rightB) {
      const itemA = base.version.items[i];
      const itemB = compare.version.items[j];
      flips.push({
        id: itemA.id,
        calculator: itemB.calculatorName,
        answer: answers[position] ?? null,
        base: { label: formatLabelAnswer(itemA.answer), outcome: a },
        compare: { label: formatLabelAnswer(itemB.answer), outcome: b },
        direction: rightB ? 'wrong → right' : 'right → wrong',
        labelChanged: JSON.stringify(itemA.answer) !== JSON.stringify(itemB.answer),
      });
    }
  }
  // newcombePairedDifference gives pA − pB; A is the compared version so the difference reads compare − base.
  const difference =
    paired > 0
      ? newcombePairedDifference({
          both: counts.both,
          onlyA: counts.onlyCompare,
          onlyB: counts.onlyBase,
          neither: counts.neither,
        })
      : null;
  const mcnemar = paired > 0 ? exactMcNemar(counts.onlyBase, counts.onlyCompare) : null;
  return {
    base: base.version.name,
    compare: compare.version.name,
    paired,
    counts,
    baseAccuracy: paired > 0 ? accuracyOf(counts.both + counts.onlyBase, paired) : null,
    compareAccuracy: paired > 0 ? accuracyOf(counts.both + counts.onlyCompare, paired) : null,
    difference: difference && { estimate: difference.estimate, lower: difference.lower, upper: difference.upper },
    mcnemar: mcnemar && { onlyBase: mcnemar.b, onlyCompare: mcnemar.c, pValue: mcnemar.pValue },
    flips,
    onlyInBase: base.version.items.length - paired,
    onlyInCompare: compare.version.items.length - paired,
  };
}

/** For each item of `base`, its position among the items of `compare` (-1 when compare lacks it). */
export function pairVersions(base: IndexedVersion, compare: IndexedVersion): Int32Array {
  const compareAt = new Map<number, number>();
  compare.positions.forEach((position, k) => compareAt.set(position, k));
  return base.positions.map((position) => compareAt.get(position) ?? -1);
}

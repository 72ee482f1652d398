import { catalogById } from '../calculators/catalog.js';
import { wilsonInterval } from '../stats/index.js';

/** k of n with its share and a Wilson 95% interval. */
export interface Rate {
  k: number;
  n: number;
  share: number;
  lower: number;
  upper: number;
}

export interface CalculatorRate extends Rate {
  id: number;
  name: string;
}

export interface ChangedShare {
  /** The previous release's labels this release gave a new value. */
  changed: number;
  /** The previous release's labels this release made incomputable (N/A). */
  madeIncomputable: number;
  /** changed + madeIncomputable of the previous release's labels. */
  total: Rate;
  /**
   * The same per calculator (n = that calculator's labels in the previous release), highest rate first;
   * null when the previous release did not record its labels per calculator.
   */
  byCalculator: CalculatorRate[] | null;
}

export function rate(k: number, n: number): Rate {
  if (n === 0) return { k, n, share: 0, lower: 0, upper: 0 };
  const ci = wilsonInterval(k, n);
  return { k, n, share: k / n, lower: ci.lower, upper: ci.upper };
}

/**
 * The headline of a release: how many of the previous release's labels it found wrong (changed) or
 * incomputable, as a share of them, and per calculator because items cluster by calculator (a whole-
 * benchmark interval treats them as independent, which they are not). Ties in rate go to the larger n.
 */
export function changedShare(
  counts: { changed: number; madeIncomputable: number; previousTotal: number },
  perCalculator: { changed: ReadonlyMap<number, number>; previous: Readonly<Record<string, number>> | null },
): ChangedShare {
  const sum = counts.changed + counts.madeIncomputable;
  let byCalculator: CalculatorRate[] | null = null;
  if (perCalculator.previous) {
    byCalculator = Object.entries(perCalculator.previous)
      .filter(([, n]) => n > 0)
      .map(([id, n]) => {
        const k = Math.min(perCalculator.changed.get(Number(id)) ?? 0, n);
        return { id: Number(id), name: catalogById(Number(id))?.names[0] ?? id, ...rate(k, n) };
      })
      .sort((a, b) => b.share - a.share || b.n - a.n || a.id - b.id);
  }
  return {
    changed: counts.changed,
    madeIncomputable: counts.madeIncomputable,
    total: rate(sum, counts.previousTotal),
    byCalculator,
  };
}

import { zForConfidence } from './normal-quantile.js';
import type { ConfidenceOptions } from './types.js';
import { assertCount, confidenceOf } from './validate.js';

/** A nominal category as a rater records it; compared with SameValueZero (as Map keys are). */
export type Category = string | number | boolean | null;

/** Either a square table of counts (rows: rater A, columns: rater B) or one [A, B] pair per item. */
export type KappaInput =
  | { table: readonly (readonly number[])[] }
  | { pairs: readonly (readonly [Category, Category])[]; categories?: readonly Category[] };

export interface KappaResult {
  kappa: number;
  /** Large-sample standard error of κ̂ when κ ≠ 0 (Fleiss, Cohen & Everitt 1969); the CI uses it. */
  se: number;
  /** Standard error under H0: κ = 0 (same paper), for a test of chance agreement. */
  seNull: number;
  /** Wald interval κ̂ ± z·se; not truncated to [−1, 1]. */
  lower: number;
  upper: number;
  observedAgreement: number;
  expectedAgreement: number;
  n: number;
  /** Category labels in table order (for a table input: 0 … k−1). */
  categories: Category[];
  /** Counts, rows rater A, columns rater B. */
  table: number[][];
}

const CALLER = 'cohensKappa';

function tableFromPairs(
  pairs: readonly (readonly [Category, Category])[],
  given: readonly Category[] | undefined,
): { categories: Category[]; table: number[][] } {
  const categories: Category[] = given ? [...given] : [];
  const index = new Map<Category, number>();
  categories.forEach((category, i) => {
    if (index.has(category)) throw new RangeError(`${CALLER}: category ${String(category)} is listed twice`);
    index.set(category, i);
  });
  const cells: [number, number][] = [];
  for (const [a, b] of pairs) {
    const ij: number[] = [];
    for (const rating of [a, b]) {
      let i = index.get(rating);
      if (i === undefined) {
        if (given) throw new RangeError(`${CALLER}: rating ${String(rating)} is not among the given categories`);
        i = categories.push(rating) - 1;
        index.set(rating, i);
      }
      ij.push(i);
    }
    cells.push([ij[0], ij[1]]);
  }
  const table = categories.map(() => categories.map(() => 0));
  for (const [i, j] of cells) table[i][j] += 1;
  return { categories, table };
}

function checkedTable(table: readonly (readonly number[])[]): number[][] {
  const k = table.length;
  if (k === 0) throw new RangeError(`${CALLER}: the table has no rows`);
  return table.map((row, i) => {
    if (row.length !== k)
      throw new RangeError(`${CALLER}: the table must be square; row ${i} has ${row.length} cells, expected ${k}`);
    row.forEach((count, j) => assertCount(`table[${i}][${j}]`, count, CALLER));
    return [...row];
  });
}

/**
 * Cohen's (1960) kappa with Fleiss, Cohen & Everitt's (1969, Psychol. Bull. 72:323–327) standard errors and a Wald CI.
 */
export function cohensKappa(input: KappaInput, options: ConfidenceOptions = {}): KappaResult {
  const confidence = confidenceOf(options, CALLER);
  const { categories, table } =
    'table' in input
      ? { table: checkedTable(input.table), categories: input.table.map((_, i) => i) as Category[] }
      : tableFromPairs(input.pairs, input.categories);
  const k = table.length;
  const n = table.reduce((sum, row) => sum + row.reduce((s, x) => s + x, 0), 0);
  if (n === 0) throw new RangeError(`${CALLER}: no rated items (n = 0)`);

  const p = table.map((row) => row.map((x) => x / n));
  const rowMargin = p.map((row) => row.reduce((s, x) => s + x, 0)); // p_i. (rater A)
  const colMargin = p[0].map((_, j) => p.reduce((s, row) => s + row[j], 0)); // p_.j (rater B)
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    po += p[i][i];
    pe += rowMargin[i] * colMargin[i];
  }
  const base = { observedAgreement: po, expectedAgreement: pe, n, categories, table };
  if (pe >= 1) {
    // Both raters used one and the same category for every item: κ is 0/0.
    return { kappa: Number.NaN, se: Number.NaN, seNull: Number.NaN, lower: Number.NaN, upper: Number.NaN, ...base };
  }
  const kappa = (po - pe) / (1 - pe);
  const oneMinusKappa = 1 - kappa;

  // Fleiss, Cohen & Everitt (1969), eq. for var(κ̂) with κ ≠ 0:
  // [Σ p_ii (1 − (p_i. + p_.i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)² − (κ − pe(1 − κ))²] / (n (1 − pe)²)
  let diagonal = 0;
  let offDiagonal = 0;
  let nullSum = 0;
  for (let i = 0; i < k; i++) {
    diagonal += p[i][i] * (1 - (rowMargin[i] + colMargin[i]) * oneMinusKappa) ** 2;
    nullSum += rowMargin[i] * colMargin[i] * (rowMargin[i] + colMargin[i]);
    for (let j = 0; j < k; j++) {
      if (i !== j) offDiagonal += p[i][j] * (colMargin[i] + rowMargin[j]) ** 2;
    }
  }
  const denominator = n * (1 - pe) ** 2;
  const variance = (diagonal + oneMinusKappa ** 2 * offDiagonal - (kappa - pe * oneMinusKappa) ** 2) / denominator;
  // Under κ = 0: [pe + pe² − Σ p_i. p_.i (p_i. + p_.i)] / (n (1 − pe)²).
  const nullVariance = (pe + pe * pe - nullSum) / denominator;
  // Rounding can push a true zero (perfect agreement) a hair below 0.
  const se = Math.sqrt(Math.max(0, variance));
  const seNull = Math.sqrt(Math.max(0, nullVariance));
  const z = zForConfidence(confidence);
  return { kappa, se, seNull, lower: kappa - z * se, upper: kappa + z * se, ...base };
}

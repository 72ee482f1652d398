import type { CalcValue } from '../../calculators/types.js';
import { totalDays } from '../../label/answer.js';
import type { ComputableKind, WeeksDays } from '../../label/types.js';

export interface Cluster {
  /** The first value of the cluster (N/A is null). */
  value: CalcValue | null;
  runs: number[];
}

export interface Vote {
  clusters: Cluster[];
  /** Runs whose reply could not be read (malformed JSON, a failed call): they join no cluster. */
  invalid: number[];
  decided: boolean;
  winner: Cluster | null;
}

/**
 * Whether two answers agree under the benchmark's tolerance: decimals within ±5% of the first (the
 * harness's 0.95·GT–1.05·GT limits; exact at 0), integers, dates and gestational ages exactly, N/A with N/A.
 */
export function agreesWithinTolerance(kind: ComputableKind, a: CalcValue | null, b: CalcValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (kind === 'decimal' && typeof a === 'number' && typeof b === 'number')
    return Math.abs(b - a) <= 0.05 * Math.abs(a);
  if (kind === 'integer' && typeof a === 'number' && typeof b === 'number') return Math.round(a) === Math.round(b);
  if (Array.isArray(a) && Array.isArray(b)) return totalDays(a as WeeksDays) === totalDays(b as WeeksDays);
  return a === b;
}

/** Clusters k runs' answers (in run order) and decides by supermajority. */
export function voteOn(
  kind: ComputableKind,
  answers: { run: number; value: CalcValue | null; ok: boolean }[],
  supermajority: number,
): Vote {
  const clusters: Cluster[] = [];
  const invalid: number[] = [];
  for (const a of answers) {
    if (!a.ok) {
      invalid.push(a.run);
      continue;
    }
    const home = clusters.find((c) => agreesWithinTolerance(kind, c.value, a.value));
    if (home) home.runs.push(a.run);
    else clusters.push({ value: a.value, runs: [a.run] });
  }
  clusters.sort((x, y) => y.runs.length - x.runs.length || x.runs[0] - y.runs[0]);
  const top = clusters[0] ?? null;
  const decided = top !== null && top.runs.length >= supermajority && (clusters[1]?.runs.length ?? 0) < top.runs.length;
  return { clusters, invalid, decided, winner: decided ? top : null };
}

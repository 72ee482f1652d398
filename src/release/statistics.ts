import { catalogById } from '../calculators/catalog.js';
import type { Answer, Label } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';
import { wilsonInterval } from '../stats/index.js';
import { type AgreementStatistics, agreementStatistics } from './agreement-statistics.js';
import { type ChangedShare, changedShare } from './changed-share.js';

export type { AgreementLine, AgreementStatistics } from './agreement-statistics.js';
export type { CalculatorRate, ChangedShare } from './changed-share.js';

/** A count with its share of the benchmark and a Wilson 95% interval on that share. */
export interface Share {
  count: number;
  share: number;
  lower: number;
  upper: number;
}

export interface ReleaseStatistics {
  total: number;
  previousTotal: number;
  added: number;
  removed: number;
  relabeled: number;
  madeIncomputable: number;
  confirmed: number;
  unchanged: number;
  /** Labels whose answer did not change but another field did (note, entities, sign-offs…). */
  otherEdits: number;
  /** Relabels (value changes and made incomputable) by error category and by calculator. */
  byCategory: Record<string, Share>;
  byCalculator: Record<string, Share & { name: string }>;
  physicianSigned: number;
  verifierOnly: number;
  /**
   * The previous release's labels this release changed or made incomputable, as a share of them with a
   * Wilson interval, and per calculator sorted by rate (null for a first release).
   */
  changedShare: ChangedShare | null;
  /**
   * This release's labels per calculator id: the next release's per-calculator denominators (absent when the previous
   * release did not record its own).
   */
  labelsByCalculator?: Record<string, number>;
  agreement: AgreementStatistics;
}

export interface StatisticsInput {
  previous: Map<string, Label>;
  current: Map<string, Label>;
  physicianRoles: readonly string[];
  /**
   * Labels unchanged since the previous release and carrying no sign-offs, left out of both maps (a
   * release does not keep 100,000 parsed labels to count them): they count as unchanged.
   */
  omittedUnchanged?: number;
  /** Labels new since the previous release and carrying no sign-offs, left out likewise: they count as added. */
  omittedAdded?: number;
  /** The previous release's label count, when `previous` holds only the labels the comparison needs. */
  previousTotal?: number;
  /**
   * The previous release's labels per calculator id (its record's `labelsByCalculator`), when `previous`
   * holds only some of them; without it the per-calculator rates are left out unless `previous` is whole.
   */
  previousByCalculator?: Record<string, number>;
  /** The labels counted in `omittedAdded`, per calculator id. */
  omittedAddedByCalculator?: Record<string, number>;
}

const sameAnswer = (a: Answer, b: Answer) => canonicalJson(a) === canonicalJson(b);

function share(count: number, total: number): Share {
  if (total === 0) return { count, share: 0, lower: 0, upper: 0 };
  const ci = wilsonInterval(count, total);
  return { count, share: count / total, lower: ci.lower, upper: ci.upper };
}

/** Whether a label's answer is vouched for by a physician approve/amend bound to its current content. */
export function isPhysicianSigned(label: Label, physicianRoles: readonly string[], contentHash: string): boolean {
  return label.signoffs.some(
    (s) =>
      physicianRoles.includes(s.role) &&
      (s.decision === 'approve' || s.decision === 'amend') &&
      s.contentHash === contentHash,
  );
}

/** Counts of what a release changed and how its labels agree with physicians: a pure function of two label sets. */
export function releaseStatistics(input: StatisticsInput, hashOf: (label: Label) => string): ReleaseStatistics {
  const { previous, current, physicianRoles } = input;
  const omitted = input.omittedUnchanged ?? 0;
  const omittedAdded = input.omittedAdded ?? 0;
  const total = current.size + omitted + omittedAdded;
  const stats = {
    added: omittedAdded,
    removed: 0,
    relabeled: 0,
    madeIncomputable: 0,
    confirmed: 0,
    unchanged: omitted,
    otherEdits: 0,
    physicianSigned: 0,
    verifierOnly: 0,
  };
  const byCategory = new Map<string, number>();
  const byCalculator = new Map<number, number>();
  // Labels per calculator: the previous release's counts, moved by what this release added, removed or re-filed.
  const previousWhole = input.previousTotal === undefined || input.previousTotal === previous.size;
  // Recorded counts that do not add up to the previous release's labels (an older or edited record) are not trusted.
  const recorded = input.previousByCalculator;
  const recordedFits =
    recorded !== undefined &&
    Object.values(recorded).reduce((a, b) => a + b, 0) === (input.previousTotal ?? previous.size);
  const previousCounts = recordedFits ? recorded : previousWhole ? countByCalculator(previous.values()) : null;
  const counts = new Map<number, number>(Object.entries(previousCounts ?? {}).map(([k, v]) => [Number(k), v]));
  const bump = (calculator: number, by: number) => counts.set(calculator, (counts.get(calculator) ?? 0) + by);
  for (const [k, v] of Object.entries(input.omittedAddedByCalculator ?? {})) bump(Number(k), v);
  for (const [id, label] of current) {
    const before = previous.get(id);
    if (!before) {
      stats.added++;
      bump(label.calculator.id, 1);
      continue;
    }
    if (before.calculator.id !== label.calculator.id) {
      bump(before.calculator.id, -1);
      bump(label.calculator.id, 1);
    }
    // Unchanged files share one object between the two sides: no need to compare them field by field.
    if (before === label) {
      stats.unchanged++;
      continue;
    }
    if (!sameAnswer(before.answer, label.answer)) {
      if (label.answer.kind === 'incomputable') stats.madeIncomputable++;
      else stats.relabeled++;
      const category = label.revision?.category ?? 'unrecorded';
      byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
      byCalculator.set(label.calculator.id, (byCalculator.get(label.calculator.id) ?? 0) + 1);
      if (isPhysicianSigned(label, physicianRoles, hashOf(label))) stats.physicianSigned++;
      else stats.verifierOnly++;
    } else if (label.status === 'confirmed' && before.status !== 'confirmed') stats.confirmed++;
    else if (canonicalJson(before) === canonicalJson(label)) stats.unchanged++;
    else stats.otherEdits++;
  }
  for (const [id, label] of previous) {
    if (current.has(id)) continue;
    stats.removed++;
    bump(label.calculator.id, -1);
  }
  const previousTotal = input.previousTotal ?? previous.size;
  const hadPrevious = previousTotal > 0 || previous.size > 0;
  return {
    total,
    previousTotal,
    ...stats,
    byCategory: Object.fromEntries([...byCategory].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, share(v, total)])),
    byCalculator: Object.fromEntries(
      [...byCalculator]
        .sort((a, b) => a[0] - b[0])
        .map(([k, v]) => [String(k), { ...share(v, total), name: catalogById(k)?.names[0] ?? String(k) }]),
    ),
    changedShare: hadPrevious
      ? changedShare(
          { changed: stats.relabeled, madeIncomputable: stats.madeIncomputable, previousTotal },
          { changed: byCalculator, previous: previousCounts },
        )
      : null,
    ...(previousCounts || !hadPrevious
      ? {
          labelsByCalculator: Object.fromEntries(
            [...counts]
              .filter(([, v]) => v > 0)
              .sort((a, b) => a[0] - b[0])
              .map(([k, v]) => [String(k), v]),
          ),
        }
      : {}),
    agreement: agreementStatistics(input, hashOf),
  };
}

function countByCalculator(labels: Iterable<Label>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of labels) out[l.calculator.id] = (out[l.calculator.id] ?? 0) + 1;
  return out;
}

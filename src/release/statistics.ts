import { catalogById } from '../calculators/catalog.js';
import type { Answer, Label } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';
import { cohensKappa, exactMcNemar, newcombePairedDifference, wilsonInterval } from '../stats/index.js';
import { AGREEMENT_RULE, physicianAgrees } from '../review/agreement.js';
import { physicianValues } from './agreement.js';

/** A count with its share of the benchmark and a Wilson 95% interval on that share. */
export interface Share {
  count: number;
  share: number;
  lower: number;
  upper: number;
}

export interface AgreementLine {
  k: number;
  n: number;
  percent: number;
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
  agreement: AgreementStatistics;
}

export interface AgreementStatistics {
  rule: string;
  /** Items carrying a physician value (the earliest physician sign-off with a value is the item's ground truth). */
  items: number;
  previous: AgreementLine | null;
  proposed: AgreementLine | null;
  current: AgreementLine | null;
  paired: {
    both: number;
    onlyProposed: number;
    onlyPrevious: number;
    neither: number;
    difference: number;
    lower: number;
    upper: number;
    mcnemarP: number;
  } | null;
  kappa: { items: number; kappa: number; se: number; lower: number; upper: number } | null;
  /** Physician values given with a unit and read as their number ('78.1 ml/hr' → 78.1). */
  valuesWithUnits: { id: string; text: string; value: number; agrees: { previous: boolean; proposed: boolean; current: boolean } }[];
  /** Physician texts that are no value at all ('Multiple'): kept raw, not counted. */
  unreadable: { id: string; text: string }[];
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
}

const sameAnswer = (a: Answer, b: Answer) => canonicalJson(a) === canonicalJson(b);

function share(count: number, total: number): Share {
  if (total === 0) return { count, share: 0, lower: 0, upper: 0 };
  const ci = wilsonInterval(count, total);
  return { count, share: count / total, lower: ci.lower, upper: ci.upper };
}

function line(k: number, n: number): AgreementLine | null {
  if (n === 0) return null;
  const ci = wilsonInterval(k, n);
  return { k, n, percent: (100 * k) / n, lower: ci.lower, upper: ci.upper };
}

/** Whether a label's answer is vouched for by a physician approve/amend bound to its current content. */
export function isPhysicianSigned(label: Label, physicianRoles: readonly string[], contentHash: string): boolean {
  return label.signoffs.some((s) => physicianRoles.includes(s.role) && (s.decision === 'approve' || s.decision === 'amend') && s.contentHash === contentHash);
}

/** Counts of what a release changed and how its labels agree with physicians: a pure function of two label sets. */
export function releaseStatistics(input: StatisticsInput, hashOf: (label: Label) => string): ReleaseStatistics {
  const { previous, current, physicianRoles } = input;
  const omitted = input.omittedUnchanged ?? 0;
  const omittedAdded = input.omittedAdded ?? 0;
  const total = current.size + omitted + omittedAdded;
  const stats = { added: omittedAdded, removed: 0, relabeled: 0, madeIncomputable: 0, confirmed: 0, unchanged: omitted, otherEdits: 0, physicianSigned: 0, verifierOnly: 0 };
  const byCategory = new Map<string, number>();
  const byCalculator = new Map<number, number>();
  for (const [id, label] of current) {
    const before = previous.get(id);
    if (!before) {
      stats.added++;
      continue;
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
  for (const id of previous.keys()) if (!current.has(id)) stats.removed++;
  return {
    total,
    previousTotal: input.previousTotal ?? previous.size,
    ...stats,
    byCategory: Object.fromEntries([...byCategory].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, share(v, total)])),
    byCalculator: Object.fromEntries(
      [...byCalculator].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), { ...share(v, total), name: catalogById(k)?.names[0] ?? String(k) }]),
    ),
    agreement: agreementStatistics(input),
  };
}

function agreementStatistics({ previous, current, physicianRoles }: StatisticsInput): AgreementStatistics {
  let items = 0;
  const tallies = { previous: [0, 0], proposed: [0, 0], current: [0, 0] };
  const paired = { both: 0, onlyProposed: 0, onlyPrevious: 0, neither: 0 };
  const valuesWithUnits: AgreementStatistics['valuesWithUnits'] = [];
  const unreadable: AgreementStatistics['unreadable'] = [];
  const kappaPairs: [boolean, boolean][] = [];
  for (const [id, label] of current) {
    for (const s of label.signoffs) {
      if (physicianRoles.includes(s.role) && s.value !== undefined && s.parsedValue === undefined) unreadable.push({ id, text: s.value });
    }
    const values = physicianValues(label, physicianRoles);
    if (values.length === 0) continue;
    items++;
    const truth = values[0];
    const physician = truth.parsedValue ?? null;
    const before = previous.get(id);
    const proposedAnswer = label.revision?.proposed ?? (label.revision ? label.answer : before?.answer ?? label.answer);
    const agree = {
      previous: before ? physicianAgrees(before.answer, physician) : undefined,
      proposed: physicianAgrees(proposedAnswer, physician),
      current: physicianAgrees(label.answer, physician),
    };
    if (typeof truth.parsedValue === 'number' && truth.value !== undefined && !/^\s*[-+]?[\d.]+(e[-+]?\d+)?\s*$/i.test(truth.value)) {
      const agrees = { previous: agree.previous ?? false, proposed: agree.proposed, current: agree.current };
      valuesWithUnits.push({ id, text: truth.value, value: truth.parsedValue, agrees });
    }
    for (const key of ['previous', 'proposed', 'current'] as const) {
      if (agree[key] === undefined) continue;
      tallies[key][1]++;
      if (agree[key]) tallies[key][0]++;
    }
    if (agree.previous !== undefined) {
      if (agree.proposed && agree.previous) paired.both++;
      else if (agree.proposed) paired.onlyProposed++;
      else if (agree.previous) paired.onlyPrevious++;
      else paired.neither++;
    }
    if (values.length >= 2) {
      const [a, b] = values;
      kappaPairs.push([physicianAgrees(proposedAnswer, a.parsedValue ?? null), physicianAgrees(proposedAnswer, b.parsedValue ?? null)]);
    }
  }
  const pairedTotal = paired.both + paired.onlyProposed + paired.onlyPrevious + paired.neither;
  let pairedResult: AgreementStatistics['paired'] = null;
  if (pairedTotal > 0) {
    const diff = newcombePairedDifference({ both: paired.both, onlyA: paired.onlyProposed, onlyB: paired.onlyPrevious, neither: paired.neither });
    const mcnemar = exactMcNemar(paired.onlyProposed, paired.onlyPrevious);
    pairedResult = { ...paired, difference: diff.estimate, lower: diff.lower, upper: diff.upper, mcnemarP: mcnemar.pValue };
  }
  let kappa: AgreementStatistics['kappa'] = null;
  if (kappaPairs.length > 0) {
    const k = cohensKappa({ pairs: kappaPairs });
    kappa = { items: kappaPairs.length, kappa: k.kappa, se: k.se, lower: k.lower, upper: k.upper };
  }
  return {
    rule: AGREEMENT_RULE,
    items,
    previous: line(tallies.previous[0], tallies.previous[1]),
    proposed: line(tallies.proposed[0], tallies.proposed[1]),
    current: line(tallies.current[0], tallies.current[1]),
    paired: pairedResult,
    kappa,
    valuesWithUnits,
    unreadable,
  };
}

import type { Answer, Label } from '../label/types.js';
import { cohensKappa, exactMcNemar, newcombePairedDifference, wilsonInterval } from '../stats/index.js';
import { AGREEMENT_RULE, physicianAgrees, valueType } from '../review/agreement.js';
import { physicianValues } from './agreement.js';

export interface AgreementLine {
  k: number;
  n: number;
  percent: number;
  lower: number;
  upper: number;
}

export interface AgreementStatistics {
  rule: string;
  /** Items carrying a physician value (the earliest physician sign-off with a value is the item's ground truth). */
  items: number;
  /**
   * The previous release's labels vs the physician values, over the items where they were not the physicians' own
   * values.
   */
  previous: AgreementLine | null;
  /** The labels as proposed, before physician review (the verifier's output), vs the physician values. */
  proposed: AgreementLine | null;
  /**
   * Items whose label is a physician's own value, set by a physician's `amend`: their agreement is true
   * by construction, so it is never reported as a finding. `released` counts this release's labels,
   * `previous` the previous release's (those items are left out of the previous line and the pair table).
   */
  byConstruction: { released: number; previous: number };
  /**
   * Released labels on physician-reviewed items that a physician approved as they were (not set to the physician's
   * value).
   */
  approvedAsProposed: number;
  /** How the items' value types came out (decided from the physician value and every label version compared). */
  types: { ordinal: number; continuous: number; na: number; exact: number };
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
  /**
   * Physician values given with a unit and read as their number ('78.1 ml/hr' → 78.1), as the paper's script reads them
   * too.
   */
  valuesWithUnits: { id: string; text: string; value: number }[];
  /** Physician texts that are no value at all and were not mapped to one: kept raw, not counted. */
  unreadable: { id: string; text: string }[];
}

export interface AgreementInput {
  previous: Map<string, Label>;
  current: Map<string, Label>;
  physicianRoles: readonly string[];
}

/** Whether the label's answer was set to a physician's own value: a physician `amend` bound to this very content. */
export function setByPhysician(label: Label, physicianRoles: readonly string[], hash: string): boolean {
  return label.signoffs.some(
    (s) => physicianRoles.includes(s.role) && s.decision === 'amend' && s.contentHash === hash,
  );
}

function line(k: number, n: number): AgreementLine | null {
  if (n === 0) return null;
  const ci = wilsonInterval(k, n);
  return { k, n, percent: (100 * k) / n, lower: ci.lower, upper: ci.upper };
}

const PLAIN_NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*$/i;

/**
 * Agreement of label versions with physician values, by the one rule of src/review/agreement.ts: the
 * previous release's labels and the labels as proposed (their item's value type decided from the
 * physician value and both versions), the paired table of the two, the exact McNemar test and the
 * Newcombe difference. The released labels are not compared: where physicians amended them they are
 * the physicians' values by construction, and where physicians approved them they are the proposals.
 */
export function agreementStatistics(
  { previous, current, physicianRoles }: AgreementInput,
  hashOf: (label: Label) => string,
): AgreementStatistics {
  let items = 0;
  const tallies = { previous: [0, 0], proposed: [0, 0] };
  const paired = { both: 0, onlyProposed: 0, onlyPrevious: 0, neither: 0 };
  const byConstruction = { released: 0, previous: 0 };
  const types = { ordinal: 0, continuous: 0, na: 0, exact: 0 };
  let approvedAsProposed = 0;
  const valuesWithUnits: AgreementStatistics['valuesWithUnits'] = [];
  const unreadable: AgreementStatistics['unreadable'] = [];
  const kappaPairs: [boolean, boolean][] = [];
  for (const [id, label] of current) {
    for (const s of label.signoffs) {
      if (physicianRoles.includes(s.role) && s.value !== undefined && s.parsedValue === undefined)
        unreadable.push({ id, text: s.value });
    }
    const values = physicianValues(label, physicianRoles);
    if (values.length === 0) continue;
    items++;
    const truth = values[0];
    const physician = truth.parsedValue ?? null;
    const before = previous.get(id);
    const proposedAnswer: Answer =
      label.revision?.proposed ?? (label.revision ? label.answer : (before?.answer ?? label.answer));
    if (setByPhysician(label, physicianRoles, hashOf(label))) byConstruction.released++;
    else approvedAsProposed++;
    const previousIsPhysicians = before !== undefined && setByPhysician(before, physicianRoles, hashOf(before));
    if (previousIsPhysicians) byConstruction.previous++;
    const previousAnswer = before && !previousIsPhysicians ? before.answer : undefined;
    // One value type per item, from the physician value and every label version compared with it.
    const compared = [proposedAnswer, ...(previousAnswer ? [previousAnswer] : [])];
    types[valueType(physician, compared)]++;
    const agree = {
      previous: previousAnswer ? physicianAgrees(previousAnswer, physician, compared) : undefined,
      proposed: physicianAgrees(proposedAnswer, physician, compared),
    };
    if (typeof truth.parsedValue === 'number' && truth.value !== undefined && !PLAIN_NUMBER.test(truth.value)) {
      valuesWithUnits.push({ id, text: truth.value, value: truth.parsedValue });
    }
    for (const key of ['previous', 'proposed'] as const) {
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
      kappaPairs.push([
        physicianAgrees(proposedAnswer, a.parsedValue ?? null, compared),
        physicianAgrees(proposedAnswer, b.parsedValue ?? null, compared),
      ]);
    }
  }
  const pairedTotal = paired.both + paired.onlyProposed + paired.onlyPrevious + paired.neither;
  let pairedResult: AgreementStatistics['paired'] = null;
  if (pairedTotal > 0) {
    const diff = newcombePairedDifference({
      both: paired.both,
      onlyA: paired.onlyProposed,
      onlyB: paired.onlyPrevious,
      neither: paired.neither,
    });
    const mcnemar = exactMcNemar(paired.onlyProposed, paired.onlyPrevious);
    pairedResult = {
      ...paired,
      difference: diff.estimate,
      lower: diff.lower,
      upper: diff.upper,
      mcnemarP: mcnemar.pValue,
    };
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
    byConstruction,
    approvedAsProposed,
    types,
    paired: pairedResult,
    kappa,
    valuesWithUnits,
    unreadable,
  };
}

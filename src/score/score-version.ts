import { accuracyOf, GroupTally } from './accuracy.js';
import { gradeAnswer } from './grade-answer.js';
import { gradeRawOutput } from './grade-raw-output.js';
import type { ScoringItem } from './items.js';
import { emptyOutcomeCounts, isCorrect, OUTCOME_CODE, OUTCOMES } from './outcome.js';
import type { VersionScore } from './types.js';

/** A version's items and, for each, its position in the item index that answers are kept by. */
export interface IndexedVersion {
  name: string;
  items: readonly ScoringItem[];
  positions: Int32Array;
}

/**
 * The answer each item of a version was last graded for and the grade it got, kept from one model to the
 * next: models often give an item the same answer (its value, N/A), and grading is a pure function of
 * the item and the answer, so that answer is graded once.
 */
export class GradeMemo {
  readonly texts: (string | undefined)[];
  readonly codes: Uint8Array;
  constructor(items: number) {
    this.texts = new Array<string | undefined>(items).fill(undefined);
    this.codes = new Uint8Array(items);
  }
}

/** Grades every item of a version: one outcome code per item (see OUTCOME_CODE). */
export function gradeVersion(
  version: IndexedVersion,
  answers: readonly (string | undefined)[],
  options: { extract?: boolean; memo?: GradeMemo } = {},
): Uint8Array {
  const grade = options.extract ? gradeRawOutput : gradeAnswer;
  const { memo } = options;
  const codes = new Uint8Array(version.items.length);
  for (let k = 0; k < version.items.length; k++) {
    const text = answers[version.positions[k]];
    if (memo && text !== undefined && memo.texts[k] === text) {
      codes[k] = memo.codes[k];
      continue;
    }
    codes[k] = OUTCOME_CODE[grade(version.items[k], text)];
    if (memo) {
      memo.texts[k] = text;
      memo.codes[k] = codes[k];
    }
  }
  return codes;
}

/** Each item's calculator and category as a group number, with each group's key and name (first seen). */
interface VersionGroups {
  calculator: Groups;
  category: Groups;
}

interface Groups {
  of: Int32Array;
  keys: string[];
  names: string[];
}

// A version's groups are the same for every model graded against it: found once per version.
const groupsByVersion = new WeakMap<IndexedVersion, VersionGroups>();

function groupsOf(version: IndexedVersion): VersionGroups {
  let groups = groupsByVersion.get(version);
  if (!groups) {
    groups = {
      calculator: numbered(
        version.items,
        (item) => String(item.calculatorId),
        (item) => item.calculatorName,
      ),
      category: numbered(
        version.items,
        (item) => item.category,
        (item) => item.category,
      ),
    };
    groupsByVersion.set(version, groups);
  }
  return groups;
}

function numbered(
  items: readonly ScoringItem[],
  keyOf: (item: ScoringItem) => string,
  nameOf: (item: ScoringItem) => string,
): Groups {
  const at = new Map<string, number>();
  const out: Groups = { of: new Int32Array(items.length), keys: [], names: [] };
  items.forEach((item, k) => {
    const key = keyOf(item);
    let group = at.get(key);
    if (group === undefined) {
      group = out.keys.length;
      at.set(key, group);
      out.keys.push(key);
      out.names.push(nameOf(item));
    }
    out.of[k] = group;
  });
  return out;
}

/** The groups' tallies of one model, in the order the groups were first seen (as GroupTally.add would). */
function tallied(groups: Groups, right: Uint8Array): GroupTally {
  const correct = new Int32Array(groups.keys.length);
  const total = new Int32Array(groups.keys.length);
  for (let k = 0; k < groups.of.length; k++) {
    total[groups.of[k]]++;
    correct[groups.of[k]] += right[k];
  }
  const tally = new GroupTally();
  groups.keys.forEach((key, g) => tally.addCounts(key, groups.names[g], correct[g], total[g]));
  return tally;
}

/** Accuracy overall, per calculator and per category, outcome counts and the missing items. */
export function summarizeVersion(version: IndexedVersion, codes: Uint8Array): VersionScore {
  const outcomes = emptyOutcomeCounts();
  const missing: string[] = [];
  const right = new Uint8Array(version.items.length);
  let correct = 0;
  for (let k = 0; k < version.items.length; k++) {
    const outcome = OUTCOMES[codes[k]];
    outcomes[outcome]++;
    if (isCorrect(outcome)) {
      right[k] = 1;
      correct++;
    }
    if (outcome === 'missing') missing.push(version.items[k].id);
  }
  const groups = groupsOf(version);
  const byCalculator = tallied(groups.calculator, right);
  const byCategory = tallied(groups.category, right);
  return {
    version: version.name,
    accuracy: accuracyOf(correct, version.items.length),
    outcomes,
    missing,
    byCalculator: byCalculator.result((a, b) => Number(a) - Number(b) || a.localeCompare(b)),
    byCategory: byCategory.result(),
  };
}

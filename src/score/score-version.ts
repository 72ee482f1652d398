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

/** Grades every item of a version: one outcome code per item (see OUTCOME_CODE). */
export function gradeVersion(
  version: IndexedVersion,
  answers: readonly (string | undefined)[],
  options: { extract?: boolean } = {},
): Uint8Array {
  const grade = options.extract ? gradeRawOutput : gradeAnswer;
  const codes = new Uint8Array(version.items.length);
  for (let k = 0; k < version.items.length; k++) {
    codes[k] = OUTCOME_CODE[grade(version.items[k], answers[version.positions[k]])];
  }
  return codes;
}

/** Accuracy overall, per calculator and per category, outcome counts and the missing items. */
export function summarizeVersion(version: IndexedVersion, codes: Uint8Array): VersionScore {
  const outcomes = emptyOutcomeCounts();
  const byCalculator = new GroupTally();
  const byCategory = new GroupTally();
  const missing: string[] = [];
  let correct = 0;
  for (let k = 0; k < version.items.length; k++) {
    const item = version.items[k];
    const outcome = OUTCOMES[codes[k]];
    outcomes[outcome]++;
    const right = isCorrect(outcome);
    if (right) correct++;
    if (outcome === 'missing') missing.push(item.id);
    byCalculator.add(String(item.calculatorId), item.calculatorName, right);
    byCategory.add(item.category, item.category, right);
  }
  return {
    version: version.name,
    accuracy: accuracyOf(correct, version.items.length),
    outcomes,
    missing,
    byCalculator: byCalculator.result((a, b) => Number(a) - Number(b) || a.localeCompare(b)),
    byCategory: byCategory.result(),
  };
}

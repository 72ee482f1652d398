import { wilsonInterval } from '../stats/index.js';
import type { Accuracy, GroupAccuracy } from './types.js';

/** k/n with its Wilson 95% interval. */
export function accuracyOf(correct: number, total: number): Accuracy {
  return { correct, total, ...wilsonInterval(correct, total) };
}

/** Accumulates correct/total per group key, remembering each group's display name. */
export class GroupTally {
  private readonly groups = new Map<string, { name: string; correct: number; total: number }>();

  add(key: string, name: string, correct: boolean): void {
    this.addCounts(key, name, correct ? 1 : 0, 1);
  }

  /** `total` items of a group at once, `correct` of them right. */
  addCounts(key: string, name: string, correct: number, total: number): void {
    let group = this.groups.get(key);
    if (!group) {
      group = { name, correct: 0, total: 0 };
      this.groups.set(key, group);
    }
    group.total += total;
    group.correct += correct;
  }

  /** The groups with their accuracy, in the order `compare` gives (by key when omitted). */
  result(compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b)): GroupAccuracy[] {
    return [...this.groups.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([key, g]) => ({ key, name: g.name, ...accuracyOf(g.correct, g.total) }));
  }
}

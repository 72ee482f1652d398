import type { Label, Signoff } from '../label/types.js';
import { answerKindOf, answerOf } from '../core/answer-kind.js';
import { physicianAgrees } from '../review/agreement.js';
import { answerValueOf, parsePhysicianValue } from '../review/physician-value.js';
import { cohensKappa } from '../stats/index.js';

export interface PanelRow {
  id: string;
  calculator: string;
  proposed: string;
  /** reviewer → their latest value and decision on the item. */
  values: Record<string, { value: string; decision: Signoff['decision'] }>;
  /** Every pair of physicians agrees by the paper's rule. */
  unanimous: boolean;
}

export interface PanelPair {
  a: string;
  b: string;
  n: number;
  /** Items where the two physicians' values agree by the paper's rule (src/review/agreement.ts). */
  agreeing: number;
  /**
   * Cohen's κ of their verdicts on the label under review (does the physician's value agree with it by
   * the paper's rule: yes/no), with its 95% Wald interval (src/stats); null when it is 0/0 (both gave one
   * verdict throughout).
   */
  kappa: { value: number; lower: number; upper: number } | null;
}

export interface Panel {
  reviewers: string[];
  rows: PanelRow[];
  pairs: PanelPair[];
}

type Rated = { value: string; decision: Signoff['decision']; parsed: ReturnType<typeof parsePhysicianValue> };

/**
 * The physicians' values side by side, for items that at least two of them have given a value on. Only
 * sign-offs `sound` accepts count (the caller's check: a verifying signature on the current content).
 */
export function buildPanel(
  labels: readonly Label[],
  physicians: ReadonlySet<string>,
  sound: (label: Label, signoff: Signoff) => boolean,
): Panel {
  const rows: PanelRow[] = [];
  const ratings: { label: Label; by: Map<string, Rated> }[] = [];
  const names = new Set<string>();
  for (const label of labels) {
    const by = new Map<string, Rated>();
    for (const s of label.signoffs) {
      if (!physicians.has(s.reviewer) || s.value === undefined || !sound(label, s)) continue;
      by.set(s.reviewer, {
        value: s.value,
        decision: s.decision,
        parsed: parsePhysicianValue(answerKindOf(label), s.value),
      });
    }
    if (by.size < 2) continue;
    for (const r of by.keys()) names.add(r);
    ratings.push({ label, by });
    const parsed = [...by.values()].map((r) => r.parsed);
    const unanimous = parsed.every((p, i) => parsed.slice(i + 1).every((q) => valuesAgree(label, p, q)));
    const proposed = label.revision?.proposed ?? label.answer;
    rows.push({
      id: label.id,
      calculator: label.calculator.name,
      proposed: proposed.kind === 'incomputable' ? 'N/A' : JSON.stringify(proposed.value).replace(/^"|"$/g, ''),
      values: Object.fromEntries([...by].map(([r, v]) => [r, { value: v.value, decision: v.decision }])),
      unanimous,
    });
  }
  const reviewers = [...names].sort();
  const pairs: PanelPair[] = [];
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) {
      const [a, b] = [reviewers[i], reviewers[j]];
      const both = ratings.filter((r) => r.by.has(a) && r.by.has(b));
      if (both.length === 0) continue;
      const agreeing = both.filter((r) => valuesAgree(r.label, r.by.get(a)!.parsed, r.by.get(b)!.parsed)).length;
      const verdicts = both.map(
        (r) =>
          [acceptsLabel(r.label, r.by.get(a)!.parsed), acceptsLabel(r.label, r.by.get(b)!.parsed)] as [
            boolean,
            boolean,
          ],
      );
      const k = cohensKappa({ pairs: verdicts, categories: [true, false] });
      pairs.push({
        a,
        b,
        n: both.length,
        agreeing,
        kappa: Number.isNaN(k.kappa) ? null : { value: k.kappa, lower: k.lower, upper: k.upper },
      });
    }
  }
  return { reviewers, rows, pairs };
}

function acceptsLabel(label: Label, value: Rated['parsed']): boolean {
  return value !== undefined && physicianAgrees(label.revision?.proposed ?? label.answer, value);
}

/** Two physicians' values agree by the paper's rule, the second taken as the physician value. */
function valuesAgree(label: Label, a: Rated['parsed'], b: Rated['parsed']): boolean {
  if (a === undefined || b === undefined) return false;
  const kind = answerKindOf(label);
  return physicianAgrees(answerOf(kind, a === null ? null : answerValueOf(kind, a)), b);
}

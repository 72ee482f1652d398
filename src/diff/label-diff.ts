import { type Changeset, type IAtomicChange, atomizeChangeset, diff } from 'json-diff-ts';
import type { Label } from '../label/types.js';

export type LabelChangeType = 'added' | 'removed' | 'modified';

/** One field that changed, as people read it: `answer.value: 4 → 5`. */
export interface FieldChange {
  path: string;
  op: 'add' | 'remove' | 'update';
  from?: unknown;
  to?: unknown;
}

export interface LabelDiff {
  id: string;
  file: string;
  change: LabelChangeType;
  calculatorId: number;
  /** The error category of the revision that made this change, when the label carries one. */
  category: string | null;
  fields: FieldChange[];
  signoffsAdded: number;
  /** The json-diff-ts changeset from the old label to the new (for machines). */
  changeset: Changeset;
}

// Sign-offs are matched by signature, so an appended sign-off is one ADD, not a shifted array.
const OPTIONS = { embeddedObjKeys: { signoffs: 'signature' } };

/** The semantic difference between two versions of one label (either may be absent). */
export function diffLabel(file: string, before: Label | null, after: Label | null): LabelDiff {
  const current = (after ?? before)!;
  const change: LabelChangeType = !before ? 'added' : !after ? 'removed' : 'modified';
  const changeset = before && after ? diff(before, after, OPTIONS) : [];
  const fields = before && after ? atomizeChangeset(changeset).map(toFieldChange).filter(isReadable) : [];
  const signoffsAdded = Math.max(0, (after?.signoffs.length ?? 0) - (before?.signoffs.length ?? 0));
  return {
    id: current.id,
    file,
    change,
    calculatorId: current.calculator.id,
    category: after?.revision?.category ?? null,
    fields,
    signoffsAdded,
    changeset,
  };
}

function toFieldChange(c: IAtomicChange): FieldChange {
  const path = c.path.replace(/^\$\.?/, '').replace(/\[\?\(@\.signature=='([^']{0,12})[^']*'\)\]/g, '[$1…]');
  const op = c.type === 'ADD' ? 'add' : c.type === 'REMOVE' ? 'remove' : 'update';
  return op === 'add'
    ? { path, op, to: c.value }
    : op === 'remove'
      ? { path, op, from: c.value }
      : { path, op, from: c.oldValue, to: c.value };
}

// The upstream spelling of an answer is bookkeeping for exports; a reader cares about the answer itself.
function isReadable(f: FieldChange): boolean {
  return !f.path.startsWith('source.answerText');
}

/** `answer.value: 4 → 5`, `revision: added`, for terminals and Markdown. */
export function describeField(f: FieldChange): string {
  const show = (v: unknown) =>
    typeof v === 'string'
      ? v.length > 60
        ? JSON.stringify(v.slice(0, 57) + '…')
        : JSON.stringify(v)
      : JSON.stringify(v);
  if (f.op === 'add') return `${f.path}: added ${show(f.to)}`;
  if (f.op === 'remove') return `${f.path}: removed (was ${show(f.from)})`;
  return `${f.path}: ${show(f.from)} → ${show(f.to)}`;
}

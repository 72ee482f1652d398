// The package's ES module build, by path: its package.json has no "exports" and its "main" is the CommonJS
// build, and loading that from an ES module starts Node's CommonJS loader (~30 ms of a diff's start-up).
// The two builds are the same code (4.10.4, pinned); test/diff/json-diff-ts-builds.test.ts checks they agree.
import { type Changeset, type IAtomicChange, atomizeChangeset, diff } from 'json-diff-ts/dist/index.js';
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
  const changeset =
    before && after ? diff(...withoutSharedMembers(before as unknown as Json, after as unknown as Json), OPTIONS) : [];
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

type Json = Record<string, unknown>;

/**
 * Both objects without the members they share (equal in value), looking into objects but never into
 * arrays (an element's place in its array is part of what json-diff-ts compares). json-diff-ts reports
 * nothing for an equal member, so its changeset is the same, but it compares every character of a
 * note and every entity: most of a diff's time when one field changed. An object with an own
 * `__proto__` member is left whole, since copying that member onto a fresh object would set its prototype.
 */
export function withoutSharedMembers(before: Json, after: Json): [Json, Json] {
  if (Object.hasOwn(before, '__proto__') || Object.hasOwn(after, '__proto__')) return [before, after];
  const a: Json = {};
  const b: Json = {};
  // Each side keeps its own key order (json-diff-ts lists added and removed members in that order).
  const inner = new Map<string, Json>();
  for (const key of Object.keys(before)) {
    const old = before[key];
    if (!Object.hasOwn(after, key)) a[key] = old;
    else if (sameJson(old, after[key])) continue;
    else if (isPlainObject(old) && isPlainObject(after[key])) {
      const [innerBefore, innerAfter] = withoutSharedMembers(old, after[key]);
      a[key] = innerBefore;
      inner.set(key, innerAfter);
    } else a[key] = old;
  }
  for (const key of Object.keys(after)) {
    if (inner.has(key)) b[key] = inner.get(key);
    else if (!Object.hasOwn(before, key) || Object.hasOwn(a, key)) b[key] = after[key];
  }
  return [a, b];
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal as JSON values (the order of an object's keys aside, as json-diff-ts compares them). */
function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const other = y as unknown[];
    return x.length === other.length && x.every((element, k) => sameJson(element, other[k]));
  }
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((key) => Object.hasOwn(y, key) && sameJson((x as Json)[key], (y as Json)[key]));
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

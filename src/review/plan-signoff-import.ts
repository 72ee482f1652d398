import type { KeyObject } from 'node:crypto';
import { catalogById } from '../calculators/catalog.js';
import { inputError } from '../errors/index.js';
import type { CsvTable } from '../core/csv.js';
import type { Signoff } from '../label/types.js';
import { contentHash } from '../store/canonical.js';
import { answerKindOf, answerOf, sameAnswer } from '../core/answer-kind.js';
import { type LabelEntry, type LabelIndex, describeRef, findItem, itemRefOf } from '../core/label-index.js';
import { applySignoff } from './apply-signoff.js';
import { type FreeTextReading, type TextReading, textReader } from './free-text-readings.js';
import { type PhysicianValue, answerValueOf, parsePhysicianValue } from './physician-value.js';
import type { Reviewer } from './reviewer.js';

export interface ImportedSignoff {
  id: string;
  decision: Signoff['decision'];
  /** The physician's text as written. */
  value: string;
  /** As read: a number, MM/DD/YYYY, "[w,d]", null for N/A; undefined when it could not be read. */
  parsedValue?: PhysicianValue;
  row: number;
}

export interface SignoffImportPlan {
  signoffs: ImportedSignoff[];
  approved: string[];
  amended: string[];
  /** Values that could not be applied ("Multiple"): recorded as rejections for a maintainer to resolve. */
  rejected: { id: string; value: string; reason: string; row: number }[];
  /** Rows with no physician value. */
  skipped: number;
  /** Items this reviewer already signed with the same value, and which have not changed since (a re-import). */
  unchanged: string[];
  /** How each free-text physician value (anything but a plain number) was read. */
  readings: FreeTextReading[];
  changes: LabelEntry[];
}

export interface PlanSignoffImportOptions {
  table: CsvTable;
  file: string;
  index: LabelIndex;
  /**
   * `decision`: a column with the label the reviewers decided on (the stewardship panel's y_final), when
   * it is not simply the physician's value; the physician's value is still what the sign-off records.
   */
  columns: { id: string; value: string; note?: string; decision?: string };
  /** Maintainer's readings of free-text values (--read 'Multiple=N/A'). */
  readings?: readonly TextReading[];
  reviewer: Reviewer;
  key: KeyObject;
  time: string;
}

/**
 * Physician adjudications → signed sign-offs. Each non-empty value is read (number, number with a unit,
 * date, N/A, or as the maintainer mapped it with `readings`). The decided label is that value, or the
 * decision column's value when there is one. A decided value equal to the label (by the kind's exact
 * equality: no tolerance, labels are never rounded to a physician's "close enough") is an approval;
 * any other is an amendment that makes exactly that value the answer. Agreement statistics use the
 * tolerance later; the label does not. A text that stands for no single value ("Multiple") is a
 * rejection with a note saying why, unless mapped. Any unknown or repeated item refuses the whole file.
 */
export function planSignoffImport({
  table,
  file,
  index,
  columns,
  readings = [],
  reviewer,
  key,
  time,
}: PlanSignoffImportOptions): SignoffImportPlan {
  const plan: SignoffImportPlan = {
    signoffs: [],
    approved: [],
    amended: [],
    rejected: [],
    skipped: 0,
    unchanged: [],
    readings: [],
    changes: [],
  };
  const reader = textReader(readings);
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row, line } of table.rows) {
    const raw = cells[columns.value].trim();
    if (raw === '') {
      plan.skipped++;
      continue;
    }
    const at = `row ${row} (line ${line})`;
    const ref = itemRefOf(cells[columns.id]);
    const entry = findItem(index, ref);
    if (!entry) {
      errors.push(`${at}: no ${describeRef(ref, index.split)}`);
      continue;
    }
    const { label } = entry;
    if (seen.has(label.id)) {
      errors.push(`${at}: ${label.id} already has a physician value in row ${seen.get(label.id)}`);
      continue;
    }
    seen.set(label.id, row);
    const name = cells['Calculator Name']?.trim();
    if (name && name !== label.calculator.name && !(catalogById(label.calculator.id)?.names ?? []).includes(name)) {
      errors.push(`${at}: calculator "${name}" does not match ${label.id} (${label.calculator.name})`);
      continue;
    }
    const kind = answerKindOf(label);
    const parsed = reader.read(kind, raw, label.id);
    const decisionText = columns.decision ? cells[columns.decision].trim() : '';
    let decided: PhysicianValue | undefined = parsed;
    if (decisionText !== '') {
      decided = parsePhysicianValue(kind, decisionText);
      if (decided === undefined) {
        errors.push(`${at}, column "${columns.decision}": "${decisionText}" is not a ${kind} value or N/A`);
        continue;
      }
    }
    const mine = label.signoffs.filter((s) => s.reviewer === reviewer.id).pop();
    if (mine && mine.value === raw && mine.contentHash === contentHash(label)) {
      plan.unchanged.push(label.id);
      continue;
    }
    const physicianNote = columns.note ? cells[columns.note].trim() || undefined : undefined;
    let decision: Signoff['decision'];
    let note = physicianNote;
    if (decided === undefined) {
      decision = 'reject';
      note = rejectionNote(`"${raw}" is not a single ${kind} value`, physicianNote);
      plan.rejected.push({ id: label.id, value: raw, reason: 'unreadable value', row });
    } else if (kind === 'integer' && typeof decided === 'number' && !Number.isInteger(decided)) {
      decision = 'reject';
      note = rejectionNote(
        `${decisionText || raw} is not a whole number, and ${label.calculator.name} answers are integers`,
        physicianNote,
      );
      plan.rejected.push({ id: label.id, value: raw, reason: 'not a whole number', row });
    } else if (sameAnswer(label.answer, answerOf(kind, decided === null ? null : answerValueOf(kind, decided)))) {
      decision = 'approve';
      plan.approved.push(label.id);
    } else {
      decision = 'amend';
      plan.amended.push(label.id);
    }
    if (decisionText !== '' && decided !== parsed && decision !== 'reject') {
      note =
        `Decided value (column "${columns.decision}"): ${decisionText}; the physician's own value is ` +
        `"${raw}".${physicianNote ? ` Physician note: ${physicianNote}` : ''}`;
    }
    const request = {
      decision,
      value: raw,
      parsedValue: parsed,
      note,
      time,
      ...(decision === 'amend' ? { amendTo: decided } : {}),
    };
    const signed = applySignoff(label, reviewer, request, key);
    plan.changes.push({ file: entry.file, label: signed });
    const imported: ImportedSignoff = { id: label.id, decision, value: raw, row };
    if (parsed !== undefined) imported.parsedValue = parsed;
    plan.signoffs.push(imported);
  }
  if (errors.length === 0) reader.assertAllUsed(file);
  if (errors.length > 0) {
    const shown = errors.slice(0, 20).map((e) => `  ${e}`);
    if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more`);
    throw inputError(
      'BAD_SIGNOFF_FILE',
      `${file}: ${errors.length} bad row(s); nothing was changed:\n${shown.join('\n')}`,
      { file, errors },
    );
  }
  plan.readings = reader.readings();
  return plan;
}

function rejectionNote(why: string, physicianNote: string | undefined): string {
  return (
    `Imported as a rejection: the physician value ${why}, so it cannot be applied; a maintainer must resolve it ` +
    `(or map the text with --read).${physicianNote ? ` Physician note: ${physicianNote}` : ''}`
  );
}

import { MEDCALC_COLUMNS } from '../core/medcalc-columns.js';
import type { Label } from '../label/types.js';
import { medcalcRowCells } from './medcalc-csv.js';

/** One Parquet column: a name, one physical/logical type, whether it may be null, and its values. */
export interface HfColumn {
  name: string;
  type: 'STRING' | 'INT64' | 'INT32' | 'DOUBLE' | 'DATE';
  nullable: boolean;
  data: (string | bigint | number | Date | null)[];
  /** For the dataset card's column table. */
  describe: string;
}

const INTEGER_HARNESS_COLUMNS = new Set(['Row Number', 'Calculator ID']);

/**
 * A split's labels as typed columns, one type per column (Arrow rejects a column mixing floats, strings,
 * lists and nulls, which `answer.value` does): first the 14 MedCalc-Bench columns exactly as its CSV
 * writes them — Row Number and Calculator ID as integers, every other cell a string, "N/A" included —
 * so a harness written for MedCalc-Bench reads them unchanged; then the typed answer: its kind, the
 * number and its limits (doubles, null when the answer is not a number), the date, weeks and days.
 * Rows are in the CSV's order (Row Number, then id).
 */
export function hfColumns(labels: readonly Label[]): HfColumn[] {
  const rows = [...labels].sort((a, b) => a.source.row - b.source.row || a.id.localeCompare(b.id));
  const cells = rows.map(medcalcRowCells);
  const harness: HfColumn[] = MEDCALC_COLUMNS.map((name, k) => {
    const integer = INTEGER_HARNESS_COLUMNS.has(name);
    return {
      name,
      type: integer ? 'INT64' : 'STRING',
      nullable: false,
      data: cells.map((c) => (integer ? BigInt(c[k]) : c[k])),
      describe: integer ? 'integer, as in MedCalc-Bench' : 'string, as in MedCalc-Bench',
    };
  });
  const column = (
    name: string,
    type: HfColumn['type'],
    nullable: boolean,
    describe: string,
    value: (l: Label) => HfColumn['data'][number],
  ): HfColumn => ({
    name,
    type,
    nullable,
    describe,
    data: rows.map(value),
  });
  const numeric = (l: Label) => l.answer.kind === 'decimal' || l.answer.kind === 'integer';
  return [
    ...harness,
    column(
      'id',
      'STRING',
      false,
      "the item's stable id (what releases, sign-offs and per-item scores name)",
      (l) => l.id,
    ),
    column('split', 'STRING', false, 'the split', (l) => l.split),
    column('status', 'STRING', false, 'original, confirmed, relabeled or incomputable', (l) => l.status),
    column(
      'answer_kind',
      'STRING',
      false,
      'decimal, integer, date, gestational-age or incomputable',
      (l) => l.answer.kind,
    ),
    column('answer_number', 'DOUBLE', true, 'the answer when it is a number (decimal, integer), else null', (l) =>
      numeric(l) ? (l.answer.value as number) : null,
    ),
    column('lower', 'DOUBLE', true, "the harness's lower limit when the answer is a number, else null", (l) =>
      numeric(l) ? (l.answer as { lower: number }).lower : null,
    ),
    column('upper', 'DOUBLE', true, "the harness's upper limit when the answer is a number, else null", (l) =>
      numeric(l) ? (l.answer as { upper: number }).upper : null,
    ),
    column('answer_date', 'DATE', true, 'the answer when it is a date, else null', (l) =>
      l.answer.kind === 'date' ? dateOf(l.answer.value) : null,
    ),
    column('answer_weeks', 'INT32', true, 'weeks of a gestational-age answer, else null', (l) =>
      l.answer.kind === 'gestational-age' ? l.answer.value[0] : null,
    ),
    column('answer_days', 'INT32', true, 'days of a gestational-age answer, else null', (l) =>
      l.answer.kind === 'gestational-age' ? l.answer.value[1] : null,
    ),
    column(
      'incomputable_reason',
      'STRING',
      true,
      'why the item cannot be computed from its note, when it cannot',
      (l) => (l.answer.kind === 'incomputable' ? (l.answer.reason ?? null) : null),
    ),
    column(
      'relabel_category',
      'STRING',
      true,
      'the error category of the last relabel, when there was one',
      (l) => l.revision?.category ?? null,
    ),
  ];
}

/** MM/DD/YYYY (as labels store dates) as midnight UTC of that day. */
export function dateOf(text: string): Date {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) throw new Error(`not an MM/DD/YYYY date: ${text}`);
  return new Date(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])));
}

/** The Parquet schema elements of the columns (root first), as hyparquet-writer takes them. */
export function parquetSchemaOf(columns: readonly HfColumn[]) {
  const physical = {
    STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
    INT64: { type: 'INT64' },
    INT32: { type: 'INT32' },
    DOUBLE: { type: 'DOUBLE' },
    DATE: { type: 'INT32', converted_type: 'DATE' },
  } as const;
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({
      name: c.name,
      ...physical[c.type],
      repetition_type: c.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const),
    })),
  ];
}

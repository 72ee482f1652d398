import { type ErrorCode, inputError } from '../errors/index.js';
import { parseCsvTable } from '../core/csv.js';
import { type ItemRef, itemRefOf } from '../core/label-index.js';

/** One proposed value read from a verifier's output file, before it is matched with a label. */
export interface VerifierRow {
  /** Data row (CSV, header excluded) or line (JSONL), for error messages. */
  place: { file: string; row: number; line: number };
  ref: ItemRef;
  /** The value as text: "N/A" for incomputable, "[w, d]" for a JSON pair. */
  value: string;
  /** From a "Calculator Name" column, when the file has one: checked against the label. */
  calculatorName?: string;
  category?: string;
  rationale?: string;
  /** The verifier's explanation of its value (it becomes the label's explanation). */
  explanation?: string;
  evidence?: string;
  contentious?: boolean;
  /** From `verify-labels` output: how the runs voted, in words ("votes 4 of 5 for 22.857 …"). */
  votes?: string;
  /** From `verify-labels` output: false when the runs reached no supermajority. */
  decided?: boolean;
}

export interface ReadVerifierOptions {
  text: string;
  file: string;
  /** CSV column naming the item (default: the first of Unique ID, uid, Row Number, id, row). */
  idColumn?: string;
  /** CSV column with the value (default: Ground Truth Answer, else value). */
  valueColumn?: string;
  /** Default: by extension (.jsonl, .ndjson) or a first character "{"; else CSV. */
  format?: 'csv' | 'jsonl';
}

const ID_COLUMNS = ['Unique ID', 'uid', 'Row Number', 'id', 'row'];
const VALUE_COLUMNS = ['Ground Truth Answer', 'value'];
const JSONL_KEYS = new Set([
  'id',
  'row',
  'value',
  'category',
  'rationale',
  'explanation',
  'evidence',
  'contentious',
  'votes',
  'decided',
  'provenance',
]);

/**
 * Reads a verifier's output: a CSV (the stewardship project's corrected file, its pipeline file with
 * chosen columns, or any CSV with an id and a value column; optional category, rationale and evidence
 * columns) or JSONL, one object a line:
 *
 *   {"id": "test-0003", "value": 19.79, "category": "extraction-error", "rationale": "...", "evidence": "..."}
 *   {"row": 3, "value": "N/A"}
 *
 * `id` is a label id, `row` an upstream Row Number; `value` a number, a string as in the CSV files, a
 * [weeks, days] pair, or "N/A" / null for incomputable. Unknown keys are refused (they are typos).
 *
 * `steward verify-labels` lines are read as they are: `evidence` may be a list of
 * {"entity", "quote"}; `votes` ({runs, supermajority, clusters: [{value, count}], invalid}), `decided`
 * and `provenance` ({models, promptHash, …}) are summed up into the evidence text the proposal records,
 * and an undecided item (no supermajority) is marked contentious, so the policy routes it to physicians.
 */
export function readVerifierFile(options: ReadVerifierOptions): VerifierRow[] {
  const format = options.format ?? sniffFormat(options.file, options.text);
  return format === 'jsonl' ? readJsonl(options.text, options.file) : readCsv(options);
}

function sniffFormat(file: string, text: string): 'csv' | 'jsonl' {
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  if (/\.csv$/i.test(file)) return 'csv';
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

function readCsv({ text, file, idColumn, valueColumn }: ReadVerifierOptions): VerifierRow[] {
  const table = parseCsvTable(text, {
    file,
    required: [idColumn, valueColumn].filter((c): c is string => c !== undefined),
  });
  const pick = (given: string | undefined, candidates: string[], what: string, flag: string): string => {
    const found = given ?? candidates.find((c) => table.header.includes(c));
    if (!found) {
      throw inputError(
        'CSV_MISSING_COLUMN',
        `${file}: no ${what} column (looked for ${candidates.map((c) => `"${c}"`).join(', ')}); name it with ${flag}`,
        { file, line: 1 },
      );
    }
    return found;
  };
  const idCol = pick(idColumn, ID_COLUMNS, 'id', '--id-column');
  const valueCol = pick(valueColumn, VALUE_COLUMNS, 'value', '--value-column');
  const optional = (cells: Record<string, string>, column: string) =>
    table.header.includes(column) && cells[column].trim() !== '' ? cells[column] : undefined;
  return table.rows.map(({ cells, row, line }) => {
    const place = { file, row, line };
    if (cells[idCol].trim() === '')
      throw inputError('BAD_ID', `${file}: row ${row} (line ${line}), column "${idCol}": empty`, {
        ...place,
        column: idCol,
      });
    const out: VerifierRow = { place, ref: itemRefOf(cells[idCol]), value: cells[valueCol] };
    const name = optional(cells, 'Calculator Name');
    if (name !== undefined) out.calculatorName = name;
    for (const key of ['category', 'rationale', 'explanation', 'evidence'] as const) {
      const v = optional(cells, key);
      if (v !== undefined) out[key] = v;
    }
    return out;
  });
}

function readJsonl(text: string, file: string): VerifierRow[] {
  const out: VerifierRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '') return;
    const row = out.length + 1;
    const place = { file, row, line };
    const fail = (code: ErrorCode, why: string): never => {
      throw inputError(code, `${file}: line ${line}: ${why}`, place);
    };
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return fail('JSONL_BROKEN', `invalid JSON: ${(error as Error).message}`);
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
      return fail('JSONL_NOT_OBJECT', 'each line must be a JSON object');
    const o = json as Record<string, unknown>;
    const unknown = Object.keys(o).filter((key) => !JSONL_KEYS.has(key));
    if (unknown.length > 0)
      fail(
        'JSONL_UNKNOWN_KEY',
        `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (allowed: ` +
          `${[...JSONL_KEYS].join(', ')})`,
      );
    let ref: ItemRef;
    if (typeof o.id === 'string' && o.id.trim() !== '' && o.row === undefined) ref = { id: o.id.trim() };
    else if (typeof o.row === 'number' && Number.isInteger(o.row) && o.row >= 0 && o.id === undefined)
      ref = { row: o.row };
    else return fail('JSONL_BAD_ID', 'needs exactly one of "id" (a label id) or "row" (an upstream Row Number)');
    if (!('value' in o)) fail('JSONL_NO_VALUE', 'needs "value" (use "N/A" or null for incomputable)');
    const entry: VerifierRow = { place, ref, value: verifierValueText(o.value, fail) };
    if (Array.isArray(o.evidence)) o.evidence = quotesText(o.evidence, fail);
    for (const key of ['category', 'rationale', 'explanation', 'evidence'] as const) {
      if (o[key] === undefined) continue;
      if (typeof o[key] !== 'string') fail('JSONL_BAD_FIELD', `"${key}" must be a string`);
      entry[key] = o[key] as string;
    }
    if (o.contentious !== undefined) {
      if (typeof o.contentious !== 'boolean') fail('JSONL_BAD_FIELD', '"contentious" must be true or false');
      entry.contentious = o.contentious as boolean;
    }
    readVotes(o, entry, fail);
    out.push(entry);
  });
  return out;
}

function verifierValueText(value: unknown, fail: (code: ErrorCode, why: string) => never): string {
  if (value === null) return 'N/A';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 2 && value.every((x) => Number.isInteger(x) && x >= 0))
    return `[${value[0]}, ${value[1]}]`;
  return fail('JSONL_BAD_VALUE', '"value" must be a number, a string, a [weeks, days] pair, or null');
}

function quotesText(list: unknown[], fail: (code: ErrorCode, why: string) => never): string {
  return list
    .map((q) => {
      const o = q as { entity?: unknown; quote?: unknown };
      if (!o || typeof o.entity !== 'string' || typeof o.quote !== 'string')
        return fail('JSONL_BAD_FIELD', '"evidence" must be a string or a list of {"entity", "quote"} strings');
      return `${o.entity}: "${o.quote}"`;
    })
    .join('; ');
}

/** Folds a verify-labels line's votes, decision and provenance into the row (evidence text, contentious). */
function readVotes(
  o: Record<string, unknown>,
  entry: VerifierRow,
  fail: (code: ErrorCode, why: string) => never,
): void {
  if (o.decided !== undefined) {
    if (typeof o.decided !== 'boolean') fail('JSONL_BAD_FIELD', '"decided" must be true or false');
    entry.decided = o.decided as boolean;
    if (entry.decided === false && entry.contentious === undefined) entry.contentious = true;
  }
  const parts: string[] = [];
  if (o.votes !== undefined) {
    const v = o.votes as { runs?: unknown; supermajority?: unknown; clusters?: unknown; invalid?: unknown };
    const clusters = Array.isArray(v?.clusters) ? (v.clusters as { value?: unknown; count?: unknown }[]) : null;
    if (
      !v ||
      !Number.isInteger(v.runs) ||
      !Number.isInteger(v.supermajority) ||
      !clusters ||
      clusters.some((c) => !c || !Number.isInteger(c.count))
    ) {
      fail('JSONL_BAD_FIELD', '"votes" must be {"runs", "supermajority", "clusters": [{"value", "count"}]}');
    }
    const top = clusters![0];
    const shown = (x: unknown) => (Array.isArray(x) ? `${x[0]} weeks ${x[1]} days` : String(x));
    const verdict = entry.decided === false ? 'no consensus' : entry.decided ? 'decided' : 'undeclared';
    entry.votes =
      `votes ${top ? `${top.count} of ${v.runs} for ${shown(top.value)}` : `0 of ${v.runs}`} (${verdict}, ` +
      `supermajority ${v.supermajority}` +
      (clusters!.length > 1
        ? `; others: ${clusters!
            .slice(1)
            .map((c) => `${shown(c.value)} ×${c.count}`)
            .join(', ')}`
        : '') +
      (Number.isInteger(v.invalid) && (v.invalid as number) > 0 ? `; ${v.invalid} unreadable` : '') +
      ')';
    parts.push(entry.votes);
  }
  if (entry.evidence) parts.push(`quotes: ${entry.evidence}`);
  if (o.provenance !== undefined) {
    const p = o.provenance as { models?: unknown; promptHash?: unknown; tool?: unknown };
    if (!p || typeof p !== 'object') fail('JSONL_BAD_FIELD', '"provenance" must be an object');
    const models = Array.isArray(p.models) ? p.models.filter((m): m is string => typeof m === 'string') : [];
    const bits = [
      models.length ? `model ${models.join(', ')}` : '',
      typeof p.promptHash === 'string' ? `prompt sha256:${p.promptHash.slice(0, 12)}` : '',
      typeof p.tool === 'string' ? p.tool : '',
    ].filter(Boolean);
    if (bits.length) parts.push(bits.join(', '));
  }
  if (o.votes !== undefined || o.provenance !== undefined) entry.evidence = parts.join('; ');
}

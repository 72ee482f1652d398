import { type ErrorCode, inputError } from '../errors/index.js';
import { parseCsvTable } from '../core/csv.js';

/** One model's answer to one item, as a predictions file gives it. */
export interface Prediction {
  /** The item's id (test-0001)… */
  id?: string;
  /** …or its upstream Row Number (the harness's output names items this way). */
  row?: number;
  /** The answer text; with --extract, the model's raw output. A JSON null reads as "" (an abstention). */
  answer: string;
  model: string;
  /** The line the record starts on, for messages. */
  line: number;
}

export interface ParsePredictionsOptions {
  /** Shown in errors. */
  file: string;
  /** The model of records that name none (default: "model"). */
  defaultModel?: string;
}

const ITEM_COLUMNS = ['id', 'row', 'Row Number'] as const;
const ANSWER_COLUMNS = ['answer', 'LLM Answer'] as const;

/**
 * Predictions from a file's text, in any of the forms evaluators have: JSONL of
 * `{ "id" | "row", "answer", "model"? }`, the MedCalc-Bench harness's output JSONL or CSV
 * (`Row Number`, `LLM Answer`), or a JSON array of either record. Strict: a record without an item or an
 * answer is an error naming its line, since skipping it would silently count the item wrong.
 */
export function parsePredictions(text: string, options: ParsePredictionsOptions): Prediction[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) return [];
  if (first === '{') return parseJsonLines(body, options);
  if (first === '[') return parseJsonArray(body, options);
  return parseCsvPredictions(text, options);
}

function parseJsonLines(text: string, options: ParsePredictionsOptions): Prediction[] {
  const out: Prediction[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const source = text.slice(start, end);
    start = end + 1;
    if (source.length === 0 || (source.charCodeAt(0) <= 32 && source.trim() === '')) continue;
    let record: unknown;
    try {
      record = JSON.parse(source);
    } catch (error) {
      throw inputError(
        'PREDICTIONS_BAD_JSON',
        `${options.file}: line ${line}: invalid JSON: ${(error as Error).message}`,
        { file: options.file, line },
      );
    }
    out.push(fromRecord(record, line, options));
  }
  return out;
}

function parseJsonArray(text: string, options: ParsePredictionsOptions): Prediction[] {
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (error) {
    throw inputError('PREDICTIONS_BAD_JSON', `${options.file}: invalid JSON: ${(error as Error).message}`, {
      file: options.file,
    });
  }
  if (!Array.isArray(records))
    throw inputError('PREDICTIONS_BAD_JSON', `${options.file}: expected an array of predictions`, {
      file: options.file,
    });
  // Records of an array have no line of their own; the position (1-based) stands in for it.
  return records.map((record, k) => fromRecord(record, k + 1, options));
}

function parseCsvPredictions(text: string, options: ParsePredictionsOptions): Prediction[] {
  const table = parseCsvTable(text, { file: options.file });
  const itemColumn = ITEM_COLUMNS.find((c) => table.header.includes(c));
  const answerColumn = ANSWER_COLUMNS.find((c) => table.header.includes(c));
  if (!itemColumn || !answerColumn) {
    const missing = [
      ...(itemColumn ? [] : ['Row Number (or id, row)']),
      ...(answerColumn ? [] : ['LLM Answer (or answer)']),
    ];
    throw inputError(
      'CSV_MISSING_COLUMN',
      `${options.file}: header lacks column ${missing.map((m) => `"${m}"`).join(', ')}`,
      { file: options.file, line: 1, missing },
    );
  }
  return table.rows.map(({ cells, line }) => fromRecord(cells, line, options));
}

// A million records go through here, so it reads the usual keys directly and allocates only the result.
function fromRecord(record: unknown, line: number, options: ParsePredictionsOptions): Prediction {
  if (!record || typeof record !== 'object' || Array.isArray(record))
    throw recordError(options, line, 'PREDICTIONS_BAD_RECORD', 'expected an object');
  const r = record as Record<string, unknown>;
  const prediction: Prediction = {
    id: undefined,
    row: undefined,
    answer: '',
    model: options.defaultModel ?? 'model',
    line,
  };

  const id = r.id;
  if (id !== undefined && id !== null && id !== '') {
    if (typeof id !== 'string')
      throw recordError(options, line, 'PREDICTIONS_BAD_ID', `"id" must be a string, not ${JSON.stringify(id)}`);
    prediction.id = id;
  } else {
    const rowKey = present(r.row) ? 'row' : present(r['Row Number']) ? 'Row Number' : undefined;
    if (!rowKey)
      throw recordError(
        options,
        line,
        'PREDICTIONS_NO_ITEM',
        'no item: give "id" or "row" (or the harness\'s "Row Number")',
      );
    const row = r[rowKey];
    if (typeof row === 'number' && Number.isSafeInteger(row) && row >= 0) prediction.row = row;
    else if (typeof row === 'string' && /^\s*\d+\s*$/.test(row)) prediction.row = Number(row);
    else
      throw recordError(
        options,
        line,
        'PREDICTIONS_BAD_ROW',
        `"${rowKey}" must be a whole number, not ${JSON.stringify(row)}`,
      );
  }

  const answerKey = 'answer' in r ? 'answer' : 'LLM Answer' in r ? 'LLM Answer' : undefined;
  if (!answerKey)
    throw recordError(options, line, 'PREDICTIONS_NO_ANSWER', 'no "answer" (or the harness\'s "LLM Answer")');
  const answer = r[answerKey];
  if (typeof answer === 'string') prediction.answer = answer;
  else if (answer === null) prediction.answer = '';
  else if (typeof answer === 'number' && Number.isFinite(answer)) prediction.answer = String(answer);
  else
    throw recordError(
      options,
      line,
      'PREDICTIONS_BAD_ANSWER',
      `"${answerKey}" must be a string, a number or null, not ${JSON.stringify(answer)}`,
    );

  const model = r.model;
  if (model !== undefined && model !== null && model !== '') {
    if (typeof model !== 'string')
      throw recordError(
        options,
        line,
        'PREDICTIONS_BAD_MODEL',
        `"model" must be a string, not ${JSON.stringify(model)}`,
      );
    prediction.model = model;
  }
  return prediction;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function recordError(options: ParsePredictionsOptions, line: number, code: ErrorCode, why: string) {
  return inputError(code, `${options.file}: line ${line}: ${why}`, { file: options.file, line });
}

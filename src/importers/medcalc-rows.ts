import { catalogById } from '../calculators/catalog.js';
import { type ErrorCode, inputError } from '../errors/index.js';
import { AnswerParseError, answerWithLimits, isAbstention, parseAnswerValue } from '../label/answer.js';
import type { Answer, ComputableKind, Entities, Label, WeeksDays } from '../label/types.js';
import { itemId } from '../store/paths.js';
import { parseCsvTable } from '../core/csv.js';
import { MEDCALC_COLUMNS } from '../core/medcalc-columns.js';
import { PythonLiteralError, parsePythonLiteral } from '../core/python-literal.js';

export interface MedcalcRowsOptions {
  text: string;
  /** Shown in errors: the path or URL the text came from. */
  file: string;
  split: string;
  dataset?: string;
  sourceVersion?: string;
}

/** The key that identifies an item across upstream uploads: Row Numbers change between them, this does not. */
export function itemKey(calculatorId: number, noteId: string): string {
  return `${calculatorId}\u0000${noteId}`;
}

/**
 * MedCalc-Bench CSV text → labels (status "original"), strictly: any bad row throws an input error that
 * names the file, the data row, its line and the column, so nothing is written from a half-read file.
 */
export function labelsFromMedcalcCsv(options: MedcalcRowsOptions): Label[] {
  const { file, split } = options;
  const table = parseCsvTable(options.text, { file, required: MEDCALC_COLUMNS.filter((c) => c !== 'Row Number') });
  const rowColumn = table.header.includes('Row Number')
    ? 'Row Number'
    : table.header.includes('Unique ID')
      ? 'Unique ID'
      : undefined;
  if (!rowColumn)
    throw inputError('CSV_MISSING_COLUMN', `${file}: header lacks column "Row Number" (or "Unique ID")`, {
      file,
      line: 1,
      missing: ['Row Number'],
    });

  const seenRows = new Map<number, number>();
  const seenKeys = new Map<string, number>();
  return table.rows.map(({ cells, row, line }) => {
    const fail = (code: ErrorCode, column: string, why: string): never => {
      throw inputError(code, `${file}: row ${row} (line ${line}), column "${column}": ${why}`, {
        file,
        row,
        line,
        column,
      });
    };
    const rowNumber = Number(cells[rowColumn]);
    if (!/^\d+$/.test(cells[rowColumn].trim()))
      fail('BAD_ROW_NUMBER', rowColumn, `"${cells[rowColumn]}" is not a whole number`);
    if (seenRows.has(rowNumber))
      fail(
        'DUPLICATE_ROW_NUMBER',
        rowColumn,
        `Row Number ${rowNumber} already appeared in row ${seenRows.get(rowNumber)}`,
      );
    seenRows.set(rowNumber, row);

    const calculatorId = Number(cells['Calculator ID']);
    const entry = /^\d+$/.test(cells['Calculator ID'].trim()) ? catalogById(calculatorId) : undefined;
    if (!entry) fail('UNKNOWN_CALCULATOR', 'Calculator ID', `unknown calculator id "${cells['Calculator ID']}"`);
    const noteId = cells['Note ID'];
    const key = itemKey(calculatorId, noteId);
    if (seenKeys.has(key))
      fail(
        'DUPLICATE_ITEM',
        'Note ID',
        `(Calculator ID ${calculatorId}, Note ID ${noteId}) already appeared in row ${seenKeys.get(key)}`,
      );
    seenKeys.set(key, row);

    let entities: Entities;
    try {
      const parsed = parsePythonLiteral(cells['Relevant Entities']);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new PythonLiteralError('expected a dict', 0);
      entities = parsed as Entities;
    } catch (error) {
      if (!(error instanceof PythonLiteralError)) throw error;
      return fail('BAD_ENTITIES', 'Relevant Entities', `not a Python literal: ${error.message}`);
    }

    const answer = readAnswerCells(entry!.kind, cells, fail);
    const label: Label = {
      id: itemId(split, rowNumber),
      split,
      calculator: { id: calculatorId, name: cells['Calculator Name'], category: cells.Category },
      source: {
        dataset: options.dataset ?? 'MedCalc-Bench',
        version: options.sourceVersion ?? 'unspecified',
        row: rowNumber,
        calculatorId,
        noteId,
        noteType: cells['Note Type'],
        outputType: cells['Output Type'],
        answerText: { value: cells['Ground Truth Answer'], lower: cells['Lower Limit'], upper: cells['Upper Limit'] },
      },
      note: cells['Patient Note'],
      question: cells.Question,
      entities,
      answer,
      explanation: cells['Ground Truth Explanation'],
      status: 'original',
      revision: null,
      signoffs: [],
    };
    return label;
  });
}

function readAnswerCells(
  kind: ComputableKind,
  cells: Record<string, string>,
  fail: (code: ErrorCode, column: string, why: string) => never,
): Answer {
  const text = cells['Ground Truth Answer'];
  if (isAbstention(text) && text.trim() !== '') return { kind: 'incomputable', value: null };
  const read = (column: string) => {
    try {
      return parseAnswerValue(kind, cells[column]);
    } catch (error) {
      if (error instanceof AnswerParseError)
        return fail(
          'BAD_ANSWER',
          column,
          `${error.message} (calculator ${cells['Calculator ID']} answers are ${kind})`,
        );
      throw error;
    }
  };
  const value = read('Ground Truth Answer');
  const lower = read('Lower Limit');
  const upper = read('Upper Limit');
  if (kind === 'decimal' || kind === 'integer') {
    if ((lower as number) > (value as number) || (upper as number) < (value as number)) {
      fail(
        'BAD_LIMITS',
        'Lower Limit',
        `limits [${cells['Lower Limit']}, ${cells['Upper Limit']}] do not contain the answer ` +
          `${cells['Ground Truth Answer']}`,
      );
    }
    return { kind, value: value as number, lower: lower as number, upper: upper as number };
  }
  // Dates and gestational ages are exact answers: the limits repeat the value upstream.
  const exact = answerWithLimits(kind, value);
  if (JSON.stringify(lower) !== JSON.stringify(value) || JSON.stringify(upper) !== JSON.stringify(value)) {
    fail('BAD_LIMITS', 'Lower Limit', `a ${kind} answer must have lower = upper = answer`);
  }
  return kind === 'gestational-age' ? { ...(exact as Answer & { value: WeeksDays }) } : exact;
}

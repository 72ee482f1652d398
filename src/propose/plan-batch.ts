import { basename } from 'node:path';
import { catalogById } from '../calculators/catalog.js';
import { inputError } from '../errors/index.js';
import { AnswerParseError, formatAnswerValue, withinTolerance } from '../label/answer.js';
import type { Answer } from '../label/types.js';
import { answerKindOf, type ProposedValue, readProposedValue } from '../core/answer-kind.js';
import { type ProposalMeta, type ProposalOutcome, applyProposal } from './apply-proposal.js';
import { type LabelEntry, type LabelIndex, describeRef, findItem } from '../core/label-index.js';
import { suggestCategory } from './suggest-category.js';
import type { VerifierRow } from './verifier-file.js';

export interface PlannedItem {
  id: string;
  file: string;
  outcome: ProposalOutcome;
  before: Answer;
  after: Answer;
  category?: string;
}

export interface BatchPlan {
  rows: number;
  confirmed: string[];
  relabeled: string[];
  incomputable: string[];
  unchanged: string[];
  items: PlannedItem[];
  /** The labels whose files change. */
  changes: LabelEntry[];
}

export interface PlanBatchOptions {
  index: LabelIndex;
  rows: VerifierRow[];
  categories: ReadonlySet<string>;
  meta: ProposalMeta;
  /** The file the rows came from (its name goes into each proposal's evidence). */
  file: string;
}

/**
 * Matches every row of a verifier file with its label and works out what it proposes, without
 * touching anything. All rows are checked first and every bad one is reported together (unknown item,
 * the same item twice, a calculator name that disagrees, a value of the wrong kind, an unknown
 * category): one bad row and the whole batch is refused.
 */
export function planBatch({ index, rows, categories, meta, file }: PlanBatchOptions): BatchPlan {
  const plan: BatchPlan = {
    rows: rows.length,
    confirmed: [],
    relabeled: [],
    incomputable: [],
    unchanged: [],
    items: [],
    changes: [],
  };
  const errors: { row: number; line: number; message: string }[] = [];
  const seen = new Map<string, number>();
  const name = basename(file);
  for (const row of rows) {
    const at = `row ${row.place.row} (line ${row.place.line})`;
    const fail = (message: string) =>
      errors.push({ row: row.place.row, line: row.place.line, message: `${at}: ${message}` });
    const entry = findItem(index, row.ref);
    if (!entry) {
      fail(`no ${describeRef(row.ref, index.split)}`);
      continue;
    }
    const { label } = entry;
    const earlier = seen.get(label.id);
    if (earlier !== undefined) {
      fail(`${label.id} already appeared in row ${earlier}`);
      continue;
    }
    seen.set(label.id, row.place.row);
    if (
      row.calculatorName !== undefined &&
      !sameCalculator(label.calculator.id, label.calculator.name, row.calculatorName)
    ) {
      fail(
        `calculator "${row.calculatorName}" does not match ${label.id} (${label.calculator.name}); is the id ` +
          `column right?`,
      );
      continue;
    }
    if (row.category !== undefined && !categories.has(row.category)) {
      fail(`unknown error category "${row.category}" (known: ${[...categories].join(', ')})`);
      continue;
    }
    let value: ProposedValue;
    try {
      value = readProposedValue(answerKindOf(label), row.value);
    } catch (error) {
      if (!(error instanceof AnswerParseError)) throw error;
      fail(`${label.id} (${label.calculator.name}): ${error.message}`);
      continue;
    }
    let category = row.category;
    let rationale = row.rationale;
    const rationaleFromVerifier = row.rationale !== undefined;
    if (!withinTolerance(label.answer, value) && (category === undefined || rationale === undefined)) {
      const suggestion = suggestCategory(label, value === null);
      category ??= suggestion.category;
      rationale ??=
        `${meta.verifier ?? name} gives ${row.value.trim()} where the label says ` +
        `${formatAnswerValue(label.answer)}${suggestion.audit ? `; ${suggestion.audit}` : ''}.`;
    }
    const applied = applyProposal(
      label,
      {
        value,
        category: category ?? 'unclassified',
        rationale: rationale ?? '',
        evidence: row.evidence ?? `${name} row ${row.place.row} (line ${row.place.line})`,
        contentious: row.contentious,
        explanation: row.explanation,
        rationaleFromVerifier,
      },
      meta,
      { confirmWithinTolerance: true },
    );
    plan[applied.outcome].push(label.id);
    const item: PlannedItem = {
      id: label.id,
      file: entry.file,
      outcome: applied.outcome,
      before: label.answer,
      after: applied.label.answer,
    };
    if (applied.label.revision && applied.label !== label && applied.outcome !== 'confirmed')
      item.category = applied.label.revision.category;
    plan.items.push(item);
    if (applied.label !== label) plan.changes.push({ file: entry.file, label: applied.label });
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 20).map((e) => `  ${e.message}`);
    if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more`);
    throw inputError('BAD_BATCH', `${file}: ${errors.length} bad row(s); nothing was changed:\n${shown.join('\n')}`, {
      file,
      errors,
      row: errors[0].row,
      line: errors[0].line,
    });
  }
  return plan;
}

function sameCalculator(id: number, name: string, given: string): boolean {
  const names = catalogById(id)?.names ?? [name];
  return given.trim() === name || names.includes(given.trim());
}

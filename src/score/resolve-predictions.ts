import { inputError } from '../errors/index.js';
import type { ItemIndex } from './items.js';
import type { Prediction } from './predictions.js';

/** One model's answers, by item position in the index (undefined: no prediction). */
export interface ModelAnswers {
  model: string;
  predictions: number;
  answers: (string | undefined)[];
}

export interface UnknownPrediction {
  model: string;
  item: string;
  line: number;
}

export interface DuplicatePrediction {
  model: string;
  id: string;
  lines: number[];
}

const LISTED = 20;

/** A model's answers and the line each came from (to name both lines of a duplicate). */
interface Slot {
  model: ModelAnswers;
  lines: Int32Array;
}

/**
 * Sorts predictions by model (in order of first appearance) and item. A prediction for an item no
 * scored version has, or a second prediction of one model for one item, is an input error naming every
 * such prediction: scoring around them would report a number for a file nobody meant.
 */
export function resolvePredictions(
  predictions: readonly Prediction[],
  index: ItemIndex,
  options: { file: string; versions: string },
): ModelAnswers[] {
  const models = new Map<string, Slot>();
  const unknown: UnknownPrediction[] = [];
  const ambiguous: UnknownPrediction[] = [];
  const duplicates = new Map<string, DuplicatePrediction>();
  let slot: Slot | undefined;
  // Files usually list a model's items in the index's order: the place after the last one is tried first.
  let next = 0;
  for (const p of predictions) {
    let at: number | undefined;
    if (p.id !== undefined) at = index.ids[next] === p.id ? next : index.positionOf(p.id);
    else {
      at = next < index.size && index.uniqueRowAt(next) === p.row ? next : index.positionOfRow(p.row!);
      if (at === -1) {
        ambiguous.push({ model: p.model, item: `row ${p.row}`, line: p.line });
        continue;
      }
    }
    if (at === undefined) {
      unknown.push({ model: p.model, item: p.id ?? `row ${p.row}`, line: p.line });
      continue;
    }
    next = at + 1;
    // Files usually hold one model's predictions together: keep the last model's slot at hand.
    if (slot === undefined || slot.model.model !== p.model) {
      slot = models.get(p.model);
      if (!slot) {
        // fill(): a bare new Array(100000) is a slow dictionary-mode array in V8.
        slot = {
          model: {
            model: p.model,
            predictions: 0,
            answers: new Array<string | undefined>(index.size).fill(undefined),
          },
          lines: new Int32Array(index.size),
        };
        models.set(p.model, slot);
      }
    }
    if (slot.model.answers[at] !== undefined) {
      const key = `${p.model}\u0000${at}`;
      const known = duplicates.get(key) ?? { model: p.model, id: index.ids[at], lines: [slot.lines[at]] };
      known.lines.push(p.line);
      duplicates.set(key, known);
      continue;
    }
    slot.model.answers[at] = p.answer;
    slot.lines[at] = p.line;
    slot.model.predictions++;
  }
  if (ambiguous.length > 0) {
    const describeAmbiguous = (u: UnknownPrediction) => `${u.item} (line ${u.line})`;
    throw inputError(
      'PREDICTIONS_AMBIGUOUS_ROW',
      `${options.file}: ${ambiguous.length} prediction(s) name a Row Number that several splits share; name ` +
        `items by id or score one split with --split: ${listed(ambiguous.map(describeAmbiguous))}`,
      { file: options.file, ambiguous },
    );
  }
  const dups = [...duplicates.values()];
  // Whether to name the model in messages: only asked when something is wrong (a million predictions).
  const named = unknown.length + dups.length > 0 && new Set(predictions.map((p) => p.model)).size > 1;
  const describeUnknown = (u: UnknownPrediction) => `${u.item} (line ${u.line}${named ? `, model ${u.model}` : ''})`;
  const describeDuplicate = (d: DuplicatePrediction) =>
    `${d.id} (lines ${d.lines.join(', ')}${named ? `, model ${d.model}` : ''})`;
  if (unknown.length > 0 || dups.length > 0) {
    const parts = [
      ...(unknown.length > 0
        ? [
            `${unknown.length} prediction(s) for items not in ${options.versions}: ` +
              `${listed(unknown.map(describeUnknown))}`,
          ]
        : []),
      ...(dups.length > 0
        ? [`${dups.length} item(s) predicted more than once by one model: ${listed(dups.map(describeDuplicate))}`]
        : []),
    ];
    throw inputError(
      unknown.length > 0 ? 'PREDICTIONS_UNKNOWN_ITEMS' : 'PREDICTIONS_DUPLICATE_ITEMS',
      `${options.file}: ${parts.join('; ')}`,
      {
        file: options.file,
        unknown,
        duplicates: dups,
      },
    );
  }
  return [...models.values()].map((s) => s.model);
}

function listed(items: string[]): string {
  return items.length <= LISTED
    ? items.join(', ')
    : `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`;
}

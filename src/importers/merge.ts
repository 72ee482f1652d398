import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { canonicalJson } from '../store/canonical.js';
import { itemKey } from './medcalc-rows.js';

export interface MergePlan {
  labels: Label[];
  added: number;
  updated: number;
  unchanged: number;
  /** Items of the split that the file does not contain (left as they are). */
  notInFile: number;
}

/**
 * Merges an upstream upload into the labels already in the repository. Items are matched by
 * (Calculator ID, Note ID), so an item keeps its id when upstream renumbers rows. Upstream owns the note,
 * question, entities, explanation and provenance; a steward's relabel (status relabeled/incomputable)
 * keeps its answer, revision and sign-offs, because an upload must not silently undo physician work.
 */
export function mergeUpload(existing: Label[], incoming: Label[], split: string): MergePlan {
  const inSplit = existing.filter((l) => l.split === split);
  const byKey = new Map(inSplit.map((l) => [itemKey(l.source.calculatorId, l.source.noteId), l]));
  const idOwner = new Map(existing.map((l) => [l.id, l]));
  const plan: MergePlan = { labels: [], added: 0, updated: 0, unchanged: 0, notInFile: 0 };
  const matched = new Set<Label>();
  for (const next of incoming) {
    const current = byKey.get(itemKey(next.source.calculatorId, next.source.noteId));
    if (!current) {
      const owner = idOwner.get(next.id);
      if (owner) {
        throw inputError(
          'ID_COLLISION',
          `row ${next.source.row}: new item (calculator ${next.source.calculatorId}, note ${next.source.noteId}) ` +
            `would get id ${next.id}, which item (calculator ${owner.source.calculatorId}, note ` +
            `${owner.source.noteId}) already has`,
          { id: next.id, row: next.source.row },
        );
      }
      plan.labels.push(next);
      plan.added++;
      continue;
    }
    matched.add(current);
    const stewarded = current.status === 'relabeled' || current.status === 'incomputable';
    const merged: Label = {
      ...next,
      id: current.id,
      answer: stewarded ? current.answer : next.answer,
      status: stewarded
        ? current.status
        : current.status === 'confirmed' && identicalAnswer(current, next)
          ? 'confirmed'
          : 'original',
      revision: current.revision,
      signoffs: current.signoffs,
    };
    if (canonicalJson(merged) === canonicalJson(current)) plan.unchanged++;
    else plan.updated++;
    plan.labels.push(merged);
  }
  plan.notInFile = inSplit.filter((l) => !matched.has(l)).length;
  return plan;
}

function identicalAnswer(a: Label, b: Label): boolean {
  return canonicalJson(a.answer) === canonicalJson(b.answer);
}

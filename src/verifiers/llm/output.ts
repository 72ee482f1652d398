import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalcValue } from '../../calculators/types.js';
import type { Entities, EntityValue, Label } from '../../label/types.js';
import { withinTolerance } from '../../label/answer.js';
import { PACKAGE_SCHEMA_DIR } from '../../schema/load.js';
import type { RunAnswer } from './parse.js';
import type { VerifyMode } from './prompt.js';
import type { CallRecord } from './store.js';
import type { Vote } from './vote.js';

/**
 * One line of `verify-labels` output, the documented verifier format `steward propose --from` reads:
 * `id`, `value` (a number, a date string, [weeks, days], or "N/A"), a suggested `category`, a
 * `rationale`, `evidence` (the quotes the winning runs gave), `votes`, `decided`, and `provenance`.
 */
export interface VerifierLine {
  id: string;
  value: number | string | [number, number];
  category: string;
  rationale: string;
  evidence: { entity: string; quote: string }[];
  votes: {
    runs: number;
    supermajority: number;
    clusters: { value: number | string | [number, number]; count: number; runs: number[] }[];
    invalid: number;
  };
  decided: boolean;
  provenance: {
    tool: string;
    mode: VerifyMode;
    /** Model ids the server reported, one per distinct id. */
    models: string[];
    promptHash: string;
    calls: { run: number; seed: number; model: string; key: string }[];
  };
}

let toolVersion: string | undefined;
export function toolId(): string {
  if (!toolVersion) {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_SCHEMA_DIR, '..', 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    toolVersion = `${pkg.name}@${pkg.version}`;
  }
  return toolVersion;
}

const shown = (v: CalcValue | null): number | string | [number, number] =>
  v === null ? 'N/A' : Array.isArray(v) ? [v[0], v[1]] : typeof v === 'number' ? Number(v.toPrecision(12)) : v;

function sameEntity(a: EntityValue | undefined, b: EntityValue | undefined): boolean {
  const num = (v: EntityValue | undefined) =>
    Array.isArray(v) && typeof v[0] === 'number' ? v[0] : typeof v === 'number' ? v : undefined;
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return Math.abs(x - y) <= 0.02 * Math.max(Math.abs(x), Math.abs(y));
  // v1.0 leaves false findings out: a missing boolean equals false.
  if ((a === undefined || a === false) && (b === undefined || b === false)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The category to suggest: an entity that differs from the stored ones is an extraction error; the
 * same entities with a different answer a calculator-logic mismatch; N/A is incomputable.
 */
export function suggestVerifierCategory(
  label: Label,
  value: CalcValue | null,
  entities: Entities | undefined,
): { category: string; differing: string[] } {
  if (value === null) return { category: 'incomputable', differing: [] };
  if (!entities) return { category: 'unclassified', differing: [] };
  const keys = new Set([...Object.keys(entities), ...Object.keys(label.entities)]);
  const differing = [...keys].filter((k) => !sameEntity(entities[k], label.entities[k]));
  if (differing.length > 0) return { category: 'extraction-error', differing };
  return { category: withinTolerance(label.answer, value) ? 'unclassified' : 'calculator-logic-mismatch', differing };
}

export function buildLine(args: {
  label: Label;
  mode: VerifyMode;
  runs: number;
  supermajority: number;
  vote: Vote;
  answers: RunAnswer[];
  records: (CallRecord | undefined)[];
  promptHash: string;
}): VerifierLine {
  const { label, vote, answers, records } = args;
  const top = vote.winner ?? vote.clusters[0] ?? null;
  const lead = top ? answers[top.runs[0]] : undefined;
  const leadOk = lead?.ok ? lead : undefined;
  const value = top ? top.value : null;
  const { category, differing } = suggestVerifierCategory(label, value, leadOk?.entities);
  const count = top?.runs.length ?? 0;
  const verdict = vote.decided
    ? `decided by ${count} of ${args.runs} runs (supermajority ${args.supermajority})`
    : `no consensus: the largest cluster has ${count} of ${args.runs} runs (supermajority ${args.supermajority}); ` +
      `for a physician`;
  const rationale =
    (args.mode === 'extract'
      ? 'Entities re-extracted from the note by the model, computed by the reference calculator'
      : 'Answer given by the model') +
    ': ' +
    `${shown(value)}; ${verdict}.` +
    (differing.length ? ` Differs from the stored entities in: ${differing.join(', ')}.` : '') +
    (leadOk?.reasoning ? ` Model reasoning: ${leadOk.reasoning.slice(0, 400)}` : '');
  const models = [...new Set(records.filter((r): r is CallRecord => r !== undefined).map((r) => r.model))];
  return {
    id: label.id,
    value: shown(value),
    category,
    rationale,
    evidence: leadOk ? leadOk.quotes.filter((q) => q.quote.trim() !== '') : [],
    votes: {
      runs: args.runs,
      supermajority: args.supermajority,
      clusters: vote.clusters.map((c) => ({ value: shown(c.value), count: c.runs.length, runs: c.runs })),
      invalid: vote.invalid.length,
    },
    decided: vote.decided,
    provenance: {
      tool: toolId(),
      mode: args.mode,
      models,
      promptHash: args.promptHash,
      calls: records.flatMap((r) => (r ? [{ run: r.run, seed: r.seed, model: r.model, key: r.key }] : [])),
    },
  };
}

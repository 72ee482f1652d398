import { existsSync } from 'node:fs';
import { findCalculator } from '../../calculators/registry.js';
import type { CalculatorDefinition } from '../../calculators/types.js';
import { inputError } from '../../errors/index.js';
import type { Label } from '../../label/types.js';
import { writeFileAtomically } from '../../store/atomic.js';
import { ChatCallError, type ChatFunction } from './client.js';
import { CallLimiter } from './limits.js';
import { buildLine, type VerifierLine } from './output.js';
import { type RunAnswer, readAnswer, readExtraction } from './parse.js';
import { buildRequest, callKey, type ChatRequest, promptHash, type VerifyMode } from './prompt.js';
import { costOf, estimateTokens, type ModelPrice } from './prices.js';
import { type CallRecord, Ledger, ReplyCache } from './store.js';
import { voteOn } from './vote.js';

export interface VerifyLabelsOptions {
  labels: Label[];
  chat: ChatFunction;
  baseUrl: string;
  model: string;
  runs: number;
  supermajority: number;
  mode: VerifyMode;
  concurrency: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  temperature: number;
  maxTokens: number;
  /** Stop before a call whose estimated cost would take the run past this total. */
  budgetUsd?: number;
  price?: ModelPrice;
  dryRun: boolean;
  out: string;
  resume: boolean;
  cacheDir: string;
  onProgress?: (done: number, total: number) => void;
}

export interface VerifyLabelsResult {
  lines: VerifierLine[];
  /** Calls made to the server in this invocation. */
  calls: number;
  fromCache: number;
  fromLedger: number;
  failedCalls: { id: string; run: number; error: string }[];
  /** Items without an output line: not every run could be made (budget) or none could be read. */
  unverified: { id: string; why: string }[];
  spentUsd: number | null;
  stoppedByBudget: boolean;
  estimate?: { calls: number; tokens: number; costUsd: number | null };
}

interface Task {
  label: Label;
  calculator: CalculatorDefinition;
  request: ChatRequest;
  run: number;
  seed: number;
  key: string;
}

/**
 * Verifies labels by asking a model k times per item, blind to the current label. Every call is
 * recorded in an append-only ledger beside the output before it counts, and successful replies in a
 * content-addressed cache, so a killed run resumed with `resume` repeats no paid call.
 */
export async function verifyLabels(o: VerifyLabelsOptions): Promise<VerifyLabelsResult> {
  if (o.supermajority > o.runs || o.supermajority < 1)
    throw inputError('USAGE', `--supermajority ${o.supermajority} must be between 1 and --runs ${o.runs}`);
  if (o.budgetUsd !== undefined && !o.price)
    throw inputError(
      'USAGE',
      `--budget-usd needs a price for model "${o.model}" in steward.config.json /verifier/prices/${o.model}`,
    );
  const ledger = new Ledger(`${o.out}.ledger.jsonl`);
  if (!o.dryRun) {
    if (!o.resume && (existsSync(o.out) || existsSync(ledger.file))) {
      throw inputError(
        'OUT_EXISTS',
        `${o.out}: a run already wrote here; add --resume to continue it or choose another --out`,
        { file: o.out },
      );
    }
    if (o.resume) ledger.load();
  }
  const cache = new ReplyCache(o.cacheDir);
  const unverified: { id: string; why: string }[] = [];
  const tasks: Task[] = [];
  const prompts = new Map<string, string>();
  for (const label of o.labels) {
    const calculator = findCalculator(label.calculator.id);
    if (!calculator) {
      unverified.push({ id: label.id, why: `no calculator ${label.calculator.id}` });
      continue;
    }
    const request = buildRequest(
      {
        calculatorName: label.calculator.name,
        question: label.question,
        note: label.note,
        entitySchema: calculator.entitySchema,
      },
      o.mode,
    );
    prompts.set(label.id, promptHash(request));
    for (let run = 0; run < o.runs; run++) {
      const seed = run + 1;
      tasks.push({
        label,
        calculator,
        request,
        run,
        seed,
        key: callKey({ baseUrl: o.baseUrl, model: o.model, request, seed, temperature: o.temperature }),
      });
    }
  }
  // Prompt tokens are estimated from characters, scaled by the largest ratio of reported to estimated
  // tokens seen so far (at least 1.5), so that the budget check errs on the side of stopping early;
  // the reply can never exceed max_tokens.
  let tokenRatio = 1.5;
  const rawTokens = (t: Task) =>
    estimateTokens(t.request.messages.map((m) => m.content).join('\n')) +
    estimateTokens(JSON.stringify(t.request.responseSchema));
  const tokensOf = (t: Task) => Math.ceil(rawTokens(t) * tokenRatio);
  const estCost = (t: Task) =>
    o.price ? costOf(o.price, { promptTokens: tokensOf(t), completionTokens: o.maxTokens }) : null;

  if (o.dryRun) {
    const todo = tasks.filter((t) => !cache.get(t.key));
    const tokens = todo.reduce((n, t) => n + tokensOf(t) + o.maxTokens, 0);
    const costUsd = o.price ? todo.reduce((n, t) => n + (estCost(t) ?? 0), 0) : null;
    return {
      lines: [],
      calls: 0,
      fromCache: tasks.length - todo.length,
      fromLedger: 0,
      failedCalls: [],
      unverified,
      spentUsd: 0,
      stoppedByBudget: false,
      estimate: { calls: todo.length, tokens, costUsd },
    };
  }

  const records = new Map<string, CallRecord>();
  const failedCalls: VerifyLabelsResult['failedCalls'] = [];
  let calls = 0;
  let fromCache = 0;
  let fromLedger = 0;
  let spent = ledger.spentUsd();
  let reserved = 0;
  let stoppedByBudget = false;
  let done = 0;
  const limiter = new CallLimiter({
    concurrency: o.concurrency,
    requestsPerMinute: o.requestsPerMinute,
    tokensPerMinute: o.tokensPerMinute,
  });

  const one = async (t: Task): Promise<void> => {
    const known = ledger.records.get(t.key);
    if (known) {
      records.set(t.key, known);
      fromLedger++;
      return;
    }
    const cached = cache.get(t.key);
    if (cached) {
      // Paid for by an earlier run: this run records it at no cost.
      const record = { ...cached, id: t.label.id, run: t.run, costUsd: 0 };
      ledger.append(record);
      records.set(t.key, record);
      fromCache++;
      return;
    }
    const est = estCost(t) ?? 0;
    let reservedHere = 0;
    try {
      await limiter.run(tokensOf(t) + o.maxTokens, async () => {
        // Checked when the call is about to start, with every finished call's real cost counted and
        // the estimates of the calls still in flight reserved; once stopped, no later call starts.
        if (o.budgetUsd !== undefined && (stoppedByBudget || spent + reserved + est > o.budgetUsd)) {
          stoppedByBudget = true;
          return;
        }
        reserved += est;
        reservedHere = est;
        calls++;
        const reply = await o.chat(o.model, t.request, {
          seed: t.seed,
          temperature: o.temperature,
          maxTokens: o.maxTokens,
        });
        const costUsd = o.price ? costOf(o.price, reply) : null;
        tokenRatio = Math.max(tokenRatio, reply.promptTokens / Math.max(1, rawTokens(t)));
        const record: CallRecord = {
          key: t.key,
          id: t.label.id,
          run: t.run,
          seed: t.seed,
          promptHash: prompts.get(t.label.id)!,
          model: reply.model,
          content: reply.content,
          promptTokens: reply.promptTokens,
          completionTokens: reply.completionTokens,
          costUsd,
        };
        ledger.append(record);
        spent += costUsd ?? 0;
        records.set(t.key, record);
        if (read(t, record.content).ok) cache.put(record); // an unreadable reply is an error: never cached
      });
    } catch (error) {
      if (!(error instanceof ChatCallError)) throw error;
      failedCalls.push({ id: t.label.id, run: t.run, error: error.message });
    } finally {
      reserved -= reservedHere;
      o.onProgress?.(++done, tasks.length);
    }
  };
  const read = (t: Task, content: string): RunAnswer =>
    o.mode === 'extract'
      ? readExtraction(content, t.request.responseSchema, t.calculator)
      : readAnswer(content, t.request.responseSchema, t.calculator.kind);

  await Promise.all(tasks.map(one));

  const lines: VerifierLine[] = [];
  const failed = new Set(failedCalls.map((f) => `${f.id}#${f.run}`));
  for (const label of o.labels) {
    const mine = tasks.filter((t) => t.label === label);
    if (mine.length === 0) continue;
    if (mine.some((t) => !records.has(t.key) && !failed.has(`${label.id}#${t.run}`))) {
      unverified.push({ id: label.id, why: 'budget reached before all runs were made' });
      continue;
    }
    const answers = mine.map((t) => {
      const r = records.get(t.key);
      return r ? read(t, r.content) : ({ ok: false, error: 'call failed' } as RunAnswer);
    });
    const vote = voteOn(
      mine[0].calculator.kind,
      answers.map((a, run) => ({ run, ok: a.ok, value: a.ok ? a.value : null })),
      o.supermajority,
    );
    if (vote.clusters.length === 0) {
      unverified.push({
        id: label.id,
        why: `no run gave a readable answer (${answers
          .map((a) => (a.ok ? 'ok' : a.error))
          .join('; ')
          .slice(0, 200)})`,
      });
      continue;
    }
    lines.push(
      buildLine({
        label,
        mode: o.mode,
        runs: o.runs,
        supermajority: o.supermajority,
        vote,
        answers,
        records: mine.map((t) => records.get(t.key)),
        promptHash: prompts.get(label.id)!,
      }),
    );
  }
  await writeFileAtomically(
    o.out,
    lines.map((l) => JSON.stringify(l) + '\n'),
  );
  return {
    lines,
    calls,
    fromCache,
    fromLedger,
    failedCalls,
    unverified,
    spentUsd: o.price ? spent : null,
    stoppedByBudget,
  };
}

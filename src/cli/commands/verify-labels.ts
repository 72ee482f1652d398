import { resolve } from 'node:path';
import { progress } from '../io.js';
import type { CommandSpec } from '../command.js';

export const verifyLabelsCommand: CommandSpec = {
  command: 'verify-labels',
  describe: 'Ask a model (any OpenAI-compatible chat-completions server) to recompute labels from their notes, k runs ' +
      'per item, blind to the label',
  builder: (y) =>
    y
      .option('ids', { type: 'string', array: true, describe: 'Label ids (space- or comma-separated)' })
      .option('calculator', { type: 'number', describe: 'Every label of this calculator id' })
      .option('triaged', { type: 'boolean', describe: 'The items the audit flags (its triage queue)' })
      .option('split', { type: 'string', describe: 'Only this split' })
      .option('base-url', { type: 'string', demandOption: true, describe: 'Chat-completions endpoint, e.g. https://api.openai.com/v1 or http://127.0.0.1:8080/v1' })
      .option('model', { type: 'string', demandOption: true, describe: 'Model name the server knows' })
      .option('api-key-env', { type: 'string', default: 'OPENAI_API_KEY', describe: 'Environment variable holding the API key (not needed for a loopback server)' })
      .option('runs', { type: 'number', default: 5, describe: 'Independent runs per item (own seed and cache key each)' })
      .option('supermajority', { type: 'number', default: 4, describe: 'Runs the largest agreeing cluster needs for the item to be decided' })
      .option('mode', { choices: ['extract', 'answer'] as const, default: 'extract', describe: 'extract: the model quotes the entities, the tool computes; answer: the model answers' })
      .option('concurrency', { type: 'number', default: 4, describe: 'Calls in flight at once' })
      .option('rpm', { type: 'number', describe: 'At most this many requests per minute' })
      .option('tpm', { type: 'number', describe: 'At most this many (estimated) tokens per minute' })
      .option('budget-usd', { type: 'number', describe: 'Stop before the run would cost more (needs verifier.prices in steward.config.json)' })
      .option('dry-run', { type: 'boolean', describe: 'Count the calls and estimate tokens and cost; call nothing' })
      .option('out', { type: 'string', describe: 'Output JSONL (default verifier/run-<date>.jsonl); its ledger is <out>.ledger.jsonl' })
      .option('resume', { type: 'boolean', describe: 'Continue a run from its ledger without repeating calls' })
      .option('cache', { type: 'string', describe: 'Reply cache folder (default .steward/verifier-cache)' })
      .option('temperature', { type: 'number', default: 1, describe: 'Sampling temperature (runs differ by seed)' })
      .option('max-tokens', { type: 'number', default: 2048, describe: 'Reply token limit per call' })
      .option('timeout-ms', { type: 'number', default: 120_000, describe: 'Per-request timeout' })
      .option('max-attempts', { type: 'number', default: 5, describe: 'Attempts per call (429, 5xx, timeouts retried with backoff; Retry-After honoured)' })
      .option('backoff-ms', { type: 'number', default: 1000, describe: 'First retry delay, doubled per attempt' }),
  async run(args, io) {
    const { selectLabels } = await import('../../verifiers/llm/select.js');
    const { makeChatClient } = await import('../../verifiers/llm/client.js');
    const { loadPrices } = await import('../../verifiers/llm/prices.js');
    const { verifyLabels } = await import('../../verifiers/llm/run.js');
    const { runSummary } = await import('../../verifiers/llm/summary.js');
    const { inputError } = await import('../../errors/index.js');
    const dir = resolve(args.dir);
    const baseUrl = String(args['base-url']);
    const model = String(args.model);
    const num = (k: string) => (args[k] === undefined ? undefined : Number(args[k]));
    for (const k of ['runs', 'supermajority', 'concurrency', 'max-tokens', 'max-attempts']) {
      const v = num(k);
      if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw inputError('USAGE', `--${k} must be a whole number ≥ 1`);
    }
    const labels = await selectLabels({ dir, ids: (args.ids as string[] | undefined)?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean), calculator: num('calculator'), triaged: Boolean(args.triaged), split: args.split as string | undefined });
    const keyEnv = String(args['api-key-env']);
    let apiKey = process.env[keyEnv];
    if (!apiKey) {
      const host = new URL(baseUrl).hostname;
      if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]' && !args['dry-run']) throw inputError('USAGE', `no API key: set ${keyEnv} (or name another variable with --api-key-env)`);
      apiKey = 'loopback-no-key';
    }
    const prices = await loadPrices(dir);
    const date = new Date().toISOString().slice(0, 10);
    const out = resolve(dir, String(args.out ?? `verifier/run-${date}.jsonl`));
    const tick = progress(io, !args.json);
    const result = await verifyLabels({
      labels,
      chat: makeChatClient({ baseUrl, apiKey, timeoutMs: Number(args['timeout-ms']), maxAttempts: Number(args['max-attempts']), backoffMs: Number(args['backoff-ms']) }),
      baseUrl,
      model,
      runs: Number(args.runs),
      supermajority: Number(args.supermajority),
      mode: args.mode as 'extract' | 'answer',
      concurrency: Number(args.concurrency),
      requestsPerMinute: num('rpm'),
      tokensPerMinute: num('tpm'),
      temperature: Number(args.temperature),
      maxTokens: Number(args['max-tokens']),
      budgetUsd: num('budget-usd'),
      price: prices[model],
      dryRun: Boolean(args['dry-run']),
      out,
      resume: Boolean(args.resume),
      cacheDir: resolve(dir, String(args.cache ?? '.steward/verifier-cache')),
      onProgress: (done, total) => tick('verifying', done, total),
    });
    io.out(args.json ? JSON.stringify({ ...result, lines: undefined, out }, null, 2) + '\n' : runSummary(result, out));
    return result.stoppedByBudget || result.unverified.length > 0 || result.failedCalls.length > 0 ? 1 : 0;
  },
};

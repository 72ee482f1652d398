import { resolve } from 'node:path';
import { progress } from '../io.js';
import { defineCommand } from '../command.js';

export const verifyLabelsCommand = defineCommand({
  command: 'verify-labels',
  describe:
    'Ask a model (any OpenAI-compatible chat-completions server) to recompute labels from their notes, k runs ' +
    'per item, blind to the label',
  options: {
    ids: { type: 'string', array: true, describe: 'Label ids (space- or comma-separated)' },
    calculator: { type: 'number', describe: 'Every label of this calculator id' },
    triaged: { type: 'boolean', describe: 'The items the audit flags (its triage queue)' },
    split: { type: 'string', describe: 'Only this split' },
    'base-url': {
      type: 'string',
      demandOption: true,
      describe: 'Chat-completions endpoint, e.g. https://api.openai.com/v1 or http://127.0.0.1:8080/v1',
    },
    model: { type: 'string', demandOption: true, describe: 'Model name the server knows' },
    'api-key-env': {
      type: 'string',
      default: 'OPENAI_API_KEY',
      describe: 'Environment variable holding the API key (not needed for a loopback server)',
    },
    runs: { type: 'number', default: 5, describe: 'Independent runs per item (own seed and cache key each)' },
    supermajority: {
      type: 'number',
      default: 4,
      describe: 'Runs the largest agreeing cluster needs for the item to be decided',
    },
    mode: {
      choices: ['extract', 'answer'],
      default: 'extract',
      describe: 'extract: the model quotes the entities, the tool computes; answer: the model answers',
    },
    concurrency: { type: 'number', default: 4, describe: 'Calls in flight at once' },
    rpm: { type: 'number', describe: 'At most this many requests per minute' },
    tpm: { type: 'number', describe: 'At most this many (estimated) tokens per minute' },
    'budget-usd': {
      type: 'number',
      describe: 'Stop before the run would cost more (needs verifier.prices in steward.config.json)',
    },
    'dry-run': { type: 'boolean', describe: 'Count the calls and estimate tokens and cost; call nothing' },
    out: {
      type: 'string',
      describe: 'Output JSONL (default verifier/run-<date>.jsonl); its ledger is <out>.ledger.jsonl',
    },
    resume: { type: 'boolean', describe: 'Continue a run from its ledger without repeating calls' },
    cache: { type: 'string', describe: 'Reply cache folder (default .steward/verifier-cache)' },
    temperature: { type: 'number', default: 1, describe: 'Sampling temperature (runs differ by seed)' },
    'max-tokens': { type: 'number', default: 2048, describe: 'Reply token limit per call' },
    'timeout-ms': { type: 'number', default: 120_000, describe: 'Per-request timeout' },
    'max-attempts': {
      type: 'number',
      default: 5,
      describe: 'Attempts per call (429, 5xx, timeouts retried with backoff; Retry-After honoured)',
    },
    'backoff-ms': { type: 'number', default: 1000, describe: 'First retry delay, doubled per attempt' },
  },
  async run(args, io) {
    const { selectLabels } = await import('../../verifiers/llm/select.js');
    const { makeChatClient } = await import('../../verifiers/llm/client.js');
    const { loadPrices } = await import('../../verifiers/llm/prices.js');
    const { verifyLabels } = await import('../../verifiers/llm/run.js');
    const { runSummary } = await import('../../verifiers/llm/summary.js');
    const { inputError } = await import('../../errors/index.js');
    const dir = resolve(args.dir);
    const { baseUrl, model } = args;
    const { runs, supermajority, concurrency, maxTokens, maxAttempts } = args;
    const counts = { runs, supermajority, concurrency, 'max-tokens': maxTokens, 'max-attempts': maxAttempts };
    for (const [flag, v] of Object.entries(counts)) {
      if (!Number.isInteger(v) || v < 1) throw inputError('USAGE', `--${flag} must be a whole number ≥ 1`);
    }
    const ids = args.ids
      ?.flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    const { calculator, split } = args;
    const labels = await selectLabels({ dir, ids, calculator, triaged: Boolean(args.triaged), split });
    const keyEnv = args.apiKeyEnv;
    let apiKey = process.env[keyEnv];
    if (!apiKey) {
      const host = new URL(baseUrl).hostname;
      if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]' && !args.dryRun) {
        throw inputError('USAGE', `no API key: set ${keyEnv} (or name another variable with --api-key-env)`);
      }
      apiKey = 'loopback-no-key';
    }
    const prices = await loadPrices(dir);
    const date = new Date().toISOString().slice(0, 10);
    const out = resolve(dir, args.out ?? `verifier/run-${date}.jsonl`);
    const tick = progress(io, !args.json);
    const result = await verifyLabels({
      labels,
      chat: makeChatClient({ baseUrl, apiKey, timeoutMs: args.timeoutMs, maxAttempts, backoffMs: args.backoffMs }),
      baseUrl,
      model,
      runs,
      supermajority,
      mode: args.mode,
      concurrency,
      requestsPerMinute: args.rpm,
      tokensPerMinute: args.tpm,
      temperature: args.temperature,
      maxTokens,
      budgetUsd: args.budgetUsd,
      price: prices[model],
      dryRun: Boolean(args.dryRun),
      out,
      resume: Boolean(args.resume),
      cacheDir: resolve(dir, args.cache ?? '.steward/verifier-cache'),
      onProgress: (done, total) => tick('verifying', done, total),
    });
    io.out(args.json ? JSON.stringify({ ...result, lines: undefined, out }, null, 2) + '\n' : runSummary(result, out));
    return result.stoppedByBudget || result.unverified.length > 0 || result.failedCalls.length > 0 ? 1 : 0;
  },
});

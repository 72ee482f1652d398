import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeChatClient } from '../../src/verifiers/llm/client.js';
import { buildRequest, type PromptInput } from '../../src/verifiers/llm/prompt.js';
import { type VerifyLabelsOptions, verifyLabels } from '../../src/verifiers/llm/run.js';
import { type ScriptedServer, startScriptedServer } from '../../src/verifiers/llm/scripted-server.js';
import { testdir } from '../helpers/tempdir.js';
import { bmiLabel, extraction, HEAVIER, NO_HEIGHT, reply, RIGHT, scriptByNote } from './llm-helpers.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function options(
  dir: string,
  over: Partial<VerifyLabelsOptions> & Pick<VerifyLabelsOptions, 'labels'>,
): VerifyLabelsOptions {
  return {
    chat: makeChatClient({ baseUrl: server!.url, apiKey: 'test', timeoutMs: 2000, maxAttempts: 4, backoffMs: 10 }),
    baseUrl: server!.url,
    model: 'scripted',
    runs: 5,
    supermajority: 4,
    mode: 'extract',
    concurrency: 2,
    temperature: 1,
    maxTokens: 256,
    dryRun: false,
    out: join(dir, 'verifier', 'run.jsonl'),
    resume: false,
    cacheDir: join(dir, 'cache'),
    ...over,
  };
}

describe('the prompt is blind to the label', () => {
  it('is built from calculator, question, note and entity schema only', () => {
    const input: PromptInput = {
      calculatorName: 'BMI',
      question: 'What is the BMI?',
      note: 'Weighs 70 kg.',
      entitySchema: { properties: { weight: {} } },
    };
    // A label's answer given through an untyped path still never reaches the request.
    const leaky = { ...input, answer: 987.654, entities: { weight: [55.5, 'kg'] } } as PromptInput;
    const text = JSON.stringify(buildRequest(leaky, 'extract')) + JSON.stringify(buildRequest(leaky, 'answer'));
    expect(text).not.toContain('987.654');
    expect(text).not.toContain('55.5');
    expect(text).toContain('Weighs 70 kg.');
  });
});

describe('verify-labels against a scripted chat-completions server on 127.0.0.1', () => {
  it('decides right answers, wrong labels (extraction errors) and N/A by supermajority, with quotes and provenance', async () => {
    server = await startScriptedServer(
      scriptByNote({
        RIGHTNOTE: () => [reply(RIGHT)],
        WRONGNOTE: () => [reply(RIGHT)],
        NANOTE: () => [reply(NO_HEIGHT)],
      }),
    );
    const dir = testdir();
    const labels = [
      bmiLabel('demo-0001', 'RIGHTNOTE: she weighs 70 kg and is 175 cm tall.', 22.857),
      bmiLabel('demo-0002', 'WRONGNOTE: he weighs 70 kg and is 175 cm tall.', 26.122, {
        weight: [80, 'kg'],
        height: [175, 'cm'],
      }),
      bmiLabel('demo-0003', 'NANOTE: he weighs 70 kg; no height was taken.', 22.857),
    ];
    const r = await verifyLabels(options(dir, { labels }));
    expect(server.requests).toHaveLength(15);
    expect(new Set(server.requests.map((q) => q.seed))).toEqual(new Set([1, 2, 3, 4, 5]));
    const [right, wrong, na] = r.lines;
    expect(right).toMatchObject({ id: 'demo-0001', value: 22.8571428571, category: 'unclassified', decided: true });
    expect(right.votes).toEqual({
      runs: 5,
      supermajority: 4,
      clusters: [{ value: 22.8571428571, count: 5, runs: [0, 1, 2, 3, 4] }],
      invalid: 0,
    });
    expect(right.evidence).toEqual([
      { entity: 'weight', quote: 'weighs 70 kg' },
      { entity: 'height', quote: '175 cm tall' },
    ]);
    expect(right.provenance).toMatchObject({ mode: 'extract', models: ['scripted-model-2026'] });
    expect(right.provenance.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(right.provenance.tool).toMatch(/^medcalc-steward@/);
    expect(right.provenance.calls.map((c) => c.seed)).toEqual([1, 2, 3, 4, 5]);
    expect(wrong).toMatchObject({ value: 22.8571428571, category: 'extraction-error', decided: true });
    expect(wrong.rationale).toContain('Differs from the stored entities in: weight');
    expect(na).toMatchObject({ value: 'N/A', category: 'incomputable', decided: true });
    const written = readFileSync(join(dir, 'verifier', 'run.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(written).toEqual(r.lines);
  });

  it('keeps items without consensus (for physicians) and counts malformed replies as invalid votes', async () => {
    server = await startScriptedServer(
      scriptByNote({
        SPLIT: (seed) => [reply(seed <= 3 ? RIGHT : HEAVIER)],
        GARBLED: (seed) => [reply(seed <= 2 ? '{"entities": {"weight": ' : RIGHT)],
      }),
    );
    const dir = testdir();
    const labels = [
      bmiLabel('demo-0004', 'SPLIT: 70 kg, 175 cm.', 22.857),
      bmiLabel('demo-0005', 'GARBLED: 70 kg, 175 cm.', 22.857),
    ];
    const r = await verifyLabels(options(dir, { labels }));
    expect(r.lines[0]).toMatchObject({ decided: false, value: 22.8571428571 });
    expect(r.lines[0].votes.clusters.map((c) => c.count)).toEqual([3, 2]);
    expect(r.lines[0].rationale).toContain('no consensus');
    expect(r.lines[1]).toMatchObject({ decided: false, votes: { invalid: 2 } });
    // With a supermajority of 3 the same replies decide both.
    const again = await verifyLabels(options(dir, { labels, supermajority: 3, out: join(dir, 'second.jsonl') }));
    expect(again.lines.map((l) => l.decided)).toEqual([true, true]);
  });

  it('retries a 429 after its Retry-After, a 500, a timeout and a reply cut mid-way; a 400 is not retried', async () => {
    server = await startScriptedServer(
      scriptByNote({
        RATELIMITED: (seed) =>
          seed === 1 ? [{ kind: 'status', status: 429, retryAfter: '1' }, reply(RIGHT)] : [reply(RIGHT)],
        FLAKY: (seed) => (seed === 1 ? [{ kind: 'status', status: 500 }, reply(RIGHT)] : [reply(RIGHT)]),
        SLOW: (seed) => (seed === 1 ? [{ kind: 'hang' }, reply(RIGHT)] : [reply(RIGHT)]),
        CUT: (seed) => (seed === 1 ? [{ kind: 'cut', content: RIGHT }, reply(RIGHT)] : [reply(RIGHT)]),
        REFUSED: () => [{ kind: 'status', status: 400, message: 'scripted bad request' }],
      }),
    );
    const dir = testdir();
    const labels = ['RATELIMITED', 'FLAKY', 'SLOW', 'CUT', 'REFUSED'].map((m, k) =>
      bmiLabel(`demo-001${k}`, `${m}: 70 kg, 175 cm.`, 22.857),
    );
    const chat = makeChatClient({ baseUrl: server.url, apiKey: 'test', timeoutMs: 500, maxAttempts: 3, backoffMs: 10 });
    const started = Date.now();
    const r = await verifyLabels(options(dir, { labels, chat, runs: 1, supermajority: 1 }));
    expect(r.lines.map((l) => [l.id, l.decided])).toEqual([
      ['demo-0010', true],
      ['demo-0011', true],
      ['demo-0012', true],
      ['demo-0013', true],
    ]);
    const count = (m: string) => server!.requests.filter((q) => JSON.stringify(q).includes(m)).length;
    expect([count('RATELIMITED'), count('FLAKY'), count('SLOW'), count('CUT'), count('REFUSED')]).toEqual([
      2, 2, 2, 2, 1,
    ]);
    expect(r.failedCalls).toEqual([expect.objectContaining({ id: 'demo-0014', run: 0 })]);
    expect(r.unverified.map((u) => u.id)).toEqual(['demo-0014']);
    // Retry-After: 1 was honoured (a lower bound on elapsed time, not a timing assertion on speed).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('answers a second run from the cache without calling, and never caches errors', async () => {
    server = await startScriptedServer(
      scriptByNote({ CACHED: () => [reply(RIGHT)], BROKEN: () => [reply('not json')] }),
    );
    const dir = testdir();
    const labels = [
      bmiLabel('demo-0020', 'CACHED: 70 kg, 175 cm.', 22.857),
      bmiLabel('demo-0021', 'BROKEN: 70 kg, 175 cm.', 22.857),
    ];
    await verifyLabels(options(dir, { labels, runs: 2, supermajority: 2 }));
    expect(server.requests).toHaveLength(4);
    const second = await verifyLabels(
      options(dir, { labels, runs: 2, supermajority: 2, out: join(dir, 'again.jsonl') }),
    );
    expect(second).toMatchObject({ calls: 2, fromCache: 2 });
    expect(server.requests.filter((q) => JSON.stringify(q).includes('BROKEN'))).toHaveLength(4);
    expect(server.requests.filter((q) => JSON.stringify(q).includes('CACHED'))).toHaveLength(2);
  });

  it('stops before the budget would be exceeded, and resumes without repeating a call', async () => {
    server = await startScriptedServer(
      scriptByNote({ PAID: () => [{ kind: 'reply', content: RIGHT, promptTokens: 1000, completionTokens: 100 }] }),
    );
    const dir = testdir();
    const labels = [1, 2, 3].map((k) => bmiLabel(`demo-003${k}`, `PAID ${k}: 70 kg, 175 cm.`, 22.857));
    // $10 per million tokens both ways: a call costs (1000 + 100) × $1e-5 = $0.011 and is estimated at
    // about $0.0125 (the prompt estimate scaled up, plus all 256 reply tokens): with $0.04 three calls
    // start (0.033 + 0.0125 > 0.04 stops the fourth).
    const price = { inputPerMTok: 10, outputPerMTok: 10 };
    const budgetUsd = 0.04;
    const first = await verifyLabels(
      options(dir, { labels, runs: 2, supermajority: 2, concurrency: 1, price, budgetUsd }),
    );
    expect(first.stoppedByBudget).toBe(true);
    expect(first.spentUsd!).toBeLessThanOrEqual(budgetUsd);
    const made = server.requests.length;
    expect(made).toBe(3);
    expect(first.lines.map((l) => l.id)).toEqual(['demo-0031']);
    expect(first.unverified.map((u) => u.id)).toEqual(['demo-0032', 'demo-0033']);
    const rest = await verifyLabels(
      options(dir, { labels, runs: 2, supermajority: 2, concurrency: 1, price, budgetUsd: 1, resume: true }),
    );
    expect(server.requests).toHaveLength(6);
    expect(rest).toMatchObject({ fromLedger: made, calls: 6 - made, stoppedByBudget: false });
    expect(rest.spentUsd).toBeCloseTo(0.066, 10);
    expect(rest.lines).toHaveLength(3);
  });

  it('a dry run estimates calls and cost and calls nothing; answer mode reads N/A and numbers', async () => {
    server = await startScriptedServer(
      scriptByNote({
        ANSWERED: () => [reply(JSON.stringify({ answer: 22.9, reasoning: '70 / 1.75²' }))],
        ABSTAINED: () => [reply(JSON.stringify({ answer: 'N/A', reasoning: 'no height' }))],
      }),
    );
    const dir = testdir();
    const labels = [
      bmiLabel('demo-0040', 'ANSWERED: 70 kg, 175 cm.', 22.857),
      bmiLabel('demo-0041', 'ABSTAINED: 70 kg.', 22.857),
    ];
    const dry = await verifyLabels(
      options(dir, { labels, mode: 'answer', dryRun: true, price: { inputPerMTok: 1, outputPerMTok: 2 } }),
    );
    expect(dry.estimate).toMatchObject({ calls: 10 });
    expect(dry.estimate!.costUsd!).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(join(dir, 'verifier', 'run.jsonl'))).toBe(false);
    const r = await verifyLabels(options(dir, { labels, mode: 'answer' }));
    expect(r.lines.map((l) => [l.value, l.decided, l.category])).toEqual([
      [22.9, true, 'unclassified'],
      ['N/A', true, 'incomputable'],
    ]);
    expect(r.lines[0].rationale).toContain('70 / 1.75²');
  });

  it('refuses to overwrite an earlier run without --resume, and a budget without a price', async () => {
    server = await startScriptedServer(scriptByNote({ ONCE: () => [reply(RIGHT)] }));
    const dir = testdir();
    const labels = [bmiLabel('demo-0050', 'ONCE: 70 kg, 175 cm.', 22.857)];
    await verifyLabels(options(dir, { labels, runs: 1, supermajority: 1 }));
    await expect(verifyLabels(options(dir, { labels, runs: 1, supermajority: 1 }))).rejects.toThrow(/--resume/);
    await expect(verifyLabels(options(dir, { labels, budgetUsd: 1, out: join(dir, 'x.jsonl') }))).rejects.toThrow(
      /price/,
    );
    expect(extraction({ weight: null })).toContain('not documented');
  });
});

describe('model output is data', () => {
  it('a reply with prototype keys, code and extra fields is an invalid vote, never evaluated', async () => {
    const hostile =
      '{"entities": {"weight": {"value": [70, "kg"], "quote": "x"}, "height": {"value": [175, "cm"], "quote": ' +
      '"y"}, "__proto__": {"polluted": true}}, "run": "process.exit(9)"}';
    server = await startScriptedServer(scriptByNote({ HOSTILE: () => [reply(hostile)] }));
    const dir = testdir();
    const r = await verifyLabels(
      options(dir, { labels: [bmiLabel('demo-0060', 'HOSTILE: 70 kg, 175 cm.', 22.857)], runs: 1, supermajority: 1 }),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.lines).toHaveLength(0);
    expect(r.unverified[0].why).toMatch(/does not match the schema/);
  });
});

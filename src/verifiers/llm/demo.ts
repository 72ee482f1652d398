import { join } from 'node:path';
import type { Label } from '../../label/types.js';
import { checkEvidence } from '../evidence/check-label.js';
import { findCalculator } from '../../calculators/registry.js';
import { makeChatClient } from './client.js';
import { NOT_DOCUMENTED } from './prompt.js';
import { type VerifyLabelsResult, verifyLabels } from './run.js';
import { noteOf, type ScriptedReply, startScriptedServer } from './scripted-server.js';
import { selectLabels } from './select.js';
import { runSummary } from './summary.js';

export interface VerifierDemoOptions {
  /** The benchmark folder (the repository's own demo benchmark for `npm start`). */
  dir: string;
  split?: string;
  /** Output JSONL (default: a fresh file under the system temp folder is the caller's choice). */
  out: string;
  runs?: number;
  supermajority?: number;
  log?: (text: string) => void;
}

/**
 * The scripted "model" of the demo: for each note it replies with the entities the benchmark stores
 * for that note, each quoted with the words the offline grounding found in the note (or "not
 * documented"), and, for one item in three, a different weight or first number in two of the five runs,
 * so the output shows both decided items and one without consensus. It is a transcript player, not a
 * model: it shows what a run produces, never what a model would say.
 */
export function demoResponder(labels: Label[]) {
  const byNote = new Map(labels.map((l, k) => [l.note, { label: l, k }]));
  return (body: { messages: { role: string; content: string }[]; seed?: number }): ScriptedReply => {
    const hit = byNote.get(noteOf(body));
    if (!hit) return { kind: 'status', status: 400, message: 'the demo server has no transcript for this note' };
    const { label, k } = hit;
    const calculator = findCalculator(label.calculator.id);
    const keys = Object.keys((calculator?.entitySchema.properties ?? {}) as Record<string, unknown>);
    const grounded = checkEvidence({ note: label.note, entities: label.entities, calculator });
    const perturb = k % 3 === 2 && (body.seed ?? 0) >= 4;
    let perturbed = false;
    const entities = Object.fromEntries(
      keys.map((key) => {
        let value = label.entities[key];
        if (value === undefined) return [key, { value: null, quote: NOT_DOCUMENTED }];
        if (perturb && !perturbed && Array.isArray(value) && typeof value[0] === 'number') {
          value = [Math.round(value[0] * 1.3 * 10) / 10, ...value.slice(1)];
          perturbed = true;
        }
        const g = grounded.groundings.find((x) => x.entity === key);
        // Where the offline grounding finds no span (a phrase such as a GCS response), the transcript
        // says so instead of inventing a quote.
        const quote =
          g && g.start >= 0
            ? label.note.slice(Math.max(0, g.start - 20), g.end + 12).trim()
            : `(no verbatim span; read as ${JSON.stringify(value)})`;
        return [key, { value, quote }];
      }),
    );
    return {
      kind: 'reply',
      content: JSON.stringify({ entities }),
      model: 'demo-transcripts-1',
      promptTokens: 600,
      completionTokens: 120,
    };
  };
}

/**
 * Starts the scripted chat-completions server on 127.0.0.1, runs `verify-labels` on the benchmark's
 * demo split against it (no API key, nothing leaves the machine), prints the summary and the first
 * lines, and stops the server. `npm start` can call this as one step.
 */
export async function runVerifierDemo(o: VerifierDemoOptions): Promise<VerifyLabelsResult> {
  const log = o.log ?? ((t: string) => process.stdout.write(t));
  const labels = await selectLabels({ dir: o.dir, split: o.split ?? 'demo' });
  const server = await startScriptedServer(demoResponder(labels));
  try {
    log(`Scripted chat-completions server on ${server.url} (demo transcripts, no model, no key)\n`);
    log(
      `steward verify-labels --split ${o.split ?? 'demo'} --base-url ${server.url} --model demo --runs ` +
        `${o.runs ?? 5} --supermajority ${o.supermajority ?? 4} --out ${o.out}\n\n`,
    );
    const result = await verifyLabels({
      labels,
      chat: makeChatClient({
        baseUrl: server.url,
        apiKey: 'loopback-no-key',
        timeoutMs: 10_000,
        maxAttempts: 3,
        backoffMs: 100,
      }),
      baseUrl: server.url,
      model: 'demo',
      runs: o.runs ?? 5,
      supermajority: o.supermajority ?? 4,
      mode: 'extract',
      concurrency: 4,
      temperature: 1,
      maxTokens: 1024,
      dryRun: false,
      out: o.out,
      resume: false,
      cacheDir: join(o.out + '.cache'),
    });
    log(runSummary(result, o.out));
    for (const line of result.lines.filter((l) => l.category !== 'unclassified' || !l.decided).slice(0, 6)) {
      log(
        `  ${line.id}: ${JSON.stringify(line.value)} (${line.category}, ` +
          `${line.decided ? 'decided' : 'no consensus'}, votes ` +
          `${line.votes.clusters.map((c) => `${JSON.stringify(c.value)}×${c.count}`).join(' ')})\n`,
      );
    }
    return result;
  } finally {
    await server.close();
  }
}

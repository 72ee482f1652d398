// A complete `verify-labels` run without an API key: starts a scripted chat-completions server on
// 127.0.0.1 (it replays transcripts made from the demo benchmark; it is not a model), runs the
// verifier on the demo split against it and prints what the run produced.
//
//   node scripts/demo-verifier-server.mjs [--out verifier/demo-run.jsonl]
//
// From another script (scripts/start.mjs), as one step:
//   import { verifierDemoStep } from './demo-verifier-server.mjs';
//   const code = await verifierDemoStep({ dir: '.' });   // 0 when every item was verified
// or, for a list of `npm start` steps ({ title, command, meaning, run(ctx) → text to show }):
//   import { verifierStep } from './demo-verifier-server.mjs';   // run(ctx) uses ctx.dir
//
// Uses the built CLI code (dist/): run `npm run build` first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the demo; returns an exit code. `out` defaults to a fresh temporary file, so the repository stays clean. */
export async function verifierDemoStep({ dir = '.', out, log } = {}) {
  const { runVerifierDemo } = await import('../dist/verifiers/llm/demo.js');
  const target = out ?? join(mkdtempSync(join(tmpdir(), 'steward-verifier-demo-')), 'run.jsonl');
  const result = await runVerifierDemo({ dir: resolve(dir), out: resolve(target), log });
  return result.unverified.length === 0 && result.failedCalls.length === 0 ? 0 : 1;
}

/** The same run as one `npm start` step: `run(ctx)` verifies the labels in `ctx.dir` and returns the printout. */
export const verifierStep = {
  title: 'Verify the labels from their notes with a (scripted) model: 5 runs, a supermajority of 4',
  command:
    'steward verify-labels --split demo --base-url http://127.0.0.1:<port>/v1 --model demo --runs 5 --supermajority 4',
  meaning:
    'A verifier re-reads each note blind to the label; where 4 of 5 runs agree the item is decided, the rest go ' +
    'to physicians. The server here replays transcripts; a real endpoint takes the same command.',
  async run(ctx) {
    let text = '';
    const code = await verifierDemoStep({ dir: ctx.dir, log: (t) => (text += t) });
    if (code !== 0) throw new Error(`verify-labels demo exited ${code}:\n${text}`);
    return text.trimEnd();
  },
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  process.exitCode = await verifierDemoStep({ dir: '.', out: at > 0 ? process.argv[at + 1] : undefined });
}

// `npm start`: the whole living-benchmark loop on the repository's demo benchmark, in a temporary copy
// (this repository is never written to). Each step prints the command a user would type, one sentence
// on what it means, and what the tool answered. The steps are a list (scripts/start-steps.mjs): to show
// another part of the loop, add a step there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm install` (it builds) or `npm run build` first.');
  process.exit(2);
}
const { main } = await import('../dist/cli/main.js');
const { steps, whatNext } = await import('./start-steps.mjs');
const { explainTerms } = await import('./start-terms.mjs');

const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'steward-demo-'));
const ctx = {
  root,
  work,
  dir: join(work, 'benchmark'),
  keys: join(work, 'keys'),
  /** Runs git in the demo benchmark (setup and merge; the steward steps run the CLI in-process). */
  git: (args) => execFileSync('git', ['-C', ctx.dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  /** Runs one steward command in-process; resolves with its exit code and what it printed. */
  steward: async (argv) => {
    let out = '';
    let err = '';
    const code = await main([...argv, '--dir', ctx.dir], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      isTTY: false,
    });
    return { code, out, err };
  },
};
// The demo's commits are made by a demo identity, set for this process only (never in git config).
Object.assign(process.env, {
  GIT_AUTHOR_NAME: 'Demo Maintainer',
  GIT_AUTHOR_EMAIL: 'maintainer@demo.invalid',
  GIT_COMMITTER_NAME: 'Demo Maintainer',
  GIT_COMMITTER_EMAIL: 'maintainer@demo.invalid',
});

const started = Date.now();
const explained = new Set();
const write = (text) => process.stdout.write(text);
write(
  `medcalc-steward: the living-benchmark loop on the demo benchmark (17 synthetic items, 5 wrong on ` +
    `purpose).\nEverything happens in a temporary copy (${work}); this repository is not touched.\n`,
);
let failed = null;
try {
  for (const [k, step] of steps.entries()) {
    write(`\n── ${k + 1}. ${step.title}\n`);
    if (step.command) write(`\n   $ ${step.command}\n`);
    write(`   ${step.meaning}\n\n`);
    const t0 = Date.now();
    const shown = await step.run(ctx);
    if (process.env.STEWARD_START_TIMING) process.stderr.write(`step ${k + 1}: ${Date.now() - t0} ms\n`);
    if (shown) write(shown.replace(/\n*$/, '\n').replace(/^/gm, '   ').replace(/^ +$/gm, ''));
    const terms = explainTerms(`${step.meaning}\n${shown ?? ''}`, explained);
    if (terms) write(`\n${terms}`);
  }
  write(`\n${whatNext}\n`);
  write(`\n(the loop took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
} catch (error) {
  failed = error;
  console.error(`\nnpm start stopped: ${error?.message ?? error}`);
} finally {
  if (keep) write(`\nKept the demo copy: ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

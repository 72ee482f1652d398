/**
 * Release benchmark: `release --dry-run` and `release` on a 100,000-label repository with 1,000 changed
 * labels (target: under 10 s each), and `verify` of a 100,000-item export (target: under 3 s).
 *
 * The fixture (synthetic labels from scripts/make-synthetic-benchmark.ts, committed once with the git
 * CLI for speed) is not measured. Everything measured runs the tool's own code in this process:
 * the same functions the CLI calls, with the sign-off gate (steward check) included.
 *
 * Run: npx tsx bench/release.ts [--count 100000] [--changes 1000] [--keep]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCheck } from '../src/check/run-check.js';
import { commitFiles, openRepo } from '../src/git/index.js';
import { initBenchmark } from '../src/init/init-benchmark.js';
import { answerWithLimits } from '../src/label/answer.js';
import type { Label } from '../src/label/types.js';
import { loadLabels } from '../src/release/load-labels.js';
import { release } from '../src/release/release.js';
import { verifyExport } from '../src/release/verify-export.js';
import { canonicalJson } from '../src/store/canonical.js';
import { labelPath } from '../src/store/paths.js';
import { writeLabels } from '../src/store/write.js';
import { syntheticLabel } from '../scripts/make-synthetic-benchmark.js';
import { CATALOG } from '../src/calculators/catalog.js';
import { mulberry32 } from '../src/stats/random.js';

const arg = (name: string, fallback: number) => {
  const k = process.argv.indexOf(name);
  return k === -1 ? fallback : Number(process.argv[k + 1]);
};
const COUNT = arg('--count', 100_000);
const CHANGES = arg('--changes', 1_000);
const author = { name: 'Bench Runner', email: 'bench@medcalc-steward.invalid' };
process.env.GIT_AUTHOR_NAME = author.name;
process.env.GIT_AUTHOR_EMAIL = author.email;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

async function timed<T>(name: string, task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  peak = process.memoryUsage().rss;
  const start = performance.now();
  const result = await task();
  const ms = performance.now() - start;
  console.log(`${name.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(7)} s   peak RSS ${mb(Math.max(peak, process.memoryUsage().rss))}`);
  return { ms, result };
}

/** One CLI run in a fresh process (dist/), timed, with its peak RSS from /usr/bin/time when available. */
function cli(name: string, argv: string[]): void {
  const bin = join(import.meta.dirname, '..', 'bin', 'steward.js');
  const start = performance.now();
  const timeBin = existsSync('/usr/bin/time');
  const result = spawnSync(timeBin ? '/usr/bin/time' : process.execPath, timeBin ? ['-f', '%M', process.execPath, bin, ...argv] : [bin, ...argv], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`steward ${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  const rss = timeBin ? Number(result.stderr.trim().split('\n').pop()) * 1024 : NaN;
  console.log(`${`CLI: ${name}`.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(7)} s   peak RSS ${Number.isFinite(rss) ? mb(rss) : 'n/a'}`);
}

if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(import.meta.dirname, '..') });

const work = mkdtempSync(join(tmpdir(), 'steward-bench-release-'));
const dir = join(work, 'bench');
try {
  console.log(`release benchmark: ${COUNT.toLocaleString('en')} labels, ${CHANGES.toLocaleString('en')} changed; node ${process.version}\n`);
  await initBenchmark({ dir, name: 'release benchmark' });
  const random = mulberry32(7).uniform;
  const width = Math.max(6, String(COUNT).length);
  const labels: Label[] = [];
  for (let i = 0; i < COUNT; i++) {
    // An imported benchmark: original labels, no relabels yet (the generator's sign-offs carry placeholder
    // signatures and its relabels no physician, which the gate would rightly refuse).
    const generated = syntheticLabel(i, 'synth', width, random);
    const answer = generated.revision?.previous ?? generated.answer;
    const label: Label = { ...generated, answer, status: 'original', revision: null, signoffs: [] };
    labels.push(label);
  }
  const folders = new Set<string>();
  for (const l of labels) {
    const path = join(dir, labelPath(l.split, CATALOG.find((c) => c.id === l.calculator.id)!.slug, l.id));
    if (!folders.has(dirname(path))) {
      await mkdir(dirname(path), { recursive: true });
      folders.add(dirname(path));
    }
    writeFileSync(path, canonicalJson(l));
  }
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '-q', '-m', 'synthetic fixture'], { cwd: dir });
  console.log(`fixture: ${COUNT} labels written and committed (git CLI, not measured)\n`);

  await timed('release 1.0.0 (first release, all labels added)', () => release({ dir, version: '1.0.0', gate: runCheck }));

  // 1,000 relabels backed by a verifier, as a batch proposal would make them.
  const step = Math.floor(COUNT / CHANGES);
  const changed: Label[] = [];
  for (let k = 0; k < CHANGES; k++) {
    const l = labels[k * step];
    // Decimal answers get a new value; other kinds are made incomputable, as a verifier's N/A would.
    const answer: Label['answer'] = l.answer.kind === 'decimal' ? answerWithLimits('decimal', l.answer.value * 1.5 + 1) : { kind: 'incomputable', value: null };
    changed.push({
      ...l,
      answer,
      status: answer.kind === 'incomputable' ? 'incomputable' : 'relabeled',
      revision: { previous: l.answer, proposed: answer, category: 'unclassified', rationale: 'benchmark relabel', proposer: author.name, verifier: 'bench', time: '2026-11-23T00:00:00.000Z' },
    });
  }
  const written = await writeLabels(dir, changed);
  await timed(`commit ${written.written.length} relabels (git module)`, async () => commitFiles(await openRepo({ dir }), { paths: written.written, message: 'relabels', author }));

  labels.length = 0; // the fixture's copies are not part of what a user's process holds
  const out = join(work, 'v1.1.0.jsonl');
  cli('release 1.1.0 --dry-run --allow-verifier-only', ['release', '1.1.0', '--dry-run', '--allow-verifier-only', '--dir', dir]);
  cli('release 1.1.0 --allow-verifier-only', ['release', '1.1.0', '--allow-verifier-only', '--dir', dir]);
  cli('export --version 1.1.0 --format jsonl', ['export', '--version', '1.1.0', '--format', 'jsonl', '--out', out, '--dir', dir]);
  cli(`verify of the ${COUNT.toLocaleString('en')}-item export`, ['verify', out, '--dir', dir]);
  // In process too, for the library API's cost without process start-up.
  const verified = await timed(`verifyExport (library, in process)`, () => verifyExport({ file: out, dir }));
  if (!verified.result.ok) throw new Error('verify failed on an untouched export');
  await timed('loadLabels 1.1.0 (library, in process)', () => loadLabels({ dir, version: '1.1.0' }));

  // When the rules changed (here: the benchmark's config), a release checks every label again.
  const configFile = join(dir, 'steward.config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  writeFileSync(configFile, JSON.stringify({ ...config, description: 'config edited: every label is checked again' }, null, 2) + '\n');
  execFileSync('git', ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '-q', '-am', 'config edited'], { cwd: dir });
  cli('release 1.2.0 --dry-run, config changed: all labels checked', ['release', '1.2.0', '--dry-run', '--allow-verifier-only', '--dir', dir]);
} finally {
  clearInterval(sampler);
  if (process.argv.includes('--keep')) console.log(`\nkept ${dir}`);
  else rmSync(work, { recursive: true, force: true });
}

/**
 * Benchmark of `steward score`: 1,000,000 predictions (10 models × 100,000 items) against a
 * 100,000-label version. Target: under 5 s, peak memory reported.
 *
 *   npx tsx bench/score.ts [--items 100000] [--models 10] [--runs 3] [--no-git] [--json]
 *
 * Each scenario runs in a fresh child process, so its peak RSS (maxRSS) is its own: the labels and the
 * predictions text are built there first (not timed, but counted in the peak, since scoring needs them
 * in memory), then parsing, grading and the report are timed.
 *
 *   core      parse the JSONL + score against one version (the 5 s target)
 *   compare   the same with --compare against a second version (10% of labels changed)
 *   extract   --extract: every answer is a raw output with a JSON "answer" field
 *   git       end to end: scorePredictions reading the 100,000 labels from a git tag (bench/git.ts
 *             fixture, decimal labels), then parse + score
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATALOG } from '../src/calculators/catalog.js';
import { createTag } from '../src/git/index.js';
import { answerWithLimits } from '../src/label/answer.js';
import type { Answer } from '../src/label/types.js';
import type { ScoringItem } from '../src/score/items.js';
import { parsePredictions } from '../src/score/predictions.js';
import { scoreModels } from '../src/score/score-models.js';
import { scorePredictions } from '../src/score/score-predictions.js';
import { scoreText } from '../src/score/render-text.js';
import { mulberry32 } from '../src/stats/index.js';
import { buildFixture } from './git.js';

const SCENARIOS = ['core', 'compare', 'extract', 'git'] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Options {
  items: number;
  models: number;
  runs: number;
  git: boolean;
  json: boolean;
}

interface Measurement {
  scenario: Scenario;
  predictions: number;
  items: number;
  /** Milliseconds. */
  loadLabels?: number;
  parse: number;
  score: number;
  report: number;
  total: number;
  /** CPU time (user + system, all threads) over parse + score + report, in ms: steadier than wall time on a busy machine. */
  cpu: number;
  maxRssMb: number;
  heapUsedMb: number;
}

// ---------------------------------------------------------------------------------------------------
// Synthetic labels and predictions, deterministic from a seed

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Uniform numbers in [0, 1) from the project's seeded generator. */
function uniform(seed: number): () => number {
  const generator = mulberry32(seed);
  return () => generator.nextUint32() / 2 ** 32;
}

function syntheticAnswer(kind: (typeof CATALOG)[number]['kind'], random: () => number): Answer {
  if (random() < 0.05) return { kind: 'incomputable', value: null };
  switch (kind) {
    case 'decimal':
      return answerWithLimits('decimal', random() < 0.01 ? 0 : Math.round((random() * 220 - 20) * 1000) / 1000);
    case 'integer':
      return answerWithLimits('integer', Math.floor(random() * 12));
    case 'date':
      return answerWithLimits('date', `${pad(1 + Math.floor(random() * 12), 2)}/${pad(1 + Math.floor(random() * 28), 2)}/${2000 + Math.floor(random() * 25)}`);
    case 'gestational-age':
      return answerWithLimits('gestational-age', [Math.floor(random() * 40), Math.floor(random() * 7)]);
  }
}

export function syntheticItems(count: number, seed = 1): ScoringItem[] {
  const random = uniform(seed);
  return Array.from({ length: count }, (_, k) => {
    const entry = CATALOG[k % CATALOG.length];
    return {
      id: `test-${pad(k + 1, 6)}`,
      split: 'test',
      row: k + 1,
      calculatorId: entry.id,
      calculatorName: entry.names[0],
      category: entry.category,
      answer: syntheticAnswer(entry.kind, random),
    };
  });
}

/** A second version: every tenth label relabeled (a new value, or made incomputable). */
function relabeled(items: ScoringItem[]): ScoringItem[] {
  const random = uniform(99);
  return items.map((item, k) => {
    if (k % 10 !== 3) return item;
    const entry = CATALOG.find((c) => c.id === item.calculatorId)!;
    return { ...item, answer: random() < 0.3 ? { kind: 'incomputable', value: null } : syntheticAnswer(entry.kind, random) };
  });
}

/** One model's answer to an item: mostly right, some wrong, abstained or unreadable. */
function syntheticPrediction(answer: Answer, random: () => number): string {
  const roll = random();
  if (roll < 0.07) return 'N/A';
  if (roll < 0.1) return 'about 5 mg';
  const wrong = roll > 0.75;
  switch (answer.kind) {
    case 'incomputable':
      return wrong ? String(Math.floor(random() * 100)) : 'N/A';
    case 'decimal':
      return String(wrong ? answer.value * 1.3 + 1 : answer.value * (0.97 + random() * 0.06));
    case 'integer':
      return String(wrong ? answer.value + 2 : answer.value + (random() < 0.2 ? 0.5 : 0));
    case 'date': {
      const [m, d, y] = answer.value.split('/');
      return `${Number(m)}/${Number(d) + (wrong ? 1 : 0)}/${y}`;
    }
    case 'gestational-age':
      return `('${answer.value[0]} weeks', '${(answer.value[1] + (wrong ? 1 : 0)) % 7} days')`;
  }
}

export function syntheticPredictions(items: readonly ScoringItem[], models: number, options: { extract?: boolean } = {}): string {
  const lines: string[] = [];
  for (let m = 0; m < models; m++) {
    const random = uniform(1000 + m);
    const model = `model-${m + 1}`;
    for (const item of items) {
      const answer = syntheticPrediction(item.answer, random);
      const text = options.extract ? `{"step_by_step_thinking": "Step 1: read the note. Step 2: compute.", "answer": "${answer}"}` : answer;
      // Half the lines name the item by id, half by Row Number, as harness output does.
      lines.push(item.row % 2 === 0 ? JSON.stringify({ id: item.id, answer: text, model }) : JSON.stringify({ row: item.row, answer: text, model }));
    }
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------
// One scenario, in this (child) process

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function measure(scenario: Scenario, options: Options): Promise<Measurement> {
  let loadLabels: number | undefined;
  let report: Awaited<ReturnType<typeof scorePredictions>>;
  let parse: number;
  let score: number;
  let predictions: number;
  let items: number;
  let cpu0: NodeJS.CpuUsage = process.cpuUsage();
  let loadCpu = 0;
  if (scenario === 'git') {
    const dir = await mkdtemp(join(tmpdir(), 'steward-bench-score-'));
    try {
      const perFolder = 1000;
      const repo = await buildFixture(dir, { folders: Math.ceil(options.items / perFolder), perFolder });
      await createTag(repo, { name: 'v1.0.0', message: 'bench', tagger: { name: 'Bench Runner', email: 'bench@example.invalid' } });
      // The fixture's labels are decimal answers with ±5% limits; answer near or far from them.
      const fixtureItems = Array.from({ length: options.items }, (_, k) => ({ id: `test-${pad(k + 1, 6)}`, row: k + 1 }));
      const random = uniform(7);
      const lines: string[] = [];
      for (let m = 0; m < options.models; m++) {
        for (const it of fixtureItems) lines.push(JSON.stringify({ id: it.id, answer: String(random() * 100), model: `model-${m + 1}` }));
      }
      const text = lines.join('\n') + '\n';
      cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const parsed = parsePredictions(text, { file: 'bench.jsonl' });
      const t1 = performance.now();
      report = await scorePredictions({ dir, version: '1.0.0', predictions: parsed, file: 'bench.jsonl' });
      const t2 = performance.now();
      parse = t1 - t0;
      score = t2 - t1;
      predictions = parsed.length;
      items = report.versions[0].items;
      // How much of that was reading the labels at the tag.
      const l0 = performance.now();
      const lc = process.cpuUsage();
      await import('../src/score/load-version.js').then((m) => m.loadVersionLabels({ dir, version: '1.0.0' }));
      loadLabels = performance.now() - l0;
      loadCpu = cpuMs(process.cpuUsage(lc));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } else {
    const base = syntheticItems(options.items);
    const compare = scenario === 'compare' ? relabeled(base) : undefined;
    const text = syntheticPredictions(base, options.models, { extract: scenario === 'extract' });
    cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const parsed = parsePredictions(text, { file: 'bench.jsonl' });
    const t1 = performance.now();
    report = scoreModels({
      base: { name: '1.0.0', items: base },
      compare: compare && { name: '1.1.0', items: compare },
      predictions: parsed,
      extract: scenario === 'extract',
      file: 'bench.jsonl',
    });
    const t2 = performance.now();
    parse = t1 - t0;
    score = t2 - t1;
    predictions = parsed.length;
    items = base.length;
  }
  const r0 = performance.now();
  const json = JSON.stringify(report);
  const text = scoreText(report, { by: 'calculator' });
  const reportMs = performance.now() - r0;
  const cpu = cpuMs(process.cpuUsage(cpu0)) - loadCpu;
  if (json.length === 0 || text.length === 0) throw new Error('empty report');
  return {
    scenario,
    predictions,
    items,
    loadLabels,
    parse,
    score,
    report: reportMs,
    total: parse + score + reportMs,
    cpu,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

// ---------------------------------------------------------------------------------------------------
// Driver: one child process per run

function parseArgs(argv: string[]): Options & { child?: Scenario } {
  const options: Options & { child?: Scenario } = { items: 100_000, models: 10, runs: 3, git: true, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? '';
    if (arg === '--items') options.items = Number(value());
    else if (arg === '--models') options.models = Number(value());
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--no-git') options.git = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--child') options.child = value() as Scenario;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

function runChild(scenario: Scenario, options: Options): Measurement {
  const self = fileURLToPath(import.meta.url);
  const args = ['--import', 'tsx', self, '--child', scenario, '--items', String(options.items), '--models', String(options.models)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`scenario ${scenario} failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Measurement;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number | undefined) => (x === undefined ? '–' : `${(x / 1000).toFixed(2)} s`);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.child) {
    process.stdout.write(JSON.stringify(await measure(options.child, options)) + '\n');
    return;
  }
  const scenarios = SCENARIOS.filter((s) => s !== 'git' || options.git);
  const results: { scenario: Scenario; runs: Measurement[]; median: Measurement }[] = [];
  for (const scenario of scenarios) {
    const runs = Array.from({ length: scenario === 'git' ? 1 : options.runs }, () => runChild(scenario, options));
    const totals = runs.map((r) => r.total);
    results.push({ scenario, runs, median: runs[totals.indexOf(median(totals))] });
  }
  if (options.json) {
    process.stdout.write(JSON.stringify({ node: process.version, options, results }, null, 2) + '\n');
    return;
  }
  console.log(`node ${process.version}; ${options.items} labels, ${options.models} models; median of ${options.runs} run(s) (git: 1 run); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| scenario | predictions | parse | score | report | total (parse+score+report) | CPU time | labels from git | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { scenario, median: m } of results) {
    console.log(`| ${scenario} | ${m.predictions.toLocaleString('en')} | ${ms(m.parse)} | ${ms(m.score)} | ${ms(m.report)} | ${ms(m.total)} | ${ms(m.cpu)} | ${ms(m.loadLabels)} | ${m.maxRssMb.toFixed(0)} MB |`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

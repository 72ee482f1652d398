/**
 * Benchmark of the audit (recompute every label under both conventions, classify, triage).
 *
 *   npx tsx bench/audit.ts [--synthetic 100000] [--runs 3] [--csv path/to/test_data.csv] [--json]
 *
 * Two scenarios, each in a child process of its own so that its peak RSS is its own:
 *   real       the 1,047 labels of MedCalc-Bench v1.0, read from ../shared (or STEWARD_SHARED) through the
 *              importer into a temporary folder (not timed). Timed: auditLabels on the labels in memory;
 *              the whole `steward audit --out` command in process (read the label files, audit, write the
 *              Markdown and JSON reports); and the same as a new `node bin/steward.js` process of the
 *              project built by tsc into the temporary folder. Targets: under 1 s each.
 *   synthetic  100,000 labels built in memory by cycling the demo labels (labels/demo/) and the synthetic
 *              entities below over all 55 calculators, with jittered values and answers that are right,
 *              carry a v1.0 defect, are wrong, or lack an input. No real data. Timed: auditLabels, then
 *              the Markdown and JSON reports. Target: under 10 s.
 * Every timing is the median of --runs runs (the first run includes JIT warm-up, as a CLI run would).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { auditJson, auditMarkdown } from '../src/audit/report.js';
import { auditLabels } from '../src/audit/run-audit.js';
import { catalogById } from '../src/calculators/catalog.js';
import { findCalculator } from '../src/calculators/registry.js';
import type { CalcValue } from '../src/calculators/types.js';
import { main } from '../src/cli/main.js';
import { importMedcalcBench } from '../src/importers/import-medcalc.js';
import { answerWithLimits } from '../src/label/answer.js';
import type { Entities, EntityValue, Label } from '../src/label/types.js';
import { readAllLabels } from '../src/store/read.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.STEWARD_SHARED ?? resolve(REPO, '..', 'shared');

interface Options {
  scenario?: 'real' | 'synthetic';
  synthetic: number;
  runs: number;
  csv: string;
  json: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { synthetic: 100_000, runs: 3, csv: join(SHARED, 'medcalc-bench', 'v1.0', 'test_data.csv'), json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--scenario') options.scenario = value() as Options['scenario'];
    else if (arg === '--synthetic') options.synthetic = Number(value());
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--csv') options.csv = value();
    else if (arg === '--json') options.json = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

interface Timing {
  name: string;
  labels: number;
  /** Median wall time over the runs, milliseconds. */
  ms: number;
  runs: number[];
  /** Median CPU time (user + system) of the process over the runs, milliseconds: less sensitive to a busy machine. */
  cpuMs: number;
  targetMs: number;
}

interface ScenarioResult {
  scenario: string;
  timings: Timing[];
  peakRssMb: number;
  /** Heap in use once the synthetic labels are built, before any audit. */
  labelsHeapMb?: number;
  counts?: Record<string, number>;
}

async function timed(name: string, labels: number, targetMs: number, runs: number, fn: () => Promise<unknown> | unknown): Promise<Timing> {
  const all: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpuStart);
    all.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { name, labels, ms: median(all), runs: all, cpuMs: median(cpu), targetMs };
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

// ---------------------------------------------------------------------------------------------------
// Real labels

async function benchReal(options: Options): Promise<ScenarioResult> {
  const dir = await mkdtemp(join(tmpdir(), 'steward-bench-audit-'));
  try {
    await importMedcalcBench({ dir, source: options.csv, split: 'test', sourceVersion: '1.0', commit: false });
    const labels = await readAllLabels(dir);
    let counts: Record<string, number> = {};
    const audit = await timed('audit (auditLabels, labels in memory)', labels.length, 1000, options.runs, () => {
      counts = auditLabels(labels).counts;
    });
    const quiet = { out: () => {}, err: () => {}, isTTY: false };
    const out = join(dir, 'report');
    const command = await timed('whole `steward audit --out` (read files, audit, write both reports)', labels.length, 1000, options.runs, async () => {
      const code = await main(['audit', '--dir', dir, '--out', out], quiet);
      if (code !== 0) throw new Error(`steward audit exited ${code}`);
    });
    const bin = buildCli(join(dir, 'cli'));
    const childCpu: number[] = [];
    const processRun = await timed('`node bin/steward.js audit --out` as a new process (built with tsc; Node start-up included)', labels.length, 1000, options.runs, () => {
      childCpu.push(runCliProcess(bin, ['audit', '--dir', dir, '--out', out]));
    });
    processRun.cpuMs = [...childCpu].sort((a, b) => a - b)[Math.floor(childCpu.length / 2)];
    return { scenario: 'real', timings: [audit, command, processRun], peakRssMb: peakRssMb(), counts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The CLI as users run it: the project compiled by tsc into a temporary package (dist/, bin/, schema/,
 * node_modules linked), so a timed run is `node bin/steward.js`, not TypeScript compiled on the fly.
 */
function buildCli(into: string): string {
  mkdirSync(join(into, 'bin'), { recursive: true });
  writeFileSync(join(into, 'package.json'), JSON.stringify({ type: 'module' }));
  cpSync(join(REPO, 'schema'), join(into, 'schema'), { recursive: true });
  cpSync(join(REPO, 'bin', 'steward.js'), join(into, 'bin', 'steward.js'));
  symlinkSync(join(REPO, 'node_modules'), join(into, 'node_modules'), 'dir');
  const tsc = join(REPO, 'node_modules', '.bin', 'tsc');
  // tsc emits even when another part of the tree does not type-check; the audit path is what is timed.
  spawnSync(tsc, ['-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(into, 'dist')], { encoding: 'utf8' });
  const bin = join(into, 'bin', 'steward.js');
  if (!existsSync(join(into, 'dist', 'cli', 'main.js'))) throw new Error('tsc did not build dist/cli/main.js');
  return bin;
}

// Prints the child's own CPU time (start-up included) as it exits; spawnSync reports no resource usage.
const REPORT_CPU = `data:text/javascript,process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('cpu-us ' + (u.user + u.system) + '\\n'); });`;

/** Runs the built CLI in a new Node process; returns that process's CPU time in milliseconds. */
function runCliProcess(bin: string, argv: string[]): number {
  const child = spawnSync(process.execPath, ['--import', REPORT_CPU, bin, ...argv], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`steward ${argv.join(' ')} exited ${child.status}: ${child.stderr}`);
  return Number(/cpu-us (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1000;
}

// ---------------------------------------------------------------------------------------------------
// Synthetic labels

/** Synthetic entities for calculators the demo does not cover, written for this benchmark. */
const SYNTHETIC: [number, Entities][] = [
  [3, { sex: 'Female', age: [58, 'years'], creatinine: [1.1, 'mg/dL'] }],
  [9, { sex: 'Male', age: [66, 'years'], creatinine: [132, 'µmol/L'] }],
  [8, { 'Heart Rate or Pulse': [112, 'beats per minute'], Hemoptysis: true, 'Previously documented Deep Vein Thrombosis': true }],
  [15, { Bilirubin: [2.4, 'mg/dL'], Albumin: [3.1, 'g/dL'], 'international normalized ratio': 1.8, Ascites: 'slight', Encephalopathy: 'Grade 1-2' }],
  [16, { 'Active cancer': true, 'Entire Leg Swollen': true, 'Alternative diagnosis to Deep Vein Thrombosis as likely or more likely': true }],
  [17, { 'Elevated-risk surgery': true, 'History of cerebrovascular disease': true, 'Pre-operative creatinine': [2.3, 'mg/dL'] }],
  [18, { age: [61, 'years'], 'Suspicion History': 'Moderately suspicious', 'Electrocardiogram Test': 'Normal', 'Initial troponin': 'less than or equal to normal limit', smoking: true, obesity: true }],
  [19, { age: [52, 'years'], 'Aspartate aminotransferase': [64, 'U/L'], 'Alanine aminotransferase': [49, 'U/L'], 'Platelet count': [182000, 'µL'] }],
  [20, { age: [12, 'years'], Temperature: [38.6, 'degrees celsius'], 'Exudate or swelling on tonsils': true, 'Cough Absent': true }],
  [22, { weight: [27, 'kg'] }],
  [23, { creatinine: [1.7, 'mg/dL'], Bilirubin: [3.2, 'mg/dL'], 'international normalized ratio': 1.9, Sodium: [131, 'mEq/L'] }],
  [24, { 'input steroid': ['PredniSONE PO', 40, 'mg'], 'target steroid': 'Dexamethasone IV' }],
  [25, { age: [71, 'years'], 'Hypertension history': true, 'Labile international normalized ratio': true, 'Number of Alcoholic Drinks Per Week': 2 }],
  [26, { Sodium: [129, 'mmol/L'], Glucose: [480, 'mg/dL'] }],
  [27, { 'Blood Urea Nitrogen (BUN)': [9.5, 'mmol/L'], Hemoglobin: [11.2, 'g/dL'], sex: 'Male', 'Systolic Blood Pressure': [96, 'mm Hg'], 'Heart Rate or Pulse': [104, 'beats per minute'], 'Melena present': true }],
  [
    28,
    {
      age: [67, 'years'], Temperature: [38.9, 'degrees celsius'], 'Systolic Blood Pressure': [92, 'mm Hg'], 'Diastolic Blood Pressure': [54, 'mm Hg'],
      'Heart Rate or Pulse': [118, 'beats per minute'], 'respiratory rate': [28, 'breaths per minute'], 'FiO₂': [40, '%'],
      'Partial pressure of oxygen (PaO₂) for Apache II': [64, 'mm Hg'], pH: 7.31, Sodium: [133, 'mEq/L'], Potassium: [5.6, 'mEq/L'],
      creatinine: [2.1, 'mg/dL'], 'Acute renal failure': true, Hematocrit: [33, '%'], 'White blood cell count': [16400, 'µL'], 'Glasgow Coma Score': 13,
    },
  ],
  [
    29,
    {
      age: [78, 'years'], sex: 'Female', 'Nursing home resident': true, 'Congestive Heart Faliure': true, 'respiratory rate': [31, 'breaths per minute'],
      'Systolic Blood Pressure': [104, 'mm Hg'], Temperature: [101.8, 'degrees fahrenheit'], 'Heart Rate or Pulse': [118, 'beats per minute'], pH: 7.33,
      'Blood Urea Nitrogen (BUN)': [34, 'mg/dL'], Sodium: [128, 'mEq/L'], Glucose: [14, 'mmol/L'], Hematocrit: [31, '%'],
      'Partial pressure of oxygen (PaO₂) for Apache II': [58, 'mm Hg'], 'Pleural effusion on x-ray': true,
    },
  ],
  [31, { Insulin: [14, 'µIU/mL'], Glucose: [104, 'mg/dL'] }],
  [32, { age: [72, 'years'], 'Myocardial infarction': true, 'Diabetes mellitus criteria for CCI rule': 'End-organ damage', 'Liver disease severity': 'Mild', 'Solid tumor': 'Localized' }],
  [33, { 'Fever in past 24 hours': true, 'Purulent tonsils': true, 'Symptom onset ≤3 days': true }],
  [36, { age: [64, 'years'], sex: 'Female', 'Surgery Type': 'major', Mobility: 'on bed rest', 'Body Mass Index (BMI)': [29.4, 'kg/m^2'], 'Varicose veins': true, 'Present or previous malignancy': true }],
  [38, { sex: 'Male', age: [74, 'years'], weight: [68, 'kg'], Sodium: [156, 'mmol/L'] }],
  [40, { Sodium: [134, 'mEq/L'], 'Urine sodium': [18, 'mEq/L'], creatinine: [2.4, 'mg/dL'], 'Urine creatinine': [96, 'mg/dL'] }],
  [
    43,
    {
      'Partial pressure of oxygen (PaO₂) for Apache II': [82, 'mm Hg'], 'FiO₂': [60, '%'], 'On mechanical ventilation': true, 'Platelet count': [88000, 'µL'],
      'Glasgow Coma Score': 11, Bilirubin: [2.6, 'mg/dL'], 'Systolic Blood Pressure': [88, 'mm Hg'], 'Diastolic Blood Pressure': [50, 'mm Hg'],
      norEPINEPHrine: [0.08, 'mcg/kg/min'], creatinine: [2.2, 'mg/dL'], 'Urine Output': [420, 'mL/day'],
    },
  ],
  [46, { age: [57, 'years'], sex: 'Male', 'Total cholesterol': [226, 'mg/dL'], 'high-density lipoprotein cholesterol': [41, 'mg/dL'], 'Systolic Blood Pressure': [142, 'mm Hg'], Smoker: true }],
  [48, { age: [44, 'years'], 'Heart Rate or Pulse': [94, 'beats per minute'], 'O₂ saturation percentage': [97, '%'], 'Hormone use': true }],
  [49, { 'OxyCODONE Dose': [10, 'mg'], 'OxyCODONE Dose Per Day': [3, 'per day'], 'FentANYL patch Dose': [25, 'µg/hr'], 'FentANYL patch Dose Per Day': [1, 'per day'] }],
  [51, { Temperature: [38.4, 'degrees celsius'], 'Heart Rate or Pulse': [96, 'beats per minute'], 'respiratory rate': [22, 'breaths per minute'], 'White blood cell count': [13100, 'µL'] }],
  [56, { 'Heart Rate or Pulse': [78, 'beats per minute'], 'QT interval': [402, 'msec'] }],
  [57, { 'Heart Rate or Pulse': [104, 'beats per minute'], 'QT interval': [356, 'msec'] }],
  [58, { 'Heart Rate or Pulse': [66, 'beats per minute'], 'QT interval': [428, 'msec'] }],
  [59, { 'Heart Rate or Pulse': [88, 'beats per minute'], 'QT interval': [380, 'msec'] }],
  [60, { weight: [74, 'kg'], height: [171, 'cm'] }],
  [61, { 'Body Mass Index (BMI)': [23, 'kg/m^2'], height: [68, 'in'] }],
  [62, { sex: 'Female', weight: [96, 'kg'], height: [163, 'cm'] }],
  [63, { Sodium: [141, 'mEq/L'], Chloride: [99, 'mEq/L'], Bicarbonate: [14, 'mEq/L'] }],
  [64, { Sodium: [138, 'mmol/L'], Chloride: [101, 'mmol/L'], Bicarbonate: [12, 'mmol/L'] }],
  [65, { Sodium: [137, 'mEq/L'], Chloride: [104, 'mEq/L'], Bicarbonate: [17, 'mEq/L'], Albumin: [2.6, 'g/dL'] }],
  [66, { Sodium: [140, 'mEq/L'], Chloride: [100, 'mEq/L'], Bicarbonate: [15, 'mEq/L'], Albumin: [31, 'g/L'] }],
  [67, { Sodium: [136, 'mEq/L'], Chloride: [98, 'mEq/L'], Bicarbonate: [16, 'mEq/L'], Albumin: [2.9, 'g/dL'] }],
  [68, { 'Last menstrual date': '03/14/2023', 'cycle length': 31 }],
];

/** Scales every [number, unit] quantity by `factor` (one decimal kept); flags, phrases, dates and bare numbers as they are. */
function jitter(entities: Entities, factor: number): Entities {
  const out: Entities = {};
  for (const [key, value] of Object.entries(entities)) {
    out[key] = Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string'
      ? [Math.round(value[0] * factor * 10) / 10, value[1]]
      : (value as EntityValue);
  }
  return out;
}

function bumped(value: CalcValue): CalcValue {
  if (typeof value === 'number') return value === 0 ? 3 : Math.round(value * 1.3 * 1000) / 1000;
  if (typeof value === 'string') return value.replace(/^(\d\d)\/(\d\d)/, (_m, mm: string) => `${mm}/01`);
  return [value[0] + 2, value[1]];
}

/**
 * `n` labels cycling the bases with jittered entities; per ten labels six carry the reference answer,
 * two the medcalc-v1.0 answer, one a wrong answer and one lacks its first required input.
 */
export function syntheticLabels(bases: Label[], n: number): Label[] {
  const labels: Label[] = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length];
    const round = Math.floor(i / bases.length);
    const calculator = findCalculator(base.calculator.id)!;
    let entities = jitter(base.entities, 1 + (((round * 37) % 41) - 20) / 400);
    const kind = i % 10;
    const convention = kind === 6 || kind === 7 ? 'medcalc-v1.0' : 'reference';
    const result = calculator.compute(entities, { convention });
    let answer = base.answer;
    if (!result.incomputable) answer = answerWithLimits(result.kind, kind === 8 ? bumped(result.value) : result.value);
    if (kind === 9) {
      const required = (calculator.entitySchema.required as string[] | undefined)?.[0];
      if (required) entities = Object.fromEntries(Object.entries(entities).filter(([key]) => key !== required));
    }
    labels.push({ ...base, id: `synthetic-${String(i).padStart(6, '0')}`, entities, answer });
  }
  return labels;
}

function syntheticBase(id: number, entities: Entities, template: Label): Label {
  const entry = catalogById(id)!;
  return { ...template, id: `base-${id}`, calculator: { id, name: entry.names[0], category: entry.category }, entities };
}

async function benchSynthetic(options: Options): Promise<ScenarioResult> {
  const demo = (await readAllLabels(REPO)).map((f) => f.label).filter((l) => l.split === 'demo');
  if (demo.length === 0) throw new Error('no demo labels under labels/demo/');
  const bases = [...demo, ...SYNTHETIC.map(([id, entities]) => syntheticBase(id, entities, demo[0]))];
  const labels = syntheticLabels(bases, options.synthetic).map((label) => ({ label, file: `labels/synthetic/${label.id}.json` }));
  const labelsHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  let counts: Record<string, number> = {};
  let report = auditLabels(labels.slice(0, 1));
  const audit = await timed('audit (auditLabels, labels in memory)', labels.length, 10_000, options.runs, () => {
    report = auditLabels([]); // let the previous run's report go before the next is built
    report = auditLabels(labels);
    counts = report.counts;
  });
  const reports = await timed('Markdown + JSON reports of that audit', labels.length, 10_000, options.runs, () => {
    auditMarkdown(report);
    JSON.stringify(auditJson(report));
  });
  const calculators = new Set(bases.map((b) => b.calculator.id)).size;
  return { scenario: `synthetic (${bases.length} bases over ${calculators} calculators)`, timings: [audit, reports], peakRssMb: peakRssMb(), labelsHeapMb, counts };
}

// ---------------------------------------------------------------------------------------------------

function runScenario(scenario: 'real' | 'synthetic', argv: string[]): ScenarioResult {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...argv, '--scenario', scenario], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`scenario ${scenario} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

function format(results: ScenarioResult[]): string {
  const lines = [`Node ${process.version}, ${process.platform}/${process.arch}`, ''];
  for (const r of results) {
    const labelsHeap = r.labelsHeapMb === undefined ? '' : ` (heap ${r.labelsHeapMb.toFixed(0)} MB with the labels built, before the audit)`;
    lines.push(`${r.scenario}: peak RSS ${r.peakRssMb.toFixed(0)} MB${labelsHeap}; outcomes ${JSON.stringify(r.counts)}`);
    for (const t of r.timings) {
      const verdict = t.ms <= t.targetMs ? 'ok' : 'OVER TARGET';
      lines.push(`  ${t.name}: ${t.labels} labels, median ${t.ms.toFixed(0)} ms (runs ${t.runs.map((x) => x.toFixed(0)).join(', ')}; CPU ${t.cpuMs.toFixed(0)} ms), target < ${t.targetMs} ms: ${verdict}`);
    }
  }
  return lines.join('\n') + '\n';
}

const options = parseArgs(process.argv.slice(2));
if (options.scenario) {
  const result = options.scenario === 'real' ? await benchReal(options) : await benchSynthetic(options);
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const argv = process.argv.slice(2).filter((a) => a !== '--json');
  const results: ScenarioResult[] = [];
  if (existsSync(options.csv)) results.push(runScenario('real', argv));
  else console.error(`${options.csv} not found: the real-label scenario is skipped (set STEWARD_SHARED or --csv)`);
  results.push(runScenario('synthetic', argv));
  process.stdout.write(options.json ? JSON.stringify(results, null, 2) + '\n' : format(results));
}

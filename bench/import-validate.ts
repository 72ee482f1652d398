/**
 * Benchmark of the foundation's performance targets (results: docs/benchmarks-foundation.md):
 *   (a) import the 1,047-row MedCalc-Bench v1.0 CSV into an empty folder          target < 1 s
 *   (b) validate those 1,047 labels                                                target < 1 s
 *   (c) validate a synthetic 100,000-label repository (scripts/make-synthetic-benchmark.ts)
 *                                                                                  target < 5 s, memory reported
 * each in-process (the library call, timed inside a fresh Node process of its own so that its peak RSS
 * is its own) and as the CLI (`node bin/steward.js`, one process per run), several runs, medians.
 *
 *   npx tsx bench/import-validate.ts [--runs 5] [--runs-large 3] [--count 100000] [--dir /tmp/synth]
 *                                    [--keep] [--use-dist] [--no-cli] [--json] [--out file.json] [--strict]
 *
 * The CLI is built from the current source into the benchmark's temp folder (tsc, as `npm run build`
 * does), so that it is the code under test and a concurrent `npm run build` of the shared dist/ cannot
 * break a run; --use-dist runs the repository's own bin/steward.js and dist/ as they are instead.
 *
 * --dir reuses (or creates and keeps) the synthetic repository there. (a) and (b) need the real CSV
 * beside the clone (../shared or STEWARD_SHARED, see ../shared/DATA.md) and are skipped with a message
 * without it.
 * --strict exits 1 when a target is missed; by default a miss is reported, since a loaded machine can
 * miss a target that a quiet one meets (the load average is printed for that reason).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importMedcalcBench } from '../src/importers/import-medcalc.js';
import { validateLabels } from '../src/validate/validate-labels.js';
import { makeSyntheticBenchmark } from '../scripts/make-synthetic-benchmark.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = fileURLToPath(import.meta.url);
const SHARED = process.env.STEWARD_SHARED ?? resolve(ROOT, '..', 'shared');
const CSV = join(SHARED, 'medcalc-bench', 'v1.0', 'test_data.csv');
const CSV_ROWS = 1047;
const MB = 1024 * 1024;

interface Options {
  runs: number;
  runsLarge: number;
  count: number;
  dir?: string;
  keep: boolean;
  useDist: boolean;
  cli: boolean;
  json: boolean;
  out?: string;
  strict: boolean;
}

/** One measured series: wall times of each run, and the peak RSS of the process(es) that ran them. */
interface Series {
  ms: number[];
  medianMs: number;
  /** CPU time (user + system, all threads) of each run: what the work costs whatever else the machine runs. */
  cpuMs: number[];
  medianCpuMs: number;
  peakRssMb: number;
  /** In-process: RSS of the child before the first call (Node + tsx + the loaded modules). */
  baselineRssMb?: number;
  /** In-process: the first call of the child, which compiles the schema and warms the JIT. */
  coldMs?: number;
  note?: string;
}

interface Target {
  name: string;
  limitMs: number;
  inProcess?: Series;
  cli?: Series;
  skipped?: string;
}

// ---------------------------------------------------------------------------------------------------
// In-process measurements run in a child: `--child <json>` runs one task several times and prints JSON.

type ChildTask = { task: 'import'; source: string; dirs: string[] } | { task: 'validate'; dir: string; runs: number; files: number };

async function child(task: ChildTask): Promise<void> {
  const baselineRss = process.memoryUsage().rss;
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let note: string | undefined;
  const measure = async <T>(call: () => Promise<T>): Promise<T> => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await call();
    ms.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    return result;
  };
  if (task.task === 'import') {
    for (const dir of task.dirs) {
      const result = await measure(() => importMedcalcBench({ dir, source: task.source, split: 'test' }));
      if (result.written.length !== CSV_ROWS) note = `wrote ${result.written.length} files, expected ${CSV_ROWS}`;
    }
  } else {
    for (let run = 0; run < task.runs; run++) {
      const report = await measure(() => validateLabels({ dir: task.dir }));
      if (report.files !== task.files || report.findings.length > 0) note = `${report.files} files, ${report.findings.length} finding(s); expected ${task.files} and none`;
    }
  }
  process.stdout.write(JSON.stringify({ ms, cpuMs, baselineRss, peakRss: process.resourceUsage().maxRSS * 1024, note }) + '\n');
}

function inProcess(task: ChildTask): Series {
  const run = spawnSync(process.execPath, ['--import', 'tsx', THIS_FILE, '--child', JSON.stringify(task)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MB });
  if (run.status !== 0) throw new Error(`in-process ${task.task} failed (exit ${run.status}):\n${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { ms: number[]; cpuMs: number[]; baselineRss: number; peakRss: number; note?: string };
  return {
    ms: result.ms,
    medianMs: median(result.ms),
    cpuMs: result.cpuMs,
    medianCpuMs: median(result.cpuMs),
    coldMs: result.ms[0],
    peakRssMb: result.peakRss / MB,
    baselineRssMb: result.baselineRss / MB,
    ...(result.note ? { note: result.note } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// CLI measurements: one process per run; peak RSS from GNU time -v, else from a hook in the process.

const GNU_TIME = hasGnuTime();
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nsteward-bench-maxrss-kb='+u.maxRSS+' cpu-us='+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

function hasGnuTime(): boolean {
  if (!existsSync('/usr/bin/time')) return false;
  return spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr?.includes('Maximum resident set size') ?? false;
}

function cli(bin: string, args: string[], runs: number, expectCode: number, argsOfRun?: () => string[]): Series {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let peakKb = 0;
  let note: string | undefined;
  for (let run = 0; run < runs; run++) {
    const argv = [...args, ...(argsOfRun ? argsOfRun() : [])];
    const command = GNU_TIME
      ? { file: '/usr/bin/time', args: ['-v', process.execPath, bin, ...argv] }
      : { file: process.execPath, args: ['--import', RSS_HOOK, bin, ...argv] };
    const start = performance.now();
    const result = spawnSync(command.file, command.args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MB });
    ms.push(performance.now() - start);
    const kb = GNU_TIME ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr) : /steward-bench-maxrss-kb=(\d+)/.exec(result.stderr);
    if (GNU_TIME) {
      const seconds = (name: string) => Number(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`).exec(result.stderr)?.[1] ?? NaN);
      cpuMs.push((seconds('User') + seconds('System')) * 1000);
    } else cpuMs.push(Number(/ cpu-us=(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1000);
    // GNU time reports the command's exit status and appends its own block to stderr.
    const stderr = result.stderr.replace(/(Command exited with non-zero status \d+\n)?\tCommand being timed:[\s\S]*$/, '').replace(/\nsteward-bench-maxrss-kb=.*\n/, '');
    const status = GNU_TIME ? Number(/Exit status: (\d+)/.exec(result.stderr)?.[1] ?? result.status) : result.status;
    if (status !== expectCode) note = `exit ${status}: ${(stderr || result.stdout).trim().split('\n').slice(-3).join(' / ')}`;
    if (kb) peakKb = Math.max(peakKb, Number(kb[1]));
  }
  return { ms, medianMs: median(ms), cpuMs, medianCpuMs: median(cpuMs), peakRssMb: peakKb / 1024, ...(note ? { note } : {}) };
}

/**
 * The CLI built from the current source into `folder` (a package of its own: bin/, dist/, and links to
 * schema/ and node_modules/). Returns the bin path, and a warning when tsc reported errors (it still
 * emits, so the CLI usually runs; the warning says the numbers may include someone's unfinished code).
 */
function buildPrivateCli(folder: string): { bin?: string; warning?: string } {
  mkdirSync(join(folder, 'bin'), { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ type: 'module' }));
  copyFileSync(join(ROOT, 'bin', 'steward.js'), join(folder, 'bin', 'steward.js'));
  symlinkSync(join(ROOT, 'schema'), join(folder, 'schema'));
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'));
  const tsc = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(folder, 'dist')], { cwd: ROOT, encoding: 'utf8' });
  const warning = tsc.status === 0 ? undefined : `tsc reported errors (exit ${tsc.status}): ${(tsc.stdout + tsc.stderr).trim().split('\n').slice(0, 3).join(' / ')}`;
  return existsSync(join(folder, 'dist', 'cli', 'main.js')) ? { bin: join(folder, 'bin', 'steward.js'), warning } : { warning: warning ?? 'tsc emitted no dist/cli/main.js' };
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => {
    if (!options.json) console.log(line);
  };
  const environment = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'unknown'}`,
    memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
    loadAverageBefore: loadavg().map((x) => Number(x.toFixed(2))),
    peakRssFrom: GNU_TIME ? '/usr/bin/time -v (CLI), getrusage maxRSS (in-process)' : 'getrusage maxRSS',
    cli: options.useDist ? 'bin/steward.js with the repository dist/' : 'built from the current source into a temp folder',
  };
  log(`import/validate benchmark: ${environment.date}, Node ${environment.node}, ${environment.cpus}, ${environment.memoryGb} GB, load ${environment.loadAverageBefore.join(' ')}`);

  const work = await mkdtemp(join(tmpdir(), 'steward-bench-'));
  const targets: Target[] = [];
  let cliNote: string | undefined;
  try {
    let bin: string | undefined;
    if (options.cli && options.useDist) {
      bin = existsSync(join(ROOT, 'dist', 'cli', 'main.js')) ? join(ROOT, 'bin', 'steward.js') : undefined;
      if (!bin) cliNote = 'dist/ is missing (npm run build)';
    } else if (options.cli) {
      const built = buildPrivateCli(join(work, 'cli'));
      bin = built.bin;
      cliNote = built.warning;
    }
    if (cliNote) log(`${bin ? 'warning' : 'CLI runs skipped'}: ${cliNote}`);

    // (a) and (b): the real CSV.
    const importTarget: Target = { name: `(a) import v1.0 CSV (${CSV_ROWS} rows) into an empty folder`, limitMs: 1000 };
    const validateTarget: Target = { name: `(b) validate the ${CSV_ROWS} imported labels`, limitMs: 1000 };
    targets.push(importTarget, validateTarget);
    if (!existsSync(CSV)) {
      importTarget.skipped = validateTarget.skipped = `${CSV} is absent (the real data lives in ../shared beside the clone, or STEWARD_SHARED)`;
      log(`(a), (b) skipped: ${importTarget.skipped}`);
    } else {
      let fresh = 0;
      const freshDir = () => join(work, `import-${++fresh}`);
      const importDirs = Array.from({ length: options.runs }, freshDir);
      importTarget.inProcess = inProcess({ task: 'import', source: CSV, dirs: importDirs });
      if (bin) importTarget.cli = cli(bin, ['import', 'medcalc-bench', CSV], options.runs, 0, () => ['--dir', freshDir()]);
      log(line(importTarget));
      validateTarget.inProcess = inProcess({ task: 'validate', dir: importDirs[0], runs: options.runs, files: CSV_ROWS });
      if (bin) validateTarget.cli = cli(bin, ['validate', '--dir', importDirs[0]], options.runs, 0);
      log(line(validateTarget));
    }

    // (c): the synthetic repository.
    const synthDir = options.dir ? resolve(options.dir) : join(work, 'synthetic');
    const existing = countLabels(synthDir);
    let files = existing;
    if (existing === 0) {
      const made = await makeSyntheticBenchmark({ dir: synthDir, count: options.count });
      files = made.files;
      log(`synthetic repository: ${made.files} labels, ${(made.bytes / 1e6).toFixed(0)} MB, generated in ${(made.ms / 1000).toFixed(1)} s at ${synthDir}`);
    } else log(`synthetic repository: reusing ${existing} labels at ${synthDir}`);
    const large: Target = { name: `(c) validate a synthetic ${files.toLocaleString('en-US')}-label repository`, limitMs: 5000 };
    targets.push(large);
    large.inProcess = inProcess({ task: 'validate', dir: synthDir, runs: options.runsLarge, files });
    if (bin) large.cli = cli(bin, ['validate', '--dir', synthDir], options.runsLarge, 0);
    log(line(large));
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }

  const missed = targets.filter((t) => !t.skipped && [t.inProcess, t.cli].some((s) => s && s.medianMs >= t.limitMs));
  const report = { environment: { ...environment, loadAverageAfter: loadavg().map((x) => Number(x.toFixed(2))), cliNote }, targets, missed: missed.map((t) => t.name) };
  log(`load average after: ${report.environment.loadAverageAfter.join(' ')}`);
  log(missed.length === 0 ? 'all targets met' : `MISSED: ${missed.map((t) => t.name).join('; ')}`);
  if (options.json) console.log(JSON.stringify(report, null, 2));
  if (options.out) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(resolve(options.out), JSON.stringify(report, null, 2) + '\n');
  }
  if (options.strict && missed.length > 0) process.exitCode = 1;
}

function line(target: Target): string {
  const parts = [target.name];
  const show = (label: string, s: Series | undefined) => {
    if (!s) return;
    const spread = `min ${fmt(Math.min(...s.ms))}, max ${fmt(Math.max(...s.ms))}${s.coldMs !== undefined ? `, first ${fmt(s.coldMs)}` : ''}`;
    const memory = `peak RSS ${s.peakRssMb.toFixed(0)} MB${s.baselineRssMb !== undefined ? ` (${s.baselineRssMb.toFixed(0)} MB before the call)` : ''}`;
    const verdict = s.medianMs < target.limitMs ? 'ok' : 'MISSED';
    parts.push(`  ${label.padEnd(10)} median ${fmt(s.medianMs)} (${spread}; ${s.ms.length} runs), CPU ${fmt(s.medianCpuMs)}, ${memory}  target < ${fmt(target.limitMs)}: ${verdict}${s.note ? `  [${s.note}]` : ''}`);
  };
  show('in-process', target.inProcess);
  show('CLI', target.cli);
  return parts.join('\n');
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Label files already in dir (0 when there is no labels/ folder). */
function countLabels(dir: string): number {
  const labels = join(dir, 'labels');
  if (!existsSync(labels)) return 0;
  return (readdirSync(labels, { recursive: true }) as string[]).filter((e) => e.endsWith('.json')).length;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 5, runsLarge: 3, count: 100_000, keep: false, useDist: false, cli: true, json: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const count = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} must be a positive whole number`);
      return n;
    };
    if (arg === '--runs') options.runs = options.runsLarge = count(value());
    else if (arg === '--runs-large') options.runsLarge = count(value());
    else if (arg === '--count') options.count = count(value());
    else if (arg === '--dir') options.dir = value();
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--use-dist') options.useDist = true;
    else if (arg === '--no-cli') options.cli = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--out') options.out = value();
    else if (arg === '--strict') options.strict = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--child');
  const run = at > 0 ? child(JSON.parse(process.argv[at + 1]) as ChildTask) : main();
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

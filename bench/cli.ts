/**
 * The benchmark of issue 11, through the CLI as a user runs it: every operation is `node bin/steward.js …`
 * in a fresh process (after `npm run build`), run side by side with git doing the same I/O in the same
 * minutes (alternating, steward then git, `--runs` times), with wall time, CPU time and peak RSS of each
 * run from `/usr/bin/time` (wait4 rusage: a pipeline's figure is its largest process).
 *
 *   npx tsx bench/cli.ts                                  100k labels, 3 runs, every operation
 *   npx tsx bench/cli.ts --sizes 10000,100000,1000000 --runs 1 --ops export-jsonl,verify-jsonl
 *   npx tsx bench/cli.ts --json /tmp/steward-bench/results.json
 *   npx tsx bench/cli.ts --ops export-jsonl,score,packed-clone   those reads, in the fixture and in a clone
 *
 * Fixtures are synthetic repositories under /tmp/steward-bench (bench/lib/fixture.ts), built once and
 * reused; `--clean` deletes them after. The "first release" row releases a throwaway clone of the fixture each
 * run; release v1.0.0 of the fixture itself is made once, unmeasured, for the operations that read it.
 * The fixture's objects are loose (as a maintainer's commits leave them); `packed-clone` repeats the
 * reads of the release (exports, verify, score) in a `git clone --no-local` of it, one pack of deltas.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CATALOG } from '../src/calculators/catalog.js';
import { canonicalJson } from '../src/store/canonical.js';
import { labelPath } from '../src/store/paths.js';
import { FIXTURE_ROOT, author, committedFixture, fixtureLabels, gitIdentity } from './lib/fixture.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'steward.js');
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(name);
  return k === -1 ? fallback : process.argv[k + 1];
};
const SIZES = arg('--sizes', '100000').split(',').map(Number);
const RUNS = Number(arg('--runs', '3'));
const ALL_OPS = [
  'first-release',
  'export-worktree',
  'score-ref',
  'export-jsonl',
  'export-csv',
  'verify-jsonl',
  'verify-csv',
  'score',
  'validate',
  'audit',
  'incremental-release',
  'packed-clone',
] as const;
type Op = (typeof ALL_OPS)[number];
const OPS = arg('--ops', ALL_OPS.join(',')).split(',') as Op[];
const JSON_OUT = arg('--json', '');

for (const [key, value] of Object.entries({
  GIT_AUTHOR_NAME: author.name,
  GIT_AUTHOR_EMAIL: author.email,
  GIT_COMMITTER_NAME: author.name,
  GIT_COMMITTER_EMAIL: author.email,
}))
  process.env[key] = value;

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
}

/** One process (or shell pipeline) under /usr/bin/time; throws when it exits other than `ok` allows. */
function timed(argv: string[], cwd: string, ok: readonly number[] = [0]): Run {
  const result = spawnSync('/usr/bin/time', ['-f', '@@%e %U %S %M', ...argv], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 2 ** 30,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const line = result.stderr.split('\n').find((l) => l.startsWith('@@'));
  if (!ok.includes(result.status ?? -1) || !line)
    throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr.slice(-1500)}`);
  const [wall, user, sys, kb] = line.slice(2).split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: kb / 1024 };
}
const steward = (args: string[], dir: string, ok?: readonly number[]) =>
  timed([process.execPath, BIN, ...args, '--dir', dir], dir, ok);
const sh = (script: string, dir: string) => timed(['sh', '-c', script], dir);

interface Row {
  size: number;
  op: Op;
  what: string;
  git: string;
  steward: Run[];
  gitRuns: Run[];
}
const rows: Row[] = [];

const READ_ALL = (ref: string) =>
  `git ls-tree -r -z --full-tree ${ref} -- labels/ | tr '\\0' '\\n' | cut -d' ' -f3 | cut -f1 | git cat-file --batch`;
const READ_WORKTREE = 'git ls-files -- labels | git hash-object --stdin-paths > /dev/null';

function measure(
  size: number,
  op: Op,
  what: string,
  git: string,
  runSteward: () => Run,
  runGit: () => Run,
  runs = RUNS,
): void {
  const row: Row = { size, op, what, git, steward: [], gitRuns: [] };
  for (let k = 0; k < runs; k++) {
    row.steward.push(runSteward());
    row.gitRuns.push(runGit());
  }
  rows.push(row);
  console.log(formatRow(row));
}

const min = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const s = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} s`;
function formatRow(r: Row): string {
  const wall = r.steward.map((x) => x.wall);
  const gitWall = r.gitRuns.map((x) => x.wall);
  const ratio = median(wall) / median(gitWall);
  const cpuRatio = median(r.steward.map((x) => x.cpu)) / median(r.gitRuns.map((x) => x.cpu));
  const spread =
    r.steward.length > 1 ? `${s(min(wall))} / ${s(median(wall))} (max ${s(Math.max(...wall))})` : s(wall[0]);
  const gitSpread = r.gitRuns.length > 1 ? `${s(min(gitWall))} / ${s(median(gitWall))}` : s(gitWall[0]);
  const rss = Math.max(...r.steward.map((x) => x.rssMb));
  return (
    `| ${r.what}, ${r.size.toLocaleString('en')} | ${spread} | ${gitSpread} \`${r.git}\` | ${ratio.toFixed(1)}× ` +
    `(CPU ${cpuRatio.toFixed(1)}×) | ${Math.round(rss)} MB |`
  );
}

/** Predictions for every label of the fixture: `models` models, half naming items by id, half by row. */
function predictionsFile(size: number, models: number): string {
  const file = join(FIXTURE_ROOT, `predictions-${size}x${models}.jsonl`);
  if (existsSync(file)) return file;
  const fd = openSync(`${file}.tmp`, 'w');
  for (let m = 0; m < models; m++) {
    const label = fixtureLabels(size);
    let text = '';
    for (let i = 0; i < size; i++) {
      const l = label(i);
      const a = l.answer;
      const value =
        a.kind === 'incomputable'
          ? 'N/A'
          : Array.isArray(a.value)
            ? `('${a.value[0]} weeks', '${a.value[1]} days')`
            : String(a.value);
      const answer = (i + m) % 4 === 0 ? 'N/A' : value;
      text +=
        (i % 2
          ? JSON.stringify({ id: l.id, answer, model: `model-${m + 1}` })
          : JSON.stringify({ row: l.source.row, answer, model: `model-${m + 1}` })) + '\n';
      if (text.length > 2 ** 22) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
  }
  closeSync(fd);
  execFileSync('mv', [`${file}.tmp`, file]);
  return file;
}

const git = (dir: string, args: string[]) =>
  execFileSync('git', [...gitIdentity, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 2 ** 30 }).trim();
const hasTag = (dir: string, tag: string) =>
  spawnSync('git', ['rev-parse', '-q', '--verify', `refs/tags/${tag}`], { cwd: dir }).status === 0;

/**
 * The reads of release v1.0.0 (exports, their verify, score) in `dir`; `where` is added to each row's
 * name (", packed clone" for the clone of packedClone).
 */
function releaseReads(size: number, dir: string, out: string, where: string): void {
  const catAll = `${READ_ALL('v1.0.0')} > ${out}.git`;
  if (OPS.includes('export-jsonl'))
    measure(
      size,
      'export-jsonl',
      '`export --version` JSONL' + where,
      'ls-tree -r + cat-file --batch > file',
      () => steward(['export', '--version', '1.0.0', '--format', 'jsonl', '--out', `${out}.jsonl`], dir),
      () => sh(catAll, dir),
    );
  if (OPS.includes('export-csv'))
    measure(
      size,
      'export-csv',
      '`export --version` medcalc-csv' + where,
      'ls-tree -r + cat-file --batch > file',
      () => steward(['export', '--version', '1.0.0', '--out', `${out}.csv`], dir),
      () => sh(catAll, dir),
    );
  const verifyGit = (file: string) =>
    `git cat-file blob v1.0.0:changelogs/v1.0.0.json > /dev/null && sha256sum ${file} > /dev/null`;
  for (const [op, name, ext] of [
    ['verify-jsonl', 'JSONL', 'jsonl'],
    ['verify-csv', 'CSV', 'csv'],
  ] as const) {
    if (!OPS.includes(op) || !existsSync(`${out}.${ext}`)) continue;
    measure(
      size,
      op,
      `\`verify\` of the ${name} export${where}`,
      'cat-file the record + sha256sum the export',
      () => steward(['verify', `${out}.${ext}`], dir),
      () => sh(verifyGit(`${out}.${ext}`), dir),
    );
  }
  if (OPS.includes('score')) {
    // 1,000,000 predictions: 10 models at 100k labels, 1 at 1M, 100 at 10k.
    const models = Math.max(1, Math.round(1_000_000 / size));
    const file = predictionsFile(size, models);
    measure(
      size,
      'score',
      `\`score\` ${(models * size).toLocaleString('en')} predictions \`--version\`${where}`,
      'ls-tree -r + cat-file --batch + cat predictions',
      () => steward(['score', file, '--version', '1.0.0', '--json'], dir),
      () => sh(`${READ_ALL('v1.0.0')} > /dev/null && cat ${file} > /dev/null`, dir),
    );
  }
  for (const ext of ['jsonl', 'csv', 'csv.manifest.json', 'git']) rmSync(`${out}.${ext}`, { force: true });
}

/**
 * A clone of the fixture as `git clone` over the pack protocol makes it (what an evaluator has: one pack,
 * most blobs stored as deltas), made once after release v1.0.0 and kept, not measured.
 */
function packedClone(size: number, dir: string): string {
  const clone = join(FIXTURE_ROOT, `clone-${size}`);
  if (existsSync(clone) && hasTag(clone, 'v1.0.0')) return clone;
  rmSync(clone, { recursive: true, force: true });
  execFileSync('git', ['clone', '-q', '--no-local', dir, clone]);
  git(clone, ['config', 'gc.auto', '0']);
  return clone;
}

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')) || process.argv.includes('--build'))
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GB; ` +
    `load average at start ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
);
console.log(
  '| operation, labels | steward min / median | git same I/O min / median | ratio (median wall) | peak RSS ' +
    '|\n|---|---|---|---|---|',
);

for (const size of SIZES) {
  const dir = await committedFixture(size);
  const out = join(FIXTURE_ROOT, `out-${size}`);
  if (OPS.includes('validate'))
    measure(
      size,
      'validate',
      '`validate` (working tree)',
      'ls-files + hash-object --stdin-paths',
      () => steward(['validate'], dir),
      () => sh(READ_WORKTREE, dir),
    );
  if (OPS.includes('audit'))
    measure(
      size,
      'audit',
      '`audit` (working tree)',
      'ls-files + hash-object --stdin-paths',
      // audit exits 1 when it finds labels to triage, as the synthetic labels' random answers are.
      () => steward(['audit', '--json'], dir, [0, 1]),
      () => sh(READ_WORKTREE, dir),
    );
  if (OPS.includes('export-worktree'))
    measure(
      size,
      'export-worktree',
      '`export` JSONL of the working tree',
      'ls-files + hash-object --stdin-paths',
      () => steward(['export', '--format', 'jsonl', '--out', `${out}.jsonl`], dir),
      () => sh(READ_WORKTREE, dir),
    );
  if (OPS.includes('score-ref')) {
    const file = predictionsFile(size, Math.max(1, Math.round(1_000_000 / size)));
    measure(
      size,
      'score-ref',
      '`score` 1M predictions `--version HEAD` (a ref)',
      'ls-tree -r + cat-file --batch + cat predictions',
      () => steward(['score', file, '--version', 'HEAD', '--json'], dir),
      () => sh(`${READ_ALL('HEAD')} > /dev/null && cat ${file} > /dev/null`, dir),
    );
  }
  if (OPS.includes('first-release')) {
    // Made in a throwaway `clone --shared` of the fixture at its labels commit (not measured), so it can
    // be run again and the fixture keeps its one v1.0.0; git reads the same labels in the same clone.
    const labels = hasTag(dir, 'v1.0.0') ? git(dir, ['rev-parse', 'v1.0.0^']) : git(dir, ['rev-parse', 'HEAD']);
    const scratch = join(FIXTURE_ROOT, `first-release-${size}`);
    const fresh = () => {
      rmSync(scratch, { recursive: true, force: true });
      execFileSync('git', ['clone', '-q', '--shared', '--no-checkout', dir, scratch]);
      git(scratch, ['checkout', '-q', '-B', 'main', labels]);
      if (hasTag(scratch, 'v1.0.0')) git(scratch, ['tag', '-d', 'v1.0.0']);
      return scratch;
    };
    try {
      measure(
        size,
        'first-release',
        'first release',
        'ls-tree -r + cat-file --batch',
        () => steward(['release', '1.0.0'], fresh()),
        () => sh(`${READ_ALL('HEAD')} > /dev/null`, scratch),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const releaseOps: Op[] = ['export-jsonl', 'export-csv', 'verify-jsonl', 'verify-csv', 'score', 'incremental-release'];
  if (!releaseOps.some((op) => OPS.includes(op))) continue;
  if (!hasTag(dir, 'v1.0.0')) {
    // The later operations read release v1.0.0 of the fixture: made once (not measured), and kept.
    steward(['release', '1.0.0'], dir);
  }
  releaseReads(size, dir, out, '');
  if (OPS.includes('packed-clone')) releaseReads(size, packedClone(size, dir), `${out}-clone`, ', packed clone');
  if (OPS.includes('incremental-release')) {
    // 1,000 relabels backed by a verifier, committed (not measured); released; then undone for the next run.
    const base = git(dir, ['rev-parse', 'HEAD']);
    const label = fixtureLabels(size);
    const step = Math.floor(size / 1000);
    const slugs = new Map(CATALOG.map((c) => [c.id, c.slug]));
    const runs: Run[] = [];
    const gitRuns: Run[] = [];
    let k = 0;
    const changed: number[] = Array.from({ length: 1000 }, (_, j) => j * step);
    for (let i = 0, done = 0; i < size && done < changed.length; i++) {
      const l = label(i); // the generator is sequential: labels are made in order
      if (i !== changed[done]) continue;
      done++;
      const answer =
        l.answer.kind === 'decimal'
          ? { ...l.answer, value: l.answer.value + 1, lower: l.answer.value + 0.5, upper: l.answer.value + 1.5 }
          : ({ kind: 'incomputable', value: null } as const);
      const relabeled = {
        ...l,
        answer,
        status: answer.kind === 'incomputable' ? 'incomputable' : 'relabeled',
        revision: {
          previous: l.answer,
          proposed: answer,
          category: 'unclassified',
          rationale: 'benchmark relabel',
          proposer: author.name,
          verifier: 'bench',
          time: '2026-11-23T00:00:00.000Z',
        },
      };
      writeFileSync(join(dir, labelPath(l.split, slugs.get(l.calculator.id)!, l.id)), canonicalJson(relabeled));
    }
    git(dir, ['commit', '-qam', '1,000 relabels']);
    for (k = 0; k < RUNS; k++) {
      runs.push(steward(['release', '1.1.0', '--allow-verifier-only'], dir));
      gitRuns.push(
        sh(
          `git diff --name-status -z v1.0.0 HEAD^ -- labels > /dev/null && git diff-tree -r v1.0.0 HEAD^ -- ` +
            `labels | cut -d' ' -f4 | git cat-file --batch > /dev/null`,
          dir,
        ),
      );
      git(dir, ['tag', '-d', 'v1.1.0']);
      git(dir, ['reset', '-q', '--hard', 'HEAD^']);
    }
    git(dir, ['reset', '-q', '--hard', base]);
    rows.push({
      size,
      op: 'incremental-release',
      what: 'incremental release (1,000 changes)',
      git: 'diff --name-status + cat-file --batch',
      steward: runs,
      gitRuns,
    });
    console.log(formatRow(rows[rows.length - 1]));
  }
  for (const ext of ['jsonl', 'csv', 'csv.manifest.json', 'git']) rmSync(`${out}.${ext}`, { force: true });
}

console.log(
  `\nload average at end ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
if (JSON_OUT)
  writeFileSync(
    JSON_OUT,
    JSON.stringify({ node: process.version, cpus: cpus().length, load: loadavg(), rows }, null, 1) + '\n',
  );
if (process.argv.includes('--clean')) rmSync(FIXTURE_ROOT, { recursive: true, force: true });

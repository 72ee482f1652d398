/**
 * Benchmark of src/git against the git CLI on a synthetic label repository.
 *
 *   npx tsx bench/git.ts [--folders 100] [--per-folder 1000] [--changes 1000] [--commit-changes 100]
 *                        [--spread all|few] [--packed] [--gc] [--runs 3] [--history-commits 100]
 *                        [--dir /tmp/x] [--keep] [--json]
 *
 * --dir reuses a fixture left there by an earlier run (--keep keeps the temporary one).
 *
 * The fixture is written straight into the object store (writeBlob / writeTree / writeCommit, and an
 * index written from the files' stat data) rather than through 100,000 add() calls: it is scaffolding,
 * not the thing measured. With --packed the fixture is repacked by the git CLI (as a clone would be)
 * before anything is measured; with --gc it is packed by `git gc --prune=now` instead (delta
 * compression, OFS_DELTA chains, as git's auto-gc or a clone leaves it).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import git, { type TreeEntry } from 'isomorphic-git';
import {
  changedPaths,
  commitFiles,
  createTag,
  fileHistory,
  initRepo,
  listTags,
  pendingLabelChanges,
  openRepo,
  readLabelsAt,
  type Repo,
} from '../src/git/index.js';
import { forEachLimited } from '../src/git/limit.js';
import { canonicalJson } from '../src/store/canonical.js';
import { mulberry32 } from '../src/stats/random.js';

// ---------------------------------------------------------------------------------------------------
// Options

export interface BenchOptions {
  folders: number;
  perFolder: number;
  changes: number;
  commitChanges: number;
  spread: 'all' | 'few';
  packed: boolean;
  /** Pack with `git gc` (deltas) rather than `git repack -ad`. */
  gc: boolean;
  runs: number;
  historyCommits: number;
  dir?: string;
  keep: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    folders: 100, perFolder: 1000, changes: 1000, commitChanges: 100, spread: 'all', packed: false, gc: false, runs: 3, historyCommits: 100, keep: false, json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--folders': options.folders = Number(value()); break;
      case '--per-folder': options.perFolder = Number(value()); break;
      case '--changes': options.changes = Number(value()); break;
      case '--commit-changes': options.commitChanges = Number(value()); break;
      case '--spread': options.spread = value() === 'few' ? 'few' : 'all'; break;
      case '--packed': options.packed = true; break;
      case '--gc': options.packed = true; options.gc = true; break;
      case '--runs': options.runs = Number(value()); break;
      case '--history-commits': options.historyCommits = Number(value()); break;
      case '--dir': options.dir = value(); break;
      case '--keep': options.keep = true; break;
      case '--json': options.json = true; break;
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------
// Synthetic labels: ~1 KB of canonical JSON each, deterministic from (folder, index, version)

const WORDS = ('patient presented with acute onset of dyspnea chest pain fever creatinine serum mg dL history of ' +
  'hypertension diabetes mellitus admitted emergency department examination revealed blood pressure heart rate ' +
  'respiratory oxygen saturation laboratory results showed elevated troponin sodium potassium glucose').split(' ');

function rng(seed: number): () => number {
  return mulberry32(seed >>> 0).uniform;
}

export function slugOf(folder: number): string {
  return `calc-${String(folder).padStart(3, '0')}`;
}

export function labelPathOf(folder: number, index: number, perFolder: number): string {
  const id = `test-${String(folder * perFolder + index + 1).padStart(6, '0')}`;
  return `labels/test/${slugOf(folder)}/${id}.json`;
}

export function syntheticLabel(folder: number, index: number, perFolder: number, version = 0): string {
  const random = rng(folder * 1_000_003 + index * 7 + 1);
  const words = Array.from({ length: 70 }, () => WORDS[Math.floor(random() * WORDS.length)]);
  const value = Math.round(random() * 100_000) / 1000 + version;
  const row = folder * perFolder + index + 1;
  return canonicalJson({
    id: `test-${String(row).padStart(6, '0')}`,
    split: 'test',
    calculator: { id: folder + 1, name: `Synthetic calculator ${folder + 1}`, category: 'lab' },
    source: {
      dataset: 'MedCalc-Bench', version: '1.0', row, calculatorId: folder + 1,
      noteId: `pmc-${Math.floor(random() * 9e6)}-1`, noteType: 'Extracted', outputType: 'decimal',
    },
    note: words.join(' '),
    question: `What is the patient's synthetic score ${folder + 1}?`,
    entities: { age: [Math.floor(random() * 90) + 1, 'years'], sex: random() < 0.5 ? 'Male' : 'Female' },
    answer: { kind: 'decimal', value, lower: value * 0.95, upper: value * 1.05 },
    explanation: `Computed from the synthetic inputs, version ${version}.`,
    status: version === 0 ? 'original' : 'relabeled',
    revision: null,
    signoffs: [],
  });
}

// ---------------------------------------------------------------------------------------------------
// Fixture: write files, blobs, trees, one commit and a matching index without add()

interface IndexRow {
  path: string;
  oid: string;
  stat: fs.Stats;
}

const AUTHOR = { name: 'Bench Runner', email: 'bench@example.invalid' };

export async function buildFixture(dir: string, options: Pick<BenchOptions, 'folders' | 'perFolder'>): Promise<Repo> {
  const repo = await initRepo({ dir });
  for (const [path, value] of [['gc.auto', '0'], ['user.name', AUTHOR.name], ['user.email', AUTHOR.email]] as const) {
    await git.setConfig({ fs, dir, path, value });
  }
  const rows: IndexRow[] = [];
  const folderEntries: TreeEntry[] = [];
  for (let folder = 0; folder < options.folders; folder++) {
    const slug = slugOf(folder);
    await mkdir(join(dir, 'labels/test', slug), { recursive: true });
    const entries: TreeEntry[] = new Array(options.perFolder);
    await forEachLimited(Array.from({ length: options.perFolder }, (_, i) => i), 32, async (index) => {
      const path = labelPathOf(folder, index, options.perFolder);
      const bytes = Buffer.from(syntheticLabel(folder, index, options.perFolder));
      await writeFile(join(dir, path), bytes);
      const oid = await git.writeBlob({ fs, dir, blob: bytes });
      entries[index] = { mode: '100644', path: path.slice(path.lastIndexOf('/') + 1), oid, type: 'blob' };
      rows.push({ path, oid, stat: await lstat(join(dir, path)) });
    });
    folderEntries.push({ mode: '040000', path: slug, oid: await git.writeTree({ fs, dir, tree: entries }), type: 'tree' });
  }
  const readme = Buffer.from('# Synthetic benchmark labels\n');
  await writeFile(join(dir, 'README.md'), readme);
  const readmeOid = await git.writeBlob({ fs, dir, blob: readme });
  rows.push({ path: 'README.md', oid: readmeOid, stat: await lstat(join(dir, 'README.md')) });
  const testTree = await git.writeTree({ fs, dir, tree: folderEntries });
  const labelsTree = await git.writeTree({ fs, dir, tree: [{ mode: '040000', path: 'test', oid: testTree, type: 'tree' }] });
  const rootTree = await git.writeTree({
    fs, dir, tree: [
      { mode: '100644', path: 'README.md', oid: readmeOid, type: 'blob' },
      { mode: '040000', path: 'labels', oid: labelsTree, type: 'tree' },
    ],
  });
  const now = Math.floor(Date.now() / 1000);
  const signature = { ...AUTHOR, timestamp: now, timezoneOffset: 0 };
  const commit = await git.writeCommit({
    fs, dir, commit: { message: 'Import synthetic labels\n', tree: rootTree, parent: [], author: signature, committer: signature },
  });
  await git.writeRef({ fs, dir, ref: 'refs/heads/main', value: commit, force: true });
  await writeIndex(join(dir, '.git/index'), rows);
  return openRepo({ dir });
}

/** A version-2 index (DIRC) holding `rows`, stat data as isomorphic-git normalises it. */
async function writeIndex(file: string, rows: IndexRow[]): Promise<void> {
  rows.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(rows.length, 8);
  parts.push(header);
  const split = (ms: number): [number, number] => {
    const s = Math.floor(ms / 1000);
    return [s, Math.floor((ms - s * 1000) * 1_000_000)];
  };
  for (const { path, oid, stat } of rows) {
    const name = Buffer.from(path);
    const entry = Buffer.alloc(Math.ceil((62 + name.length + 1) / 8) * 8);
    const [cs, cn] = split(stat.ctimeMs);
    const [ms, mn] = split(stat.mtimeMs);
    const words = [cs, cn, ms, mn, stat.dev, stat.ino, 0o100644, stat.uid, stat.gid, stat.size];
    words.forEach((w, i) => entry.writeUInt32BE(w % 2 ** 32, i * 4));
    entry.write(oid, 40, 'hex');
    entry.writeUInt16BE(Math.min(name.length, 0xfff), 60);
    name.copy(entry, 62);
    parts.push(entry);
  }
  const body = Buffer.concat(parts);
  await writeFile(file, Buffer.concat([body, createHash('sha1').update(body).digest()]));
}

// ---------------------------------------------------------------------------------------------------
// Measuring

interface Sample<T> {
  /** Best wall time of the runs. */
  ms: number;
  /** CPU time (user + system) of that run: this process, plus any CLI child processes. */
  cpuMs: number;
  /** Peak RSS in that run: this process (sampled every 5 ms) or, for the CLI, the largest child. */
  rssPeakMb: number;
  result: T;
}

let rssPeak = 0;
let childCpuMs = 0;
let childRssMb = 0;
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Time `task` (best of `runs`). */
async function measure<T>(runs: number, task: () => Promise<T>): Promise<Sample<T>> {
  let best: Sample<T> | undefined;
  for (let run = 0; run < runs; run++) {
    rssPeak = 0;
    childCpuMs = 0;
    childRssMb = 0;
    const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 5);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await task();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    clearInterval(timer);
    const sample = {
      ms,
      cpuMs: (used.user + used.system) / 1000 + childCpuMs,
      rssPeakMb: childRssMb || Math.max(rssPeak, process.memoryUsage().rss) / 2 ** 20,
      result,
    };
    if (!best || ms < best.ms) best = sample;
  }
  return best!;
}

/**
 * Run a CLI pipeline through the shell and return its stdout; the CLI is only ever the yardstick.
 * Under /usr/bin/time when there is one, to count the children's CPU time and peak RSS.
 */
function shell(dir: string, command: string, input?: string): Promise<Buffer> {
  const report = join(tmpdir(), `steward-bench-time-${process.pid}`);
  const [file, args] = TIME ? [TIME, ['-f', '%U %S %M', '-o', report, 'sh', '-c', command]] : ['sh', ['-c', command]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command} exited ${code}`));
      if (TIME) {
        const [user, system, rssKb] = fs.readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
        childCpuMs += (user + system) * 1000;
        childRssMb = Math.max(childRssMb, rssKb / 1024);
      }
      resolve(Buffer.concat(chunks));
    });
    child.stdin.end(input ?? '');
  });
}

function pickChanges(options: BenchOptions, count: number, salt: number): Array<[number, number]> {
  const random = rng(4242 + salt);
  const folders = options.spread === 'all' ? options.folders : Math.max(1, Math.min(options.folders, Math.ceil(count / options.perFolder) + 2));
  const chosen = new Set<string>();
  const out: Array<[number, number]> = [];
  while (out.length < Math.min(count, folders * options.perFolder)) {
    const folder = Math.floor(random() * folders);
    const index = Math.floor(random() * options.perFolder);
    const key = `${folder}/${index}`;
    if (chosen.has(key)) continue;
    chosen.add(key);
    out.push([folder, index]);
  }
  return out;
}

async function rewrite(repo: Repo, picks: Array<[number, number]>, perFolder: number, version: number): Promise<string[]> {
  const paths: string[] = [];
  await forEachLimited(picks, 32, async ([folder, index]) => {
    const path = labelPathOf(folder, index, perFolder);
    await writeFile(join(repo.dir, path), syntheticLabel(folder, index, perFolder, version));
    paths.push(path);
  });
  return paths;
}

function line<T, U>(name: string, ours: Sample<T>, theirs: Sample<U> | undefined, cliName: string): string {
  const own = `${ours.ms.toFixed(0)} ms wall, ${ours.cpuMs.toFixed(0)} ms CPU, peak RSS ${ours.rssPeakMb.toFixed(0)} MB`;
  if (!theirs) return `${name}: ${own}`;
  return `${name}: ${own}\n    ${cliName}: ${theirs.ms.toFixed(0)} ms wall, ${theirs.cpuMs.toFixed(0)} ms CPU, peak RSS ${theirs.rssPeakMb.toFixed(0)} MB` +
    `\n    ratio: ${(ours.ms / theirs.ms).toFixed(2)}x wall, ${(ours.cpuMs / theirs.cpuMs).toFixed(2)}x CPU`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'steward-bench-git-')));
  const log = (text: string): void => {
    if (!options.json) console.log(text);
  };
  const report: Record<string, unknown> = { options: { ...options, dir }, loadBefore: loadavg() };
  try {
    let repo: Repo;
    if (fs.existsSync(join(dir, '.git'))) {
      repo = await openRepo({ dir });
      log(`fixture: reusing ${dir}`);
    } else {
      log(`fixture: ${options.folders} folders x ${options.perFolder} labels in ${dir}`);
      const start = performance.now();
      repo = await buildFixture(dir, options);
      report.fixtureMs = performance.now() - start;
      log(`  built in ${((report.fixtureMs as number) / 1000).toFixed(1)} s`);
    }
    const tags = await listTags(repo);
    if (!tags.some((tag) => tag.name === 'v1')) await createTag(repo, { name: 'v1', message: 'v1\n' });
    if (!tags.some((tag) => tag.name === 'v2')) {
      const changed = await rewrite(repo, pickChanges(options, options.changes, 1), options.perFolder, 1);
      const start = performance.now();
      const v2 = await commitFiles(repo, { paths: changed, message: `Relabel ${changed.length} items\n` });
      report.commitChangesMs = performance.now() - start;
      log(`  committed ${changed.length} changes in ${(report.commitChangesMs as number).toFixed(0)} ms (${v2})`);
      await createTag(repo, { name: 'v2', message: 'v2\n' });
    }
    if (options.packed) {
      const start = performance.now();
      if (options.gc) execFileSync('git', ['gc', '-q', '--prune=now'], { cwd: dir });
      else {
        execFileSync('git', ['repack', '-adq'], { cwd: dir });
        execFileSync('git', ['prune-packed'], { cwd: dir });
      }
      log(`  repacked by the git CLI in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    log(`load average before: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
    // Every module run starts from a fresh handle, as a command would.
    const fresh = (): Promise<Repo> => openRepo({ dir });

    // (a) diff v1 → v2 with the changed blobs' contents
    const diff = await measure(options.runs, async () => (await changedPaths(await fresh(), { from: 'v1', to: 'v2', withContent: true })).length);
    const cliDiff = await measure(options.runs, async () => {
      const raw = (await shell(dir, 'git diff --no-renames --raw --abbrev=40 v1 v2 -- labels')).toString().split('\n').filter(Boolean);
      const oids = raw.flatMap((row) => row.split(/\s+/).slice(2, 4)).filter((oid) => !/^0+$/.test(oid));
      const blobs = await shell(dir, 'git cat-file --batch', oids.join('\n') + '\n');
      return { files: raw.length, bytes: blobs.length };
    });
    report.diff = { module: diff, cli: cliDiff };
    log(line(`(a) changedPaths(v1→v2, withContent) [${diff.result} files]`, diff, cliDiff, `git diff --raw v1 v2 + git cat-file --batch [${cliDiff.result.files} files]`));

    // (b) every label at v1
    const read = await measure(options.runs, async () => (await readLabelsAt(await fresh(), { ref: 'v1' })).size);
    const cliRead = await measure(options.runs, async () => (await shell(dir, 'git archive v1 labels | wc -c')).toString().trim());
    report.read = { module: read, cli: cliRead };
    log(line(`(b) readLabelsAt(v1) [${read.result} files]`, read, cliRead, 'git archive v1 labels | wc -c'));

    // (c) commit labels changed on disk (a fresh set each run; writing them is not timed)
    let run = 0;
    let commitMs = Infinity;
    const commit = await measure(options.runs, async () => {
      run++;
      const paths = await rewrite(repo, pickChanges(options, options.commitChanges, 100 + run), options.perFolder, 1 + run);
      const handle = await fresh();
      const start = performance.now();
      await commitFiles(handle, { paths, message: `Relabel ${paths.length} items\n` });
      commitMs = Math.min(commitMs, performance.now() - start);
      return paths.length;
    });
    report.commit = { module: commit, commitOnlyMs: commitMs };
    log(`(c) commitFiles(${commit.result} labels): ${commitMs.toFixed(0)} ms (best run; ${commit.cpuMs.toFixed(0)} ms CPU with the file writes, peak RSS ${commit.rssPeakMb.toFixed(0)} MB)`);

    // (d) what `steward commit` asks first: the label files that differ from HEAD, against git status
    await rewrite(repo, pickChanges(options, 10, 999), options.perFolder, 999);
    const pending = await measure(options.runs, async () => (await pendingLabelChanges(await fresh())).length);
    const cliStatus = await measure(options.runs, async () => (await shell(dir, 'git status --porcelain -- labels')).toString().split('\n').filter(Boolean).length);
    report.status = { module: pending, cli: cliStatus };
    log(line(`(d) pendingLabelChanges() [${pending.result} files]`, pending, cliStatus, `git status --porcelain -- labels [${cliStatus.result}]`));

    // (e) one label's history through a longer history: commits that each relabel a few labels of one
    // calculator, every tenth touching the label followed
    if (options.historyCommits > 0) {
      const target = labelPathOf(0, 0, options.perFolder);
      for (let i = 0; i < options.historyCommits; i++) {
        const picks: Array<[number, number]> = [[0, 1 + (i % (options.perFolder - 1))], [1, i % options.perFolder]];
        if (i % 10 === 0) picks.push([0, 0]);
        const paths = await rewrite(repo, picks, options.perFolder, 2000 + i);
        await commitFiles(repo, { paths, message: `History ${i}\n` });
      }
      const history = await measure(options.runs, async () => (await fileHistory(await fresh(), { path: target })).length);
      const cliLog = await measure(options.runs, async () => (await shell(dir, `git log --format=%H -- ${target}`)).toString().split('\n').filter(Boolean).length);
      report.history = { module: history, cli: cliLog };
      log(line(`(e) fileHistory(${target}) over ${options.historyCommits}+ commits [${history.result} versions]`, history, cliLog, `git log -- <path> [${cliLog.result}]`));
    }

    execFileSync('git', ['fsck', '--strict', '--no-dangling'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    log('git fsck --strict: ok');
    report.loadAfter = loadavg();
    report.peakRssMb = process.resourceUsage().maxRSS / 1024;
    log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}; this process's peak RSS (getrusage): ${(report.peakRssMb as number).toFixed(0)} MB`);
    if (options.json) console.log(JSON.stringify(report, null, 2));
  } finally {
    if (!options.keep && !options.dir) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
